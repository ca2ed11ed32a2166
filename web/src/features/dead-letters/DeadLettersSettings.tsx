/** Settings › Dead letters: what the pipeline could not take, for replay once the cause is fixed. */
import { useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useChannels } from '../channels/api';
import { DeadLettersList } from './DeadLettersList';

export function DeadLettersSettings() {
  const channels = useChannels();
  const [channelId, setChannelId] = useState<string | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <Text size="sm" c="dimmed" maw={560}>
          Items a channel delivered that could not be read or stored, with the reason. Replay one after fixing the cause, or discard it.
        </Text>
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          w={220}
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={channelId}
          onChange={setChannelId}
        />
      </Group>
      <DeadLettersList channelId={channelId ?? undefined} />
    </>
  );
}
