/** Between a list's filters and a segment's: empty values are left out so equal views compare equal. */
import type { SegmentFilters } from './types';

export function compactFilters(filters: SegmentFilters & { sort?: string }): SegmentFilters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'sort') continue;
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return out as SegmentFilters;
}

export function sameFilters(a: SegmentFilters, b: SegmentFilters): boolean {
  const ka = compactFilters(a);
  const kb = compactFilters(b);
  return JSON.stringify(ka, Object.keys(ka).sort()) === JSON.stringify(kb, Object.keys(kb).sort());
}
