/** The timeline's filters: kinds are chips that add up ("Messages" and "Calls"); none means all. */
import type { TimelineFilters, TimelineKind } from './types';

export const NO_FILTERS: TimelineFilters = { kinds: [], network: null };

/** Ticks or unticks one kind; the result keeps the order of `order`, so equal filters share a cache key. */
export function toggleKind(filters: TimelineFilters, kind: TimelineKind, order: readonly TimelineKind[]): TimelineFilters {
  const chosen = new Set(filters.kinds);
  if (chosen.has(kind)) chosen.delete(kind);
  else chosen.add(kind);
  const kinds = order.filter((k) => chosen.has(k));
  return { ...filters, kinds: kinds.length === order.length ? [] : kinds };
}

export function isFiltered(filters: TimelineFilters): boolean {
  return filters.kinds.length > 0 || filters.network !== null;
}
