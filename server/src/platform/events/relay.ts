/**
 * Moves committed events from the outbox to the bus. Polls, and can be nudged right after a
 * commit so live updates arrive without waiting for the next poll.
 */
import type { Db } from '../db/db.js';
import type { EventBus } from './bus.js';
import { EVENT_ROW_COLUMNS, toDomainEvent, type EventRow } from './event.repo.js';

export interface EventRelay {
  /** Relays everything committed so far; resolves when done (tests call this directly). */
  flush(): Promise<number>;
  nudge(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/**
 * Nudges within this window share one relay pass: under a burst of writes the relay runs a few
 * times a second instead of once per write, and live views still update within a blink.
 */
const NUDGE_DELAY_MS = 30;

export function createEventRelay(db: Db, bus: EventBus, onError: (error: unknown) => void): EventRelay {
  let timer: NodeJS.Timeout | null = null;
  let nudged: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let followUp: Promise<number> | null = null;

  async function relayBatch(): Promise<number> {
    const events = await db.transaction(async (tx) => {
      const { rows } = await tx.query<EventRow>(
        `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE NOT relayed ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return [];
      await tx.query('UPDATE events SET relayed = true WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.map(toDomainEvent);
    });
    await bus.publish(events);
    return events.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await relayBatch();
      total += count;
      if (count < 500) return total;
    }
  }

  function flush(): Promise<number> {
    // A pass under way may have read the outbox before the caller's commit: the caller gets the pass
    // after it, shared by everyone who asks meanwhile.
    if (running) {
      followUp ??= running.then(() => {
        followUp = null;
        return flush();
      });
      return followUp;
    }
    running = drain()
      .catch((error) => {
        onError(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    flush,
    nudge() {
      if (nudged) return;
      nudged = setTimeout(() => {
        nudged = null;
        void flush();
      }, NUDGE_DELAY_MS);
      nudged.unref();
    },
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (nudged) clearTimeout(nudged);
      timer = null;
      nudged = null;
      await running;
    },
  };
}
