import { describe, expect, it } from 'vitest';
import { nextNightlyRun } from './nightly-schedule.js';

const at = (iso: string) => new Date(iso);

describe('the nightly run', () => {
  it('is the next 03:00 UTC for a workspace without a time zone', () => {
    expect(nextNightlyRun(at('2026-03-10T02:59:00Z'), null)).toEqual(at('2026-03-10T03:00:00Z'));
    expect(nextNightlyRun(at('2026-03-10T03:00:00Z'), null)).toEqual(at('2026-03-11T03:00:00Z'));
    expect(nextNightlyRun(at('2026-03-10T23:00:00Z'), 'Not/AZone')).toEqual(at('2026-03-11T03:00:00Z'));
  });

  it('is the next 03:00 on the workspace’s clock, across daylight-saving changes', () => {
    // Berlin: UTC+1 in winter, UTC+2 from 29 March 2026 (clocks jump from 02:00 to 03:00, so 03:00 exists).
    expect(nextNightlyRun(at('2026-03-10T12:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-03-11T02:00:00Z'));
    expect(nextNightlyRun(at('2026-03-28T12:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-03-29T01:00:00Z'));
    expect(nextNightlyRun(at('2026-10-24T12:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-10-25T02:00:00Z'));
    expect(nextNightlyRun(at('2026-06-01T17:59:00Z'), 'Asia/Tokyo')).toEqual(at('2026-06-01T18:00:00Z'));
  });
});
