/**
 * The in-process event bus. Its interface is publish/subscribe of committed events only, so a
 * NATS JetStream transport can replace it without touching subscribers.
 */
import type { DomainEvent } from './event.js';

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
  /** `pattern` is an exact type, a prefix ending in `.*`, or `*` for all. Returns unsubscribe. */
  subscribe(pattern: string, handler: EventHandler): () => void;
}

function matches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function createEventBus(onHandlerError: (error: unknown, event: DomainEvent) => void): EventBus {
  const subscribers = new Set<{ pattern: string; handler: EventHandler }>();
  return {
    async publish(events) {
      for (const event of events) {
        for (const subscriber of subscribers) {
          if (!matches(subscriber.pattern, event.type)) continue;
          try {
            await subscriber.handler(event);
          } catch (error) {
            onHandlerError(error, event);
          }
        }
      }
    },
    subscribe(pattern, handler) {
      const subscriber = { pattern, handler };
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  };
}
