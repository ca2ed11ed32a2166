/** Pause or resume a channel (asking first when pausing refuses a network's deliveries), and remove it after asking. */
import { useState } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { useDeleteChannel, useSetChannelPaused } from './api';
import { PAUSE_WEBHOOK_WARNING, receivesWebhooks } from './channel-kinds';
import type { Channel } from './types';

export function PauseChannelButton({ channel }: { channel: Channel }) {
  const setPaused = useSetChannelPaused();
  const [asking, setAsking] = useState(false);
  const paused = channel.status === 'paused';
  const label = paused ? `Resume ${channel.name}` : `Pause ${channel.name}`;
  const toggle = () =>
    setPaused.mutate(
      { id: channel.id, paused: !paused },
      {
        onSuccess: () => setAsking(false),
        onError: (error) => {
          if (!asking) notifyFailure(`Could not ${paused ? 'resume' : 'pause'} the channel`, error);
        },
      },
    );
  // Pausing a channel Rapport fetches from only delays the fetching; a webhook-fed one turns the network's deliveries away.
  const askFirst = !paused && receivesWebhooks(channel.kind);
  return (
    <>
      <Tooltip label={paused ? 'Resume' : 'Pause'}>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={label}
          loading={setPaused.isPending && !asking}
          onClick={() => (askFirst ? setAsking(true) : toggle())}
        >
          {paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={asking}
        title={`Pause ${channel.name}?`}
        confirmLabel="Pause channel"
        pending={setPaused.isPending}
        error={setPaused.error}
        onClose={() => {
          setAsking(false);
          setPaused.reset();
        }}
        onConfirm={toggle}
      >
        {PAUSE_WEBHOOK_WARNING}
      </ConfirmDialog>
    </>
  );
}

export function RemoveChannelButton({ channel, onRemoved }: { channel: Channel; onRemoved?: () => void }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteChannel();
  return (
    <>
      <Tooltip label="Remove">
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${channel.name}`} onClick={() => setAsking(true)}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={asking}
        title={`Remove ${channel.name}?`}
        confirmLabel="Remove channel"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          remove.mutate(channel.id, {
            onSuccess: () => {
              setAsking(false);
              onRemoved?.();
            },
          })
        }
      >
        Rapport stops reading this channel and forgets its settings and secrets. Conversations already received stay in the inbox.
      </ConfirmDialog>
    </>
  );
}
