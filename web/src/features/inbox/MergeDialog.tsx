/**
 * Merges this conversation into another one with the same customer: its messages move there. The
 * customer's other conversations are offered first, on every network; the search finds any other.
 * Merging a private conversation into a public one is said before it is confirmed.
 */
import { useState } from 'react';
import { Alert, Button, Group, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { formatRelative } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import type { FieldLabels } from '../../ui/form-problems';
import { SearchInput } from '../../ui/SearchInput';
import { NETWORK_META } from '../channels/networks';
import { useConversationList, useMergeConversation } from './api';
import { customerName } from './customer-name';
import { STATUS_LABELS } from './labels';
import { mergeCandidates, mergePrivacyWarning } from './merge-candidates';
import type { Conversation } from './types';
import { useCustomerConversations } from './use-customer-conversations';

const LABELS = { targetId: 'Merge into' } satisfies FieldLabels;
const SHOWN = 30;

function Candidate({ conversation: c }: { conversation: Conversation }) {
  const network = NETWORK_META[c.network]?.label ?? c.network;
  return (
    <Radio
      value={c.id}
      label={`${customerName(c)} — ${c.subject || c.preview || '(no text)'}`}
      description={`${network} · ${c.isPrivate ? 'Private' : 'Public'} · ${STATUS_LABELS[c.status]} · ${formatRelative(c.lastMessageAt)}`}
    />
  );
}

function CandidateGroup({ title, conversations }: { title: string; conversations: Conversation[] }) {
  if (conversations.length === 0) return null;
  return (
    <Stack gap="xs" role="group" aria-label={title}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      {conversations.map((c) => (
        <Candidate key={c.id} conversation={c} />
      ))}
    </Stack>
  );
}

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
  const [q, setQ] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const customer = useCustomerConversations(conversation);
  const found = useConversationList({ view: 'all', q: q || undefined });
  const merge = useMergeConversation(conversation.id);
  const listed = found.data?.pages.flatMap((p) => p.data) ?? [];
  // Searching, the results are what was asked for; otherwise the customer's own conversations, then the latest.
  const candidates = mergeCandidates(conversation, q ? [] : customer.conversations, listed);
  const sameCustomer = candidates.sameCustomer.slice(0, SHOWN);
  const others = candidates.others.slice(0, SHOWN - sameCustomer.length);
  const target = [...sameCustomer, ...others].find((c) => c.id === targetId);
  const warning = mergePrivacyWarning(conversation, target);
  const searching = found.isPending || (!q && customer.isPending);
  return (
    <Dialog opened={opened} onClose={onClose} title="Merge into another conversation" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          The messages of this conversation move to the one you pick; this one closes and points there.
        </Text>
        <SearchInput label="Find the conversation" value={q} onSearch={setQ} data-autofocus />
        <Radio.Group value={targetId} onChange={setTargetId} label={LABELS.targetId}>
          <ScrollArea.Autosize mah={300} type="auto">
            <Stack gap="md" mt="xs">
              {sameCustomer.length + others.length === 0 && (
                <Text size="sm" c="dimmed">
                  {searching ? 'Searching…' : 'No other conversations match.'}
                </Text>
              )}
              <CandidateGroup title={`${customerName(conversation)}’s other conversations`} conversations={sameCustomer} />
              <CandidateGroup title={q ? 'Matching conversations' : 'Latest conversations'} conversations={others} />
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
        {warning && (
          <Alert color="orange" variant="light" icon={<IconWorld size={18} aria-hidden />} title="Private into public" p="xs">
            <Text size="sm">{warning}</Text>
          </Alert>
        )}
        <FormError error={merge.error} labels={LABELS} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!targetId}
            color={warning ? 'orange' : undefined}
            loading={merge.isPending}
            onClick={() => targetId && merge.mutate(targetId, { onSuccess: () => onMerged(targetId) })}
          >
            {warning ? 'Merge into the public conversation' : 'Merge'}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
