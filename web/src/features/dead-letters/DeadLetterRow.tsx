/** One refused item: when, why, its payload on demand, and replay or discard. */
import { useState } from 'react';
import { Badge, Button, Code, Collapse, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../lib/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyFailure } from '../../ui/notify-failure';
import { useDeadLetterPayload, useDiscardDeadLetter, useReplayDeadLetter } from './api';
import type { DeadLetter } from './types';

export function DeadLetterRow({
  deadLetter,
  channelName,
  canAct,
}: {
  deadLetter: DeadLetter;
  channelName: string | null;
  canAct: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const payload = useDeadLetterPayload(deadLetter, open);
  const replay = useReplayDeadLetter();
  const discard = useDiscardDeadLetter();
  const text = deadLetter.payload ?? payload.data;
  const panelId = `dead-letter-${deadLetter.id}`;

  const runReplay = () =>
    replay.mutate(deadLetter.id, {
      onSuccess: ({ report, problems }) =>
        notifications.show({
          color: problems.length > 0 ? 'orange' : 'green',
          title: problems.length > 0 ? 'Replayed, still refused' : 'Replayed',
          message: [
            `${report.ingested} ingested, ${report.duplicates} duplicates, ${report.rejected} refused`,
            ...problems.map((p) => `${p.code}: ${p.reason}`),
          ].join('; '),
        }),
      onError: (error) => notifyFailure('Could not replay', error),
    });

  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Badge variant="light" color="red" tt="none">
              {deadLetter.code}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {deadLetter.source}
              {deadLetter.format ? ` · ${deadLetter.format}` : ''}
            </Badge>
            {deadLetter.resolved && (
              <Badge variant="light" color="green">
                Resolved
              </Badge>
            )}
            {channelName && (
              <Text size="xs" c="dimmed">
                {channelName}
              </Text>
            )}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {deadLetter.reason}
          </Text>
          <Text size="xs" c="dimmed">
            <time dateTime={deadLetter.lastSeenAt} title={formatDateTime(deadLetter.lastSeenAt)}>
              {formatRelative(deadLetter.lastSeenAt)}
            </time>
            {deadLetter.occurrences > 1 && (
              <>
                {` · came ${deadLetter.occurrences} times since `}
                <time dateTime={deadLetter.occurredAt} title={formatDateTime(deadLetter.occurredAt)}>
                  {formatRelative(deadLetter.occurredAt)}
                </time>
              </>
            )}
            {deadLetter.replayCount > 0 && ` · replayed ${deadLetter.replayCount}×`}
          </Text>
        </Stack>
        {canAct && (
          <Group gap={6} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconPlayerPlay size={12} />}
              loading={replay.isPending}
              onClick={runReplay}
              disabled={deadLetter.resolved}
            >
              Replay
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={12} />}
              onClick={() => setDiscarding(true)}
            >
              Discard
            </Button>
          </Group>
        )}
      </Group>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        mt={4}
        leftSection={open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Payload
      </Button>
      <Collapse expanded={open} id={panelId}>
        {payload.isFetching && <Loader size="xs" aria-label="Loading payload" />}
        {text !== undefined && (
          <Code block mt={4} mah={300} style={{ overflow: 'auto', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {text || '(empty)'}
          </Code>
        )}
        {deadLetter.payloadTruncated && (
          <Text size="xs" c="dimmed" mt={4}>
            The payload was cut to 64 KiB when stored; a replay reads only what was kept.
          </Text>
        )}
      </Collapse>
      <ConfirmDialog
        opened={discarding}
        title="Discard this dead letter?"
        confirmLabel="Discard"
        pending={discard.isPending}
        error={discard.error}
        onClose={() => setDiscarding(false)}
        onConfirm={() => discard.mutate(deadLetter.id, { onSuccess: () => setDiscarding(false) })}
      >
        The item and its payload are deleted and cannot be replayed any more.
      </ConfirmDialog>
    </Paper>
  );
}
