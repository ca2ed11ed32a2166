/**
 * When a workspace's nightly rescoring runs: at a fixed local hour, in the time zone of the
 * workspace's business hours (its SLA policy) when it has them, else UTC, so the work lands in the
 * same quiet hour every night wherever the server stands and however often it restarts.
 */
import { DateTime, IANAZone } from 'luxon';

export const NIGHTLY_HOUR = 3;

/** The first instant after `now` when the clock in `timeZone` shows NIGHTLY_HOUR:00 (UTC for an unknown zone). */
export function nextNightlyRun(now: Date, timeZone: string | null): Date {
  const zone = timeZone && IANAZone.isValidZone(timeZone) ? timeZone : 'UTC';
  const local = DateTime.fromJSDate(now, { zone });
  // On a day whose NIGHTLY_HOUR does not exist (clocks jump over it) luxon moves to the next valid instant.
  const today = local.set({ hour: NIGHTLY_HOUR, minute: 0, second: 0, millisecond: 0 });
  const next = today > local ? today : today.plus({ days: 1 }).set({ hour: NIGHTLY_HOUR, minute: 0, second: 0, millisecond: 0 });
  return next.toJSDate();
}
