/**
 * The workspace's live event stream (server-sent events). One connection per tab: it refreshes the
 * TanStack queries a change makes stale, and lets components react to events (e.g. a toast for a
 * new notification). Read with fetch rather than EventSource so that every event type arrives
 * without registering each name in advance.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { SseParser } from './sse';
import { batchRefreshes } from './use-batched-refresh';

export interface LiveEvent {
  id: number | string;
  type: string;
  subjectType: string;
  subjectId: string;
  occurredAt: string;
  notification?: { id: string; kind: string; title: string; body: string; subjectType: string | null; subjectId: string | null };
}

/** Which cached queries an event about a kind of subject makes stale, by the event type's prefix. */
const STALE_QUERIES: Record<string, QueryKey[]> = {
  contact: [['contacts'], ['search'], ['my-day'], ['companies']],
  company: [['companies'], ['contacts'], ['search']],
  // An entry moves a contact's last or next interaction, which its relationship panel shows.
  activity: [['timeline'], ['relationship', 'contact']],
  task: [['timeline'], ['my-day'], ['tasks'], ['relationship', 'contact']],
  reminder: [['my-day']],
  notification: [['notifications']],
  custom_field: [['custom-fields']],
  member: [['members']],
  team: [['teams'], ['members']],
  api_token: [['api-tokens']],
  segment: [['segments']],
  import: [['imports'], ['contacts']],
};

/** Events that make other queries stale than their prefix's do. */
const STALE_QUERIES_OF_TYPE: Record<string, QueryKey[]> = {
  // New scores move the tier and health that contact lists, contact pages, the relationship panel and
  // the inbox's rows show, and nothing else of the contact: the nightly run's burst refreshes no search
  // or company page.
  'contact.score_changed': [['contacts'], ['relationship', 'contact'], ['conversations', 'list']],
};

export function staleQueriesFor(eventType: string): QueryKey[] {
  return STALE_QUERIES_OF_TYPE[eventType] ?? STALE_QUERIES[eventType.split('.')[0] ?? ''] ?? [];
}

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();

/** Calls `listener` for every live event while the calling component is mounted. */
export function useLiveEvent(listener: Listener) {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const relay: Listener = (event) => latest.current(event);
    listeners.add(relay);
    return () => {
      listeners.delete(relay);
    };
  }, []);
}

/** How long a burst of events gathers before the queries it made stale are refreshed. */
const FLUSH_MS = 300;
const MAX_BACKOFF_MS = 30_000;

async function readStream(response: Response, onEvent: (event: LiveEvent) => void, signal: AbortSignal) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  while (!signal.aborted) {
    const { value, done } = await reader.read();
    if (done) return;
    for (const message of parser.push(value)) {
      try {
        onEvent(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A malformed message is skipped; the next one may be fine.
      }
    }
  }
}

/** Opens the stream while `enabled`, reconnecting with backoff; after a gap, everything is refetched. */
export function useLiveEvents(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const refreshStale = batchRefreshes(client, FLUSH_MS);
    let attempt = 0;
    let retry: ReturnType<typeof setTimeout> | null = null;

    const handle = (event: LiveEvent) => {
      refreshStale(staleQueriesFor(event.type));
      listeners.forEach((listener) => listener(event));
    };

    const connect = async () => {
      try {
        const response = await fetch('/api/v1/events', {
          headers: { accept: 'text/event-stream' },
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (response.status === 401) {
          void client.invalidateQueries({ queryKey: ['session'] });
          return;
        }
        if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
        if (attempt > 0) void client.invalidateQueries();
        attempt = 0;
        await readStream(response, handle, controller.signal);
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      attempt += 1;
      retry = setTimeout(() => void connect(), Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)));
    };

    void connect();
    return () => {
      controller.abort();
      refreshStale.cancel();
      if (retry) clearTimeout(retry);
    };
  }, [enabled, client]);
}
