/** Settings › Dead letters: what the pipeline could not take, for replay once the cause is fixed. */
import { useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useChannels } from '../channels/api';
import { DeadLettersList } from './DeadLettersList';
import { DEAD_LETTER_CODES, DEAD_LETTER_STATUSES, statusFilter, type DeadLetterStatus } from './filters';

export function DeadLettersSettings() {
  const channels = useChannels();
  const [channelId, setChannelId] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  // What is still waiting comes first: resolved ones need nothing more.
  const [status, setStatus] = useState<DeadLetterStatus>('unresolved');
  return (
    <>
      <Text size="sm" c="dimmed" maw={560} mb="sm">
        Items a channel delivered that could not be read or stored, with the reason. Replay one after fixing the cause, or discard it.
      </Text>
      <Group mb="sm" align="flex-end">
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          w={220}
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={channelId}
          onChange={setChannelId}
        />
        <Select label="Reason" placeholder="Any reason" clearable w={200} data={DEAD_LETTER_CODES} value={code} onChange={setCode} />
        <Select
          label="Status"
          w={180}
          allowDeselect={false}
          data={DEAD_LETTER_STATUSES}
          value={status}
          onChange={(next) => setStatus((next as DeadLetterStatus | null) ?? 'unresolved')}
        />
      </Group>
      <DeadLettersList filters={{ channelId: channelId ?? undefined, code: code ?? undefined, resolved: statusFilter(status) }} />
    </>
  );
}
