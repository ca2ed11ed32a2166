import { describe, expect, it } from 'vitest';
import { cutRange, dayParts, HOUR_MS } from './exact-range.js';

const d = (iso: string) => new Date(iso);
const iso = (span: { from: Date; to: Date; sign?: number }) =>
  `${span.sign === -1 ? '-' : span.sign === 1 ? '+' : ''}${span.from.toISOString().slice(5, 16)}..${span.to.toISOString().slice(5, 16)}`;

describe('cutting a range for the rollups', () => {
  it('keeps whole hours for the rollups and the partial hours at the ends for the mentions', () => {
    const cut = cutRange(d('2026-10-20T12:37:00Z'), d('2026-10-21T12:37:00Z'), HOUR_MS);
    expect(iso(cut.whole)).toBe('10-20T13:00..10-21T12:00');
    expect(cut.edges.map(iso)).toEqual(['10-20T12:37..10-20T13:00', '10-21T12:00..10-21T12:37']);
    const aligned = cutRange(d('2026-10-20T12:00:00Z'), d('2026-10-21T12:00:00Z'), HOUR_MS);
    expect(aligned.edges).toEqual([]);
    const inOneHour = cutRange(d('2026-10-20T12:10:00Z'), d('2026-10-20T12:50:00Z'), HOUR_MS);
    expect(inOneHour.whole.from).toEqual(inOneHour.whole.to);
    expect(inOneHour.edges.map(iso)).toEqual(['10-20T12:10..10-20T12:50']);
  });

  it('reads a partial day from its mentions or as the whole day less the rest, whichever has fewer hours before now', () => {
    const now = d('2026-10-21T12:37:00Z');
    // The last 24 hours: yesterday's 11 h 23 min from the mentions; today as its rollup, less what is sent after now.
    const day = dayParts(d('2026-10-20T12:37:00Z'), now, now);
    expect(iso(day.days)).toBe('10-21T00:00..10-22T00:00');
    expect(day.mentions.map(iso)).toEqual(['+10-20T12:37..10-21T00:00', '-10-21T12:37..10-22T00:00']);
    // Long ago, from 03:00 to 22:00: three hours of mentions taken off the first day, two off the last.
    const past = dayParts(d('2026-10-10T03:00:00Z'), d('2026-10-12T22:00:00Z'), now);
    expect(iso(past.days)).toBe('10-10T00:00..10-13T00:00');
    expect(past.mentions.map(iso)).toEqual(['-10-10T00:00..10-10T03:00', '-10-12T22:00..10-13T00:00']);
    // Within one day: four hours of mentions rather than the day less twenty.
    const short = dayParts(d('2026-10-10T08:00:00Z'), d('2026-10-10T12:00:00Z'), now);
    expect(short.days.from).toEqual(short.days.to);
    expect(short.mentions.map(iso)).toEqual(['+10-10T08:00..10-10T12:00']);
    const long = dayParts(d('2026-10-10T01:00:00Z'), d('2026-10-10T23:00:00Z'), now);
    expect(iso(long.days)).toBe('10-10T00:00..10-11T00:00');
    expect(long.mentions.map(iso)).toEqual(['-10-10T00:00..10-10T01:00', '-10-10T23:00..10-11T00:00']);
    // Whole UTC days need no mentions at all.
    const whole = dayParts(d('2026-10-01T00:00:00Z'), d('2026-10-08T00:00:00Z'), now);
    expect(iso(whole.days)).toBe('10-01T00:00..10-08T00:00');
    expect(whole.mentions).toEqual([]);
  });
});
