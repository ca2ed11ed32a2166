/**
 * The customer's conversations on every network: those of their contact (the list API filters by
 * contact, whichever of their identities each came from), or those of the conversation's own
 * identity when it has no contact.
 */
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import type { Conversation } from './types';

/** More than the merge dialog shows; past it, the search finds the others. */
const LIMIT = 50;

/** What narrows the list to the customer: their contact, else their identity; null when neither is known. */
export function customerFilter(conversation: Conversation): { contactId: string } | { identityId: string } | null {
  const contactId = conversation.contact?.id ?? conversation.contactId;
  if (contactId) return { contactId };
  return conversation.identity ? { identityId: conversation.identity.id } : null;
}

export function useCustomerConversations(conversation: Conversation): { conversations: Conversation[]; isPending: boolean } {
  const customer = customerFilter(conversation);
  const list = useQuery({
    queryKey: ['conversations', 'of-customer', customer],
    queryFn: ({ signal }) => api<Page<Conversation>>(`/conversations${query({ ...customer, limit: LIMIT })}`, { signal }),
    enabled: customer !== null,
  });
  return { conversations: list.data?.data ?? [], isPending: customer !== null && list.isPending };
}
