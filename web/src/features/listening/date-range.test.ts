import { describe, expect, it } from 'vitest';
import { dayOf, rangeFromParams, rangeProblem, rangeToParams, resolveRange, startOfDay } from './date-range';

describe('date ranges', () => {
  const now = new Date('2025-03-10T12:34:56.789Z');

  it('turns a preset into the span that ends at the current minute', () => {
    const week = resolveRange({ preset: '7d' }, now)!;
    expect(week.to).toBe('2025-03-10T12:35:00.000Z');
    expect(new Date(week.to).getTime() - new Date(week.from).getTime()).toBe(7 * 86_400_000);
    const day = resolveRange({ preset: '24h' }, now)!;
    expect(day.from).toBe('2025-03-09T12:35:00.000Z');
  });

  it('gives the same timestamps for moments within one minute', () => {
    const a = resolveRange({ preset: '30d' }, new Date('2025-03-10T12:34:01Z'));
    const b = resolveRange({ preset: '30d' }, new Date('2025-03-10T12:34:59Z'));
    expect(a).toEqual(b);
  });

  it('includes both days of a custom range, from local midnight to the next', () => {
    const range = resolveRange({ fromDay: '2025-02-01', toDay: '2025-02-03' })!;
    expect(new Date(range.from)).toEqual(new Date(2025, 1, 1));
    expect(new Date(range.to)).toEqual(new Date(2025, 1, 4));
  });

  it('refuses custom ranges that end before they start or are not real days', () => {
    expect(resolveRange({ fromDay: '2025-02-03', toDay: '2025-02-01' })).toBeNull();
    expect(resolveRange({ fromDay: '2025-02-30', toDay: '2025-03-01' })).toBeNull();
    expect(resolveRange({ fromDay: 'yesterday', toDay: '2025-03-01' })).toBeNull();
    expect(startOfDay('2024-02-29')).toEqual(new Date(2024, 1, 29));
    expect(startOfDay('2025-02-29')).toBeNull();
  });

  it('tells which day to change, and why, for a custom range that cannot be asked for', () => {
    expect(rangeProblem({ fromDay: '2025-02-03', toDay: '2025-02-01' })).toEqual({
      field: 'from',
      message: 'Must be on or before the end',
      summary: 'The range ends before it starts',
    });
    expect(rangeProblem({ fromDay: '', toDay: '2025-02-01' })?.field).toBe('from');
    expect(rangeProblem({ fromDay: '2025-02-01', toDay: '2025-02-30' })?.field).toBe('to');
    expect(rangeProblem({ fromDay: '2025-02-01', toDay: '2025-02-01' })).toBeNull();
    expect(rangeProblem({ preset: '90d' }, 1)).toBeNull();
  });

  it('refuses a range longer than the dashboard’s charts cover, as the API would, and no shorter one', () => {
    // 400 days, both ends included (a summer to the next one: the clock changes cancel out).
    expect(rangeProblem({ fromDay: '2025-06-01', toDay: '2026-07-05' }, 400)).toBeNull();
    expect(rangeProblem({ fromDay: '2025-06-01', toDay: '2026-07-06' }, 400)).toEqual({
      field: 'to',
      message: 'At most 400 days from the start',
      summary: 'The range spans 401 days; the charts cover at most 400',
    });
    expect(rangeProblem({ fromDay: '2025-06-01', toDay: '2026-12-07' }, 400)?.summary).toMatch(/spans 55\d days/);
    // Where nothing limits the length (the mention stream), a long range is fine.
    expect(rangeProblem({ fromDay: '2025-06-01', toDay: '2026-12-07' })).toBeNull();
  });

  it('writes a day as YYYY-MM-DD in local time', () => {
    expect(dayOf(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('reads and writes ranges in the URL, with a fallback for none', () => {
    expect(rangeFromParams({ range: '90d' }, null)).toEqual({ preset: '90d' });
    expect(rangeFromParams({ range: 'custom', from: '2025-01-01', to: '2025-01-31' }, null)).toEqual({
      fromDay: '2025-01-01',
      toDay: '2025-01-31',
    });
    expect(rangeFromParams({}, { preset: '7d' })).toEqual({ preset: '7d' });
    expect(rangeFromParams({ range: 'custom', from: '2025-01-01' }, null)).toBeNull();
    for (const range of [{ preset: '24h' as const }, { fromDay: '2025-01-01', toDay: '2025-01-02' }]) {
      const params = rangeToParams(range);
      expect(rangeFromParams({ range: params.range, from: params.from, to: params.to }, null)).toEqual(range);
    }
    expect(rangeFromParams(rangeToParams(null), null)).toBeNull();
  });
});
