import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessHoursProblems, type BusinessHours } from './business-hours.js';

const weekdays: [string, string][] = [['09:00', '17:00']];
const office: BusinessHours = {
  timezone: 'Europe/Berlin',
  days: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
};
const add = (start: string, minutes: number, hours: BusinessHours | null = office) =>
  addBusinessMinutes(new Date(start), minutes, hours).toISOString();

describe('business hours', () => {
  it('runs around the clock without business hours', () => {
    expect(add('2026-03-06T16:00:00Z', 90, null)).toBe('2026-03-06T17:30:00.000Z');
  });

  it('counts within the day when there is time left', () => {
    // Wednesday 10:00 in Berlin (UTC+1 in March) plus 2 hours.
    expect(add('2026-03-04T09:00:00Z', 120)).toBe('2026-03-04T11:00:00.000Z');
  });

  it('carries over a weekend', () => {
    // Friday 16:00 Berlin + 4 working hours = 1 hour on Friday, 3 on Monday → Monday 12:00 Berlin.
    expect(add('2026-03-06T15:00:00Z', 240)).toBe('2026-03-09T11:00:00.000Z');
  });

  it('starts counting at the next opening when a message arrives outside hours', () => {
    // Saturday noon → Monday 09:00 + 30 min.
    expect(add('2026-03-07T11:00:00Z', 30)).toBe('2026-03-09T08:30:00.000Z');
    // Tuesday 22:00 Berlin → Wednesday 09:00 + 60 min.
    expect(add('2026-03-03T21:00:00Z', 60)).toBe('2026-03-04T09:00:00.000Z');
    // Tuesday 07:00 Berlin → the same day's 09:00 + 15 min.
    expect(add('2026-03-03T06:00:00Z', 15)).toBe('2026-03-03T08:15:00.000Z');
  });

  it('spans several days, split windows and daylight-saving changes', () => {
    // 3 working days (24 h) from Monday 09:00 Berlin is Wednesday 17:00.
    expect(add('2026-03-02T08:00:00Z', 24 * 60)).toBe('2026-03-04T16:00:00.000Z');
    const lunch: BusinessHours = {
      timezone: 'Europe/Berlin',
      days: {
        mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
      },
    };
    // Monday 11:00 + 2 h = 1 h before lunch and 1 h after → 14:00.
    expect(add('2026-03-02T10:00:00Z', 120, lunch)).toBe('2026-03-02T13:00:00.000Z');
    // Clocks go forward on Sunday 29 March 2026: Friday 16:00 (UTC+1) + 2 h → Monday 10:00 (UTC+2).
    expect(add('2026-03-27T15:00:00Z', 120)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('works around midnight with a window that closes at 24:00', () => {
    const late: BusinessHours = { timezone: 'UTC', days: { sat: [['20:00', '24:00']], sun: [['00:00', '02:00']] } };
    expect(add('2026-03-07T23:00:00Z', 120, late)).toBe('2026-03-08T01:00:00.000Z');
  });

  it('names what is wrong with a definition', () => {
    expect(businessHoursProblems(office)).toEqual([]);
    expect(
      businessHoursProblems({
        timezone: 'Mars/Olympus',
        days: {
          mon: [['17:00', '09:00']],
          tue: [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      }),
    ).toEqual([
      { field: 'businessHours.timezone', reason: 'is not an IANA time zone' },
      { field: 'businessHours.days.mon', reason: '17:00–09:00 must open before it closes' },
      { field: 'businessHours.days.tue', reason: '09:00–12:00 overlaps 11:00–13:00' },
    ]);
    expect(businessHoursProblems({ timezone: 'UTC', days: {} })).toEqual([
      { field: 'businessHours.days', reason: 'must have at least one opening window' },
    ]);
  });
});
