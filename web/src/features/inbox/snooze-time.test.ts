import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snoozeTimeProblem } from './snooze-time';

describe('snoozeTimeProblem', () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const now = Date.parse('2026-03-01T12:00:00Z');

  it('takes a moment in the future', () => {
    expect(snoozeTimeProblem('2026-03-02T09:00', now)).toBeNull();
    expect(snoozeTimeProblem('9999-12-31T18:59', now)).toBeNull();
  });

  it('refuses a moment in the past', () => {
    expect(snoozeTimeProblem('2026-03-01T06:00', now)).toBe('Pick a moment in the future');
  });

  it('refuses the last hours of 9999 west of UTC, which are already the year 10000 in UTC', () => {
    expect(snoozeTimeProblem('9999-12-31T23:59', now)).toBe('Pick a moment before the year 10000');
  });

  it('says nothing while empty, and asks for a date when unreadable', () => {
    expect(snoozeTimeProblem('', now)).toBeNull();
    expect(snoozeTimeProblem('soon', now)).toBe('Enter a date and time');
  });
});
