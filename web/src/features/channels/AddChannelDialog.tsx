/** Adds a channel in three steps: pick the kind, fill in its settings and secrets, then test the connection. */
import { useState } from 'react';
import { Alert, Button, Group, Loader, Radio, Select, SimpleGrid, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { IconCheck, IconFlask, IconPlugConnectedX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { fieldErrors, NO_FIELDS, type FieldLabels } from '../../ui/form-problems';
import { useTeams } from '../teams/api';
import { useCreateChannel, useTestChannel } from './api';
import {
  CHANNEL_FORMS,
  CHANNEL_LABELS,
  channelLabels,
  CONFIGURABLE_KINDS,
  initialValues,
  missingFields,
  toRequest,
  type FormValues,
} from './channel-forms';
import { ChannelFields } from './ChannelFields';
import { ChannelPurposeSelect } from './ChannelPurposeSelect';
import { defaultChannelName, SANDBOX_PROMISE } from './channel-kinds';
import { CHANNEL_KIND_META } from './networks';
import type { Channel, ChannelKind, ChannelPurpose } from './types';
import { reachableClearButton } from '../../ui/clear-button';

export function AddChannelDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const teams = useTeams();
  const create = useCreateChannel();
  const test = useTestChannel();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ChannelKind | null>(null);
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<ChannelPurpose>('inbox');
  const [values, setValues] = useState<FormValues>({});
  const [created, setCreated] = useState<Channel | null>(null);
  const fields = kind ? (CHANNEL_FORMS[kind] ?? []) : [];
  const labels: FieldLabels = { kind: 'Kind of channel', ...channelLabels(fields) };
  const errors = fieldErrors(create.error, labels);
  const missing = missingFields(fields, values, null);

  const chooseKind = (next: ChannelKind) => {
    setKind(next);
    setValues(initialValues(CHANNEL_FORMS[next] ?? []));
    if (!name) setName(defaultChannelName(next));
  };

  const save = () => {
    if (!kind) return;
    create.mutate(
      { kind, name: name.trim(), teamId, purpose, ...toRequest(fields, values) },
      {
        onSuccess: (channel) => {
          setCreated(channel);
          setStep(2);
          test.mutate(channel.id);
        },
      },
    );
  };

  return (
    <Dialog opened={opened} onClose={onClose} title="Add a channel" size="lg">
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false} onStepClick={(s) => !created && setStep(s)}>
        <Stepper.Step label="Kind" description="Where messages come from">
          <Radio.Group value={kind} onChange={(value) => chooseKind(value as ChannelKind)} label={labels.kind}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
              {CONFIGURABLE_KINDS.map((k) => {
                const meta = CHANNEL_KIND_META[k];
                return (
                  <Radio.Card key={k} value={k} p="sm" radius="md">
                    <Group gap="sm" wrap="nowrap">
                      <Radio.Indicator />
                      <meta.icon size={20} aria-hidden />
                      <Text size="sm" fw={500}>
                        {meta.label}
                      </Text>
                    </Group>
                  </Radio.Card>
                );
              })}
            </SimpleGrid>
          </Radio.Group>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={!kind} onClick={() => setStep(1)}>
              Next
            </Button>
          </Group>
        </Stepper.Step>
        <Stepper.Step label="Settings" description="Address and secrets">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <Stack gap="sm">
              <FormError error={create.error} labels={labels} />
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
                description="New conversations from this channel go to this team"
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
              {kind === 'sandbox' && (
                <Alert color="teal" variant="light" icon={<IconFlask size={18} aria-hidden />} p="xs">
                  {SANDBOX_PROMISE} It needs no account: try the inbox, or keep imported conversations answerable.
                </Alert>
              )}
              <ChannelFields
                fields={fields}
                values={values}
                onChange={(path, value) => setValues((v) => ({ ...v, [path]: value }))}
                errors={errors}
                stored={null}
              />
              <Group justify="space-between" mt="sm">
                <Button variant="default" onClick={() => setStep(0)}>
                  Back
                </Button>
                <Button type="submit" loading={create.isPending} disabled={!name.trim() || missing.length > 0}>
                  Save and test
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="Test" description="Check the connection">
          <Stack gap="sm" aria-live="polite">
            {test.isPending && (
              <Group gap="xs">
                <Loader size="xs" aria-hidden />
                <Text size="sm">Testing the connection…</Text>
              </Group>
            )}
            {test.data && (
              <Alert
                color={test.data.ok ? 'green' : 'red'}
                icon={test.data.ok ? <IconCheck size={18} /> : <IconPlugConnectedX size={18} />}
                title={test.data.ok ? 'Connected' : 'The connection failed'}
                role={test.data.ok ? 'status' : 'alert'}
              >
                {test.data.message}
                {!test.data.ok && (
                  <Text size="sm" mt={4}>
                    The channel is saved; fix its settings on its page and test again.
                  </Text>
                )}
              </Alert>
            )}
            <FormError error={test.error} labels={NO_FIELDS} />
            <Group justify="flex-end">
              {created && (
                <Button variant="default" onClick={() => test.mutate(created.id)} loading={test.isPending}>
                  Test again
                </Button>
              )}
              {created && (
                <Button variant="default" onClick={() => void navigate(`/settings/channels/${created.id}`)}>
                  Open channel
                </Button>
              )}
              <Button onClick={onClose}>Done</Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Dialog>
  );
}
