/** Merges this conversation into another one with the same customer: its messages move there. */
import { useState } from 'react';
import { Button, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { formatRelative } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { SearchInput } from '../../ui/SearchInput';
import { useConversationList, useMergeConversation } from './api';
import { customerName } from './customer-name';
import { STATUS_LABELS } from './labels';
import type { Conversation } from './types';

const LABELS = { targetId: 'Merge into' } satisfies FieldLabels;

export function MergeDialog({
  conversation,
  opened,
  onClose,
  onMerged,
}: {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
  onMerged: (targetId: string) => void;
}) {
  const [q, setQ] = useState(conversation.identity?.handle ?? '');
  const [targetId, setTargetId] = useState<string | null>(null);
  const candidates = useConversationList({ view: 'all', q: q || undefined });
  const merge = useMergeConversation(conversation.id);
  const options = (candidates.data?.pages.flatMap((p) => p.data) ?? [])
    .filter((c) => c.id !== conversation.id && !c.mergedIntoId)
    .slice(0, 30);
  return (
    <Dialog opened={opened} onClose={onClose} title="Merge into another conversation" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          The messages of this conversation move to the one you pick; this one closes and points there.
        </Text>
        <SearchInput label="Find the conversation" value={q} onSearch={setQ} data-autofocus />
        <Radio.Group value={targetId} onChange={setTargetId} label={LABELS.targetId}>
          <ScrollArea.Autosize mah={300} type="auto">
            <Stack gap="xs" mt="xs">
              {options.length === 0 && (
                <Text size="sm" c="dimmed">
                  {candidates.isPending ? 'Searching…' : 'No other conversations match.'}
                </Text>
              )}
              {options.map((c) => (
                <Radio
                  key={c.id}
                  value={c.id}
                  label={`${customerName(c)} — ${c.subject || c.preview || '(no text)'}`}
                  description={`${STATUS_LABELS[c.status]} · ${formatRelative(c.lastMessageAt)}`}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
        <FormError error={merge.error} labels={LABELS} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!targetId}
            loading={merge.isPending}
            onClick={() => targetId && merge.mutate(targetId, { onSuccess: () => onMerged(targetId) })}
          >
            Merge
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
