/** The two pure parts of the top-N threshold: which monthly lists a range reads, and the bound on terms not read. */
import { describe, expect, it } from 'vitest';
import { monthsOf, unseenBound } from './top-terms.js';

describe('monthsOf', () => {
  it('lists every UTC month the range touches, its end excluded', () => {
    expect(monthsOf(new Date('2026-11-04T10:00:00Z'), new Date('2026-12-04T10:00:00Z'))).toEqual(['2026-11-01', '2026-12-01']);
    expect(monthsOf(new Date('2026-11-04T10:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toEqual(['2026-11-01']);
    expect(monthsOf(new Date('2026-11-20T00:00:00Z'), new Date('2027-02-02T00:00:00Z'))).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });
});

describe('unseenBound', () => {
  const read = (queryId: string | null, month: string, counts: number[]) =>
    counts.map((mentions, i) => ({ queryId, month, term: `${queryId}-${month}-${i}`, mentions }));

  it('adds the last count read of every list cut at the depth, and nothing for lists read to their end', () => {
    const ranked = [...read('a', '2026-11-01', [9, 7, 5]), ...read('a', '2026-12-01', [4, 2]), ...read('b', '2026-11-01', [8, 3, 3])];
    expect(unseenBound(ranked, 3)).toBe(5 + 3);
    expect(unseenBound(ranked, 4)).toBe(0);
    expect(unseenBound(read(null, '2026-11-01', [6, 1]), 2)).toBe(1);
  });
});
