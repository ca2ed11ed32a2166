/** A channel's health as people see it, and the retry schedule after failures. */
import type { ChannelRow } from './channel.repo.js';
import { connectorFor } from './registry.js';
import type { Channel, HealthState } from './channel.schema.js';

function stateOf(row: ChannelRow): HealthState {
  if (row.status === 'paused') return 'paused';
  const success = row.last_success_at ? new Date(row.last_success_at).getTime() : null;
  const failure = row.last_error_at ? new Date(row.last_error_at).getTime() : null;
  if (failure !== null && (success === null || failure > success)) return 'failing';
  return success === null ? 'new' : 'ok';
}

/** A channel that only receives webhooks is never behind: a quiet sender is not a late sync. */
function waitsForPushes(row: ChannelRow): boolean {
  const connector = connectorFor(row.kind);
  return connector !== null && !connector.capabilities.pull && !connector.stream;
}

export function healthOf(row: ChannelRow, now: Date): Channel['health'] {
  return {
    state: stateOf(row),
    lastSuccessAt: row.last_success_at,
    lastItemAt: row.last_item_at,
    lastErrorAt: row.last_error_at,
    lagSeconds:
      row.last_success_at && !waitsForPushes(row)
        ? Math.max(0, Math.round((now.getTime() - new Date(row.last_success_at).getTime()) / 1000))
        : null,
    errorCount: Number(row.error_count),
    recentErrors: row.recent_errors,
    itemsIn: Number(row.items_in),
    itemsOut: Number(row.items_out),
    nextPollAt: row.status === 'active' ? row.next_poll_at : null,
    refusedDeliveries: {
      count: Number(row.refused_count),
      lastAt: row.last_refused_at,
      recent: row.recent_refusals,
    },
  };
}

const MAX_BACKOFF_SECONDS = 6 * 3600;

/**
 * When to try again after the `failures`-th failure in a row: the usual interval, doubled per
 * failure, capped at six hours, with jitter so many channels failing together do not retry together.
 */
export function backoffSeconds(intervalSeconds: number, failures: number, random = Math.random): number {
  const base = Math.min(intervalSeconds * 2 ** Math.min(failures, 16), MAX_BACKOFF_SECONDS);
  return Math.round(base * (0.9 + 0.2 * random()));
}
