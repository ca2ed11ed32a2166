import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, startOfLocalDay } from './time-zone.js';

describe('days in a time zone', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'].every(isTimeZone)).toBe(true);
    expect(['Mars/Olympus', '', 'Europe/Berlin; DROP', '../../etc/passwd'].some(isTimeZone)).toBe(false);
  });

  it('tells the local date of an instant', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-06-30');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-07-01');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-06-30');
  });

  it('finds local midnight, also at the ends of the offset range', () => {
    expect(startOfLocalDay('2026-07-01', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Pacific/Kiritimati').toISOString()).toBe('2025-12-31T10:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Pacific/Pago_Pago').toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it('handles days when clocks change, including a day whose midnight does not exist', () => {
    // Berlin springs forward at 02:00 on 29 March 2026; that day still starts at midnight (+01:00).
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // São Paulo jumped from 00:00 to 01:00 on 4 November 2018: the day began at 01:00 (-02:00).
    expect(startOfLocalDay('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });
});
