/**
 * Keeps the inbox current from the live stream. Presence events arrive every few seconds per open
 * conversation, so they refresh only that conversation's viewers, never the lists; the rest are
 * batched like the app-wide refresh so a burst of ingested messages costs a few refetches.
 */
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useLiveEvent, type LiveEvent } from '../../lib/live-events';
import { useBatchedRefresh } from '../../lib/use-batched-refresh';
import { inboxKeys } from './api';
import type { Conversation, Viewer } from './types';

const FLUSH_MS = 300;

/** Presence events may carry the viewers themselves (at the top level or under `data`). */
function viewersOf(event: LiveEvent): Viewer[] | null {
  const raw = event as LiveEvent & { viewers?: unknown; data?: { viewers?: unknown } };
  const viewers = raw.viewers ?? raw.data?.viewers;
  return Array.isArray(viewers) ? (viewers as Viewer[]) : null;
}

export function staleKeys(event: LiveEvent): QueryKey[] {
  const id = event.subjectId;
  switch (event.type) {
    case 'conversation.created':
      return [['conversations', 'list'], inboxKeys.counts];
    case 'conversation.updated':
      return [['conversations', 'list'], inboxKeys.counts, inboxKeys.one(id)];
    case 'conversation.messages_added':
      return [['conversations', 'list'], inboxKeys.counts, inboxKeys.one(id), inboxKeys.messages(id)];
    case 'message.created':
      // A colleague's reply or note: the subject is the message, and its conversation is not in the event.
      return [
        ['conversations', 'messages'],
        ['conversations', 'list'],
        ['conversations', 'one'],
      ];
    case 'message.delivery_updated':
      // A reply that failed for good stops counting as the answer: the conversation's SLA clocks move.
      return [
        ['conversations', 'messages'],
        ['conversations', 'list'],
        ['conversations', 'one'],
      ];
    default:
      if (event.type.startsWith('canned_response.')) return [['canned-responses']];
      return event.type.startsWith('conversation.') && event.type !== 'conversation.presence' ? [inboxKeys.all] : [];
  }
}

export function useInboxLiveUpdates() {
  const client = useQueryClient();
  const refreshStale = useBatchedRefresh(FLUSH_MS);
  useLiveEvent((event) => {
    if (event.type === 'conversation.presence') {
      const viewers = viewersOf(event);
      if (viewers) client.setQueryData<Conversation>(inboxKeys.one(event.subjectId), (c) => (c ? { ...c, viewers } : c));
      else void client.invalidateQueries({ queryKey: inboxKeys.one(event.subjectId), exact: true });
      return;
    }
    refreshStale(staleKeys(event));
  });
}
