/**
 * The in-process event bus. Its interface is publish/subscribe of committed events only, so a
 * NATS JetStream transport can replace it without touching subscribers.
 */
import type { DomainEvent } from './event.js';

export type EventHandler = (event: DomainEvent) => void | Promise<void>;
/** Handles the matching events of one relay pass together (in outbox order), so a burst costs a few round trips, not a few per event. */
export type EventsHandler = (events: readonly DomainEvent[], onError: (error: unknown, event: DomainEvent) => void) => void | Promise<void>;

export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
  /** `pattern` is an exact type, a prefix ending in `.*`, or `*` for all. Returns unsubscribe. */
  subscribe(pattern: string, handler: EventHandler): () => void;
  /** Like `subscribe`, for handlers that do their work for many events at once. */
  subscribeMany(pattern: string, handler: EventsHandler): () => void;
}

function matches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function createEventBus(onHandlerError: (error: unknown, event: DomainEvent) => void): EventBus {
  const single = new Set<{ pattern: string; handler: EventHandler }>();
  const many = new Set<{ pattern: string; handler: EventsHandler }>();
  return {
    // One event at a time to every handler, in outbox order, as handlers were written for; then the
    // handlers of many events, each with its matching events of this pass.
    async publish(events) {
      for (const event of events) {
        for (const subscriber of single) {
          if (!matches(subscriber.pattern, event.type)) continue;
          try {
            await subscriber.handler(event);
          } catch (error) {
            onHandlerError(error, event);
          }
        }
      }
      for (const subscriber of many) {
        const matching = events.filter((event) => matches(subscriber.pattern, event.type));
        if (matching.length === 0) continue;
        try {
          await subscriber.handler(matching, onHandlerError);
        } catch (error) {
          // The handler names no single event; the first one of the pass stands for them.
          onHandlerError(error, matching[0]!);
        }
      }
    },
    subscribe(pattern, handler) {
      const subscriber = { pattern, handler };
      single.add(subscriber);
      return () => single.delete(subscriber);
    },
    subscribeMany(pattern, handler) {
      const subscriber = { pattern, handler };
      many.add(subscriber);
      return () => many.delete(subscriber);
    },
  };
}
