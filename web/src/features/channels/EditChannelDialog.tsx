/** Changes a channel's name, team and settings; secrets are replaced only when new ones are typed. */
import { useState } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { fieldErrors } from '../../ui/form-problems';
import { useTeams } from '../teams/api';
import { useChangeChannel } from './api';
import { CHANNEL_FORMS, CHANNEL_LABELS, channelLabels, initialValues, missingFields, toRequest, type FormValues } from './channel-forms';
import { ChannelFields } from './ChannelFields';
import { ChannelPurposeSelect } from './ChannelPurposeSelect';
import type { Channel, ChannelPurpose } from './types';
import { reachableClearButton } from '../../ui/clear-button';

export function EditChannelDialog({ channel, opened, onClose }: { channel: Channel; opened: boolean; onClose: () => void }) {
  const teams = useTeams();
  const change = useChangeChannel(channel.id);
  const fields = CHANNEL_FORMS[channel.kind] ?? [];
  const [name, setName] = useState(channel.name);
  const [teamId, setTeamId] = useState<string | null>(channel.teamId);
  const [purpose, setPurpose] = useState<ChannelPurpose>(channel.purpose);
  const stored = channel.storedCredentials;
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, channel.config, stored.shown));
  const labels = channelLabels(fields);
  const errors = fieldErrors(change.error, labels);
  const missing = missingFields(fields, values, stored);
  const dismiss = () => {
    change.reset();
    onClose();
  };
  return (
    <Dialog opened={opened} onClose={dismiss} title={`Edit ${channel.name}`} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate(
            { name: name.trim(), teamId, purpose, ...toRequest(fields, values, channel.config, stored.shown) },
            { onSuccess: dismiss },
          );
        }}
      >
        <Stack gap="sm">
          <FormError error={change.error} labels={labels} />
          <TextInput
            label={CHANNEL_LABELS.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label={CHANNEL_LABELS.teamId}
            placeholder="No team"
            clearable
            allowDeselect={false}
            clearButtonProps={reachableClearButton('Clear team')}
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={setTeamId}
            error={errors.teamId}
          />
          <ChannelPurposeSelect value={purpose} onChange={setPurpose} />
          <ChannelFields
            fields={fields}
            values={values}
            onChange={(path, value) => setValues((v) => ({ ...v, [path]: value }))}
            errors={errors}
            stored={stored}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending} disabled={!name.trim() || missing.length > 0}>
              Save channel
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
