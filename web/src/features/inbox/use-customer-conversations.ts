/**
 * The customer's conversations on every network: through each identity linked to their contact
 * (the list API filters by identity), or through the conversation's own identity when it has no
 * contact.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { List, Page } from '../../lib/types';
import { identityKeys } from '../identity/api';
import type { LinkedIdentity } from '../identity/types';
import type { Conversation } from './types';

/** A contact with more identities than this is rare; past it, the search finds the others. */
const MAX_IDENTITIES = 10;
const PER_IDENTITY = 20;

export function useCustomerConversations(conversation: Conversation): { conversations: Conversation[]; isPending: boolean } {
  const contactId = conversation.contact?.id ?? conversation.contactId;
  const linked = useQuery({
    queryKey: identityKeys.identities(contactId ?? ''),
    queryFn: ({ signal }) => api<List<LinkedIdentity>>(`/contacts/${contactId}/identities`, { signal }),
    enabled: Boolean(contactId),
  });
  const identityIds = [
    ...new Set([...(conversation.identity ? [conversation.identity.id] : []), ...(linked.data?.data ?? []).map((i) => i.id)]),
  ].slice(0, MAX_IDENTITIES);
  const lists = useQueries({
    queries: identityIds.map((identityId) => ({
      queryKey: ['conversations', 'of-identity', identityId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<Page<Conversation>>(`/conversations${query({ identityId, limit: PER_IDENTITY })}`, { signal }),
    })),
  });
  return {
    conversations: lists.flatMap((list) => list.data?.data ?? []),
    isPending: (Boolean(contactId) && linked.isPending) || lists.some((list) => list.isPending),
  };
}
