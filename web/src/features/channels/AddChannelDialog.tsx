/** Adds a channel in three steps: pick the kind, fill in its settings and secrets, then test the connection. */
import { useState } from 'react';
import { Alert, Button, Group, Loader, Radio, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { IconCheck, IconFlask, IconPlugConnectedX } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { NO_FIELDS, type FieldLabels } from '../../ui/form-problems';
import { useCreateChannel, useTestChannel } from './api';
import { CHANNEL_FORMS, channelLabels, CONFIGURABLE_KINDS, initialValues, toRequest } from './channel-forms';
import { ChannelForm, type ChannelDraft } from './ChannelForm';
import { defaultChannelName, SANDBOX_PROMISE } from './channel-kinds';
import { CHANNEL_KIND_META } from './networks';
import type { Channel, ChannelKind } from './types';

export function AddChannelDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateChannel();
  const test = useTestChannel();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ChannelKind | null>(null);
  const [draft, setDraft] = useState<ChannelDraft>({ name: '', teamId: null, purpose: 'inbox', values: {} });
  const [created, setCreated] = useState<Channel | null>(null);
  const fields = kind ? (CHANNEL_FORMS[kind] ?? []) : [];
  const labels: FieldLabels = { kind: 'Kind of channel', ...channelLabels(fields) };

  const chooseKind = (next: ChannelKind) => {
    setKind(next);
    setDraft((d) => ({ ...d, name: d.name || defaultChannelName(next), values: initialValues(CHANNEL_FORMS[next] ?? []) }));
  };

  const save = () => {
    if (!kind) return;
    create.mutate(
      { kind, name: draft.name.trim(), teamId: draft.teamId, purpose: draft.purpose, ...toRequest(fields, draft.values) },
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
          <ChannelForm
            fields={fields}
            stored={null}
            draft={draft}
            setDraft={setDraft}
            labels={labels}
            error={create.error}
            pending={create.isPending}
            submitLabel="Save and test"
            cancelLabel="Back"
            onSubmit={save}
            onCancel={() => setStep(0)}
            teamDescription="New conversations from this channel go to this team"
            notice={
              kind === 'sandbox' && (
                <Alert color="teal" variant="light" icon={<IconFlask size={18} aria-hidden />} p="xs">
                  {SANDBOX_PROMISE} It needs no account: try the inbox, or keep imported conversations answerable.
                </Alert>
              )
            }
          />
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
