import { describe, expect, it } from 'vitest';
import { addDays, anniversaryIn, daysBetween, isLeapYear, monthDaysWithin, nextOccurrence } from './calendar.js';

describe('calendar of important dates', () => {
  it('knows leap years', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
  });

  it('finds the next yearly occurrence on or after a day', () => {
    expect(nextOccurrence('1815-12-10', '2026-03-01')).toBe('2026-12-10');
    expect(nextOccurrence('1815-12-10', '2026-12-10')).toBe('2026-12-10');
    expect(nextOccurrence('1815-12-10', '2026-12-11')).toBe('2027-12-10');
    expect(nextOccurrence('1990-01-01', '2026-12-31')).toBe('2027-01-01');
  });

  it('lets a date still ahead occur first on itself', () => {
    expect(nextOccurrence('2027-03-01', '2026-01-15')).toBe('2027-03-01');
    expect(nextOccurrence('2027-03-01', '2027-03-02')).toBe('2028-03-01');
  });

  it('reminds 29 February birthdays on the 28th in years without a 29th', () => {
    expect(anniversaryIn('2000-02-29', 2027)).toBe('2027-02-28');
    expect(anniversaryIn('2000-02-29', 2028)).toBe('2028-02-29');
    expect(nextOccurrence('2000-02-29', '2027-02-01')).toBe('2027-02-28');
    expect(nextOccurrence('2000-02-29', '2027-03-01')).toBe('2028-02-29');
    expect(nextOccurrence('2000-02-29', '2028-02-29')).toBe('2028-02-29');
  });

  it('counts days across months, years and leap days', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-03-08', -7)).toBe('2026-03-01');
    expect(daysBetween('2026-12-28', '2027-01-04')).toBe(7);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('lists the month-days a window can hit, with 29 February on a non-leap 28th', () => {
    expect(monthDaysWithin('2026-12-30', 3)).toEqual(['12-30', '12-31', '01-01', '01-02']);
    expect(monthDaysWithin('2027-02-27', 2)).toEqual(['02-27', '02-28', '02-29', '03-01']);
    expect(monthDaysWithin('2028-02-27', 2)).toEqual(['02-27', '02-28', '02-29']);
  });
});
