import { describe, expect, it } from 'vitest';
import { dueWindow } from './task-due.js';

describe('task due windows', () => {
  // Wednesday 11 March 2026, 23:30 in UTC: already Thursday in Berlin.
  const now = new Date('2026-03-11T23:30:00Z');

  it('are the days of the caller time zone', () => {
    expect(dueWindow('today', 'UTC', now)).toEqual({
      from: new Date('2026-03-11T00:00:00Z'),
      to: new Date('2026-03-12T00:00:00Z'),
      openOnly: false,
    });
    expect(dueWindow('today', 'Europe/Berlin', now)).toEqual({
      from: new Date('2026-03-11T23:00:00Z'),
      to: new Date('2026-03-12T23:00:00Z'),
      openOnly: false,
    });
    expect(dueWindow('overdue', 'Europe/Berlin', now)).toEqual({ from: null, to: new Date('2026-03-11T23:00:00Z'), openOnly: true });
    expect(dueWindow('none', 'UTC', now)).toBe('none');
  });

  it('make a week of Monday to Sunday, across a change of clocks', () => {
    expect(dueWindow('thisWeek', 'UTC', now)).toEqual({
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-16T00:00:00Z'),
      openOnly: false,
    });
    // New York moves to summer time on Sunday 8 March 2026: that week's Monday began at 05:00 UTC, its Sunday ends at 04:00.
    expect(dueWindow('thisWeek', 'America/New_York', new Date('2026-03-04T12:00:00Z'))).toEqual({
      from: new Date('2026-03-02T05:00:00Z'),
      to: new Date('2026-03-09T04:00:00Z'),
      openOnly: false,
    });
    // A Sunday belongs to the week that began the Monday before.
    expect(dueWindow('thisWeek', 'UTC', new Date('2026-03-15T20:00:00Z'))).toMatchObject({ from: new Date('2026-03-09T00:00:00Z') });
  });
});
