/** The customer's other conversations with us, newest first, to see what they asked before. */
import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, query } from '../../lib/api';
import { formatRelative } from '../../lib/format';
import type { Page } from '../../lib/types';
import { STATUS_LABELS } from './labels';
import type { Conversation } from './types';

export function OtherConversations({ conversation }: { conversation: Conversation }) {
  const identityId = conversation.identity?.id;
  const others = useQuery({
    queryKey: ['conversations', 'by-identity', identityId],
    queryFn: ({ signal }) => api<Page<Conversation>>(`/conversations${query({ identityId, limit: 6 })}`, { signal }),
    enabled: Boolean(identityId),
  });
  const list = (others.data?.data ?? []).filter((c) => c.id !== conversation.id).slice(0, 5);
  if (!identityId || list.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label="Other conversations">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        Other conversations
      </Text>
      {list.map((c) => (
        <Anchor key={c.id} component={Link} to={`/inbox/${c.id}`} size="sm" lineClamp={1}>
          {c.subject || c.preview}{' '}
          <Text span size="xs" c="dimmed">
            · {STATUS_LABELS[c.status]} · {formatRelative(c.lastMessageAt)}
          </Text>
        </Anchor>
      ))}
    </Stack>
  );
}
