/** Pause or resume a channel, and remove it after asking. */
import { useState } from 'react';
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { useDeleteChannel, useSetChannelPaused } from './api';
import type { Channel } from './types';

export function PauseChannelButton({ channel }: { channel: Channel }) {
  const setPaused = useSetChannelPaused();
  const paused = channel.status === 'paused';
  const label = paused ? `Resume ${channel.name}` : `Pause ${channel.name}`;
  return (
    <Tooltip label={paused ? 'Resume' : 'Pause'}>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        loading={setPaused.isPending}
        onClick={() =>
          setPaused.mutate(
            { id: channel.id, paused: !paused },
            {
              onError: (error) => notifyFailure(`Could not ${paused ? 'resume' : 'pause'} the channel`, error),
            },
          )
        }
      >
        {paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
      </ActionIcon>
    </Tooltip>
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
