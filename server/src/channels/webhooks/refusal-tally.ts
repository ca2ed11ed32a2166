/**
 * Refused webhook deliveries, tallied in memory and written per channel at most once every few
 * seconds. The URL is public, so a flood of forged requests must not cost a database write each:
 * a burst becomes one update per channel (and one event) that adds its count, its latest time and
 * its newest reasons, and the channel's health catches up within the interval.
 */
import type { Db } from '../../platform/db/db.js';
import { recordEvents, type NewEvent } from '../../platform/events/event.js';
import type { AppDeps } from '../../platform/module.js';
import type { Logger } from '../../platform/observability/logger.js';
import * as repo from '../channel.repo.js';
import type { ChannelError } from '../channel.schema.js';

/** How long refusals wait to be written together: what the health page may lag behind. */
export const REFUSALS_FLUSH_MS = 2_000;

export interface RefusalTally {
  /** Counts a refusal; it is written with the next flush. */
  note(workspaceId: string, channelId: string, refusal: ChannelError): void;
  /** Writes what is waiting now (tests, and closing the app). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface Waiting {
  workspaceId: string;
  count: number;
  /** Newest first, as many as a channel keeps. */
  recent: ChannelError[];
}

/** One per flush and channel, so an open channel page shows the refusals, and the audit log keeps who knocked. */
function refusedEvent(workspaceId: string, channelId: string, tally: Waiting): NewEvent {
  return {
    workspaceId,
    type: 'webhook.deliveries_refused',
    subjectType: 'channel',
    subjectId: channelId,
    actorId: null,
    data: { count: tally.count, latest: tally.recent[0] ?? null },
  };
}

export function createRefusalTally(deps: { db: Db; log: Logger }, intervalMs = REFUSALS_FLUSH_MS): RefusalTally {
  let waiting = new Map<string, Waiting>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = new Map();
    flushing = flushing.then(async () => {
      for (const [channelId, tally] of batch) {
        deps.log.info(
          { channelId, workspaceId: tally.workspaceId, refused: tally.count, err: tally.recent[0]?.message },
          'webhook deliveries refused',
        );
        await deps.db
          .transaction(async (tx) => {
            await repo.recordRefusedDeliveries(tx, tally.workspaceId, channelId, tally.count, tally.recent);
            await recordEvents(tx, [refusedEvent(tally.workspaceId, channelId, tally)]);
          })
          .catch((error: unknown) => deps.log.error({ err: error, channelId }, 'could not record refused deliveries'));
      }
    });
    await flushing;
  };

  return {
    note(workspaceId, channelId, refusal) {
      const tally = waiting.get(channelId) ?? { workspaceId, count: 0, recent: [] };
      tally.count++;
      tally.recent = [refusal, ...tally.recent].slice(0, repo.RECENT_ERRORS);
      waiting.set(channelId, tally);
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref();
      }
    },
    flush,
    close: flush,
  };
}

const tallies = new WeakMap<AppDeps, RefusalTally>();

/** The app's tally, made on first use. */
export function refusalTally(deps: AppDeps): RefusalTally {
  let tally = tallies.get(deps);
  if (!tally) {
    tally = createRefusalTally(deps);
    tallies.set(deps, tally);
  }
  return tally;
}

export async function closeRefusalTally(deps: AppDeps): Promise<void> {
  await tallies.get(deps)?.close();
  tallies.delete(deps);
}
