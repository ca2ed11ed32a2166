import { describe, expect, it } from 'vitest';
import { cutRange, HOUR_MS, rangeParts } from './exact-range.js';

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

  it('reads partial days as whole hours, and a partial hour from its mentions or as the whole hour less the rest', () => {
    const now = d('2026-10-21T12:37:00Z');
    const hours = (parts: { hours: { from: Date; to: Date }[] }) => parts.hours.map(iso);
    // The last 24 hours: yesterday's 12:37-13:00 from its mentions and its later hours; today as its rollup, less what is sent after now.
    const day = rangeParts(d('2026-10-20T12:37:00Z'), now, now);
    expect(iso(day.days)).toBe('10-21T00:00..10-22T00:00');
    expect(hours(day)).toEqual(['10-20T13:00..10-21T00:00']);
    expect(day.mentions.map(iso)).toEqual(['+10-20T12:37..10-20T13:00', '-10-21T12:37..10-22T00:00']);
    const month = rangeParts(d('2026-09-21T12:37:00Z'), now, now);
    expect(iso(month.days)).toBe('09-22T00:00..10-22T00:00');
    expect(hours(month)).toEqual(['09-21T13:00..09-22T00:00']);
    expect(month.mentions.map(iso)).toEqual(['+09-21T12:37..09-21T13:00', '-10-21T12:37..10-22T00:00']);
    // Today since this morning: the hours, as the rest of today before them holds mentions.
    const morning = rangeParts(d('2026-10-21T08:00:00Z'), now, now);
    expect(iso(morning.days)).toBe('10-22T00:00..10-22T00:00');
    expect(hours(morning)).toEqual(['10-21T08:00..10-21T13:00']);
    expect(morning.mentions.map(iso)).toEqual(['-10-21T12:37..10-21T13:00']);
    // Long ago, from 03:10 to 22:50: the hours around the whole day, ten minutes taken off each end's hour.
    const past = rangeParts(d('2026-10-10T03:10:00Z'), d('2026-10-12T22:50:00Z'), now);
    expect(iso(past.days)).toBe('10-11T00:00..10-12T00:00');
    expect(hours(past)).toEqual(['10-10T03:00..10-11T00:00', '10-12T00:00..10-12T23:00']);
    expect(past.mentions.map(iso)).toEqual(['-10-10T03:00..10-10T03:10', '-10-12T22:50..10-12T23:00']);
    // Within one hour: fifteen minutes of mentions rather than the hour less forty-five.
    const short = rangeParts(d('2026-10-10T08:10:00Z'), d('2026-10-10T08:25:00Z'), now);
    expect(short.days.from).toEqual(short.days.to);
    expect(short.hours).toEqual([]);
    expect(short.mentions.map(iso)).toEqual(['+10-10T08:10..10-10T08:25']);
    const long = rangeParts(d('2026-10-10T08:05:00Z'), d('2026-10-10T08:55:00Z'), now);
    expect(hours(long)).toEqual(['10-10T08:00..10-10T09:00']);
    expect(long.mentions.map(iso)).toEqual(['-10-10T08:00..10-10T08:05', '-10-10T08:55..10-10T09:00']);
    // Whole hours need no mentions, and whole UTC days no hours.
    const onHours = rangeParts(d('2026-10-09T22:00:00Z'), d('2026-10-10T05:00:00Z'), now);
    expect(hours(onHours)).toEqual(['10-09T22:00..10-10T05:00']);
    expect(onHours.mentions).toEqual([]);
    const whole = rangeParts(d('2026-10-01T00:00:00Z'), d('2026-10-08T00:00:00Z'), now);
    expect(iso(whole.days)).toBe('10-01T00:00..10-08T00:00');
    expect(whole.hours).toEqual([]);
    expect(whole.mentions).toEqual([]);
  });
});
