import { describe, expect, it } from 'vitest';
import { remindersOn, upcomingDates } from './important-dates.js';

const ada = {
  id: 'ada',
  displayName: 'Ada Lovelace',
  importantDates: [
    { kind: 'birthday', date: '1815-12-10' },
    { kind: 'renewal', date: '2027-03-01', label: 'Enterprise plan renewal' },
    { kind: 'anniversary', date: '2000-02-29' },
  ],
};

describe('important dates', () => {
  it('reminds on the day, with a key that repeats only within the year', () => {
    expect(remindersOn(ada, '2026-12-10')).toEqual([
      { contactId: 'ada', title: 'Ada Lovelace: birthday today', dedupeKey: 'date:ada:birthday:1815-12-10:2026' },
    ]);
    expect(remindersOn(ada, '2027-12-10')[0]!.dedupeKey).toBe('date:ada:birthday:1815-12-10:2027');
    expect(remindersOn(ada, '2026-12-11')).toEqual([]);
  });

  it('reminds renewals a week ahead and on the day, not on anniversaries before the date', () => {
    expect(remindersOn(ada, '2026-02-22')).toEqual([]);
    expect(remindersOn(ada, '2027-02-22')).toEqual([
      { contactId: 'ada', title: 'Ada Lovelace: Enterprise plan renewal in 7 days', dedupeKey: 'date:ada:renewal:2027-03-01:2027:7d' },
    ]);
    expect(remindersOn(ada, '2027-03-01').map((r) => r.title)).toEqual(['Ada Lovelace: Enterprise plan renewal today']);
  });

  it('reminds 29 February dates on the 28th in years without a 29th', () => {
    expect(remindersOn(ada, '2027-02-28').map((r) => r.dedupeKey)).toEqual(['date:ada:anniversary:2000-02-29:2027']);
    expect(remindersOn(ada, '2028-02-28')).toEqual([]);
    expect(remindersOn(ada, '2028-02-29').map((r) => r.dedupeKey)).toEqual(['date:ada:anniversary:2000-02-29:2028']);
  });

  it('lists dates coming up, soonest first, and skips malformed ones', () => {
    const grace = {
      id: 'grace',
      displayName: 'Grace Hopper',
      importantDates: [
        { kind: 'birthday', date: '1906-12-09' },
        { kind: 'custom', date: 'soon' },
      ],
    };
    expect(upcomingDates([ada, grace], '2026-12-01', 30)).toEqual([
      {
        contactId: 'grace',
        contactName: 'Grace Hopper',
        kind: 'birthday',
        label: null,
        date: '1906-12-09',
        nextOccurrence: '2026-12-09',
        daysAway: 8,
      },
      {
        contactId: 'ada',
        contactName: 'Ada Lovelace',
        kind: 'birthday',
        label: null,
        date: '1815-12-10',
        nextOccurrence: '2026-12-10',
        daysAway: 9,
      },
    ]);
  });
});
