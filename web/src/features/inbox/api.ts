/** Server state for the inbox: conversations, their messages, replies, notes and presence. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api';
import type { Page } from '../../lib/types';
import { countsQuery, listQuery } from './inbox-queries';
import type {
  BulkAction,
  Conversation,
  ConversationChange,
  ConversationCounts,
  ConversationFilters,
  LabelSuggestion,
  Message,
  PresenceActivity,
  UndeliveredMention,
} from './types';

const PAGE_SIZE = 50;

export const inboxKeys = {
  all: ['conversations'] as const,
  list: (filters: ConversationFilters) => ['conversations', 'list', filters] as const,
  counts: ['conversations', 'counts'] as const,
  countsFor: (filters: ConversationFilters) => ['conversations', 'counts', filters] as const,
  labels: ['conversations', 'labels'] as const,
  one: (id: string) => ['conversations', 'one', id] as const,
  messages: (id: string) => ['conversations', 'messages', id] as const,
};

export function useConversationList(filters: ConversationFilters) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(listQuery(filters)),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Conversation>>(`/conversations${query({ ...listQuery(filters), limit: PAGE_SIZE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** What each view, status and the spam folder hold with these filters; with none, the whole inbox. */
export function useConversationCounts(filters: ConversationFilters = {}) {
  const asked = countsQuery(filters);
  return useQuery({
    queryKey: inboxKeys.countsFor(asked),
    queryFn: ({ signal }) => api<ConversationCounts>(`/conversations/counts${query({ ...asked })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The labels in use, each once whatever its case, most used first. */
export function useLabelSuggestions() {
  return useQuery({
    queryKey: inboxKeys.labels,
    queryFn: ({ signal }) => api<{ data: LabelSuggestion[] }>('/conversations/labels', { signal }),
    select: (result) => result.data.map((s) => s.label),
    staleTime: 60_000,
  });
}

export function useConversation(id: string | undefined) {
  return useQuery({
    queryKey: inboxKeys.one(id ?? ''),
    queryFn: ({ signal }) => api<Conversation>(`/conversations/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useMessages(conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Message>>(`/conversations/${conversationId}/messages${query({ limit: 100, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After a change, the lists and counts it may move the conversation between. */
function refreshLists(client: QueryClient) {
  void client.invalidateQueries({ queryKey: ['conversations', 'list'] });
  void client.invalidateQueries({ queryKey: inboxKeys.counts });
  void client.invalidateQueries({ queryKey: inboxKeys.labels });
}

export function useUpdateConversation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ConversationChange) => api<Conversation>(`/conversations/${id}`, { method: 'PATCH', body: change }),
    onSuccess: (conversation) => {
      client.setQueryData(inboxKeys.one(id), conversation);
      refreshLists(client);
    },
  });
}

/** Changes the conversation each call names: a shortcut acts on the one asked for, which may not be on screen yet. */
export function useChangeConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ConversationChange }) =>
      api<Conversation>(`/conversations/${id}`, { method: 'PATCH', body: change }),
    onSuccess: (conversation) => {
      client.setQueryData(inboxKeys.one(conversation.id), conversation);
      refreshLists(client);
    },
  });
}

/** A fresh key per draft: a retried send is stored once, a second reply is a new one. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function useSendReply(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; text: string; status?: 'pending' | 'resolved' }) =>
      api<Message>(`/conversations/${conversationId}/replies`, { method: 'POST', body, headers: { 'idempotency-key': key } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) });
      void client.invalidateQueries({ queryKey: inboxKeys.one(conversationId) });
      refreshLists(client);
    },
  });
}

export function useAddNote(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; text: string; mentions: string[] }) =>
      api<Message & { undeliveredMentions: UndeliveredMention[] }>(`/conversations/${conversationId}/notes`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': key },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) }),
  });
}

export function useMergeConversation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) => api<unknown>(`/conversations/${id}/merge`, { method: 'POST', body: { targetId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useBulkAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; action: BulkAction }) =>
      api<{ updated: number }>('/conversations/bulk', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function sendPresence(conversationId: string, activity: PresenceActivity): Promise<void> {
  return api<void>(`/conversations/${conversationId}/presence`, { method: 'POST', body: { activity } });
}
