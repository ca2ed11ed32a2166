/**
 * A relative time that reads the right way round within the last and the next minute. The shared
 * formatter in lib/format says "just now" for both, so a check due in 30 seconds read as done.
 */
import { formatRelative } from '../lib/format';

const A_MINUTE_MS = 60_000;

/** "in a moment" for the next minute, "just now" for the last; otherwise as `formatRelative`. */
export function formatRelativeAhead(iso: string, { now = new Date() }: { now?: Date } = {}): string {
  const ahead = new Date(iso).getTime() - now.getTime();
  if (ahead > 0 && ahead < A_MINUTE_MS) return 'in a moment';
  return formatRelative(iso, { now });
}
