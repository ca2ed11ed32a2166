import { describe, expect, it } from 'vitest';
import { slaDraft, slaInput, targetDraft, targetMinutes } from './sla-draft';
import { timeZoneOptions } from './time-zones';
import type { SlaPolicy } from './types';

const NO_POLICY: SlaPolicy = {
  firstResponseMinutes: null,
  nextResponseMinutes: null,
  resolutionMinutes: null,
  businessHours: null,
  tierTargets: {},
  updatedAt: null,
};

describe('SLA policy form', () => {
  it('shows whole hours in hours, anything else in minutes, and sends minutes', () => {
    expect(targetDraft(240)).toEqual({ amount: 4, unit: 'hours' });
    expect(targetDraft(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(targetDraft(null)).toEqual({ amount: '', unit: 'hours' });
    expect(targetMinutes({ amount: 1.5, unit: 'hours' })).toBe(90);
    expect(targetMinutes({ amount: '', unit: 'minutes' })).toBeNull();
  });

  it('starts a workspace without a policy on weekdays 9 to 5 in the browser’s zone, counted around the clock until switched on', () => {
    const draft = slaDraft(NO_POLICY, 'Europe/Berlin');
    expect(draft.businessHoursOn).toBe(false);
    expect(draft.timezone).toBe('Europe/Berlin');
    expect(draft.days.mon).toEqual({ open: true, windows: [['09:00', '17:00']] });
    expect(draft.days.sun.open).toBe(false);
    expect(slaInput(draft).businessHours).toBeNull();
  });

  it('sends the open days only, a window closing at midnight as 24:00, and the targets in minutes', () => {
    const draft = slaDraft(NO_POLICY, 'Europe/Berlin');
    draft.businessHoursOn = true;
    draft.targets.firstResponseMinutes = { amount: 2, unit: 'hours' };
    draft.days.sat = { open: true, windows: [['18:00', '00:00']] };
    draft.days.fri.open = false;
    expect(slaInput(draft)).toEqual({
      firstResponseMinutes: 120,
      nextResponseMinutes: null,
      resolutionMinutes: null,
      businessHours: {
        timezone: 'Europe/Berlin',
        days: {
          mon: [['09:00', '17:00']],
          tue: [['09:00', '17:00']],
          wed: [['09:00', '17:00']],
          thu: [['09:00', '17:00']],
          sat: [['18:00', '24:00']],
        },
      },
      tierTargets: {},
    });
  });

  it('round-trips a saved policy with tier targets, so saving unchanged changes nothing', () => {
    const policy: SlaPolicy = {
      firstResponseMinutes: 60,
      nextResponseMinutes: 45,
      resolutionMinutes: 2880,
      businessHours: {
        timezone: 'America/New_York',
        days: {
          mon: [
            ['08:00', '12:00'],
            ['13:00', '24:00'],
          ],
          sun: [['10:00', '14:00']],
        },
      },
      tierTargets: { gold: { firstResponseMinutes: 15, nextResponseMinutes: null, resolutionMinutes: 480 } },
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const draft = slaDraft(policy, 'Europe/Berlin');
    expect(draft.days.mon.windows).toEqual([
      ['08:00', '12:00'],
      ['13:00', '00:00'],
    ]);
    expect(draft.days.tue.open).toBe(false);
    const { updatedAt: _, ...input } = policy;
    expect(slaInput(draft)).toEqual(input);
  });

  it('offers the browser’s zones with UTC and the saved zone among them, sorted', () => {
    expect(timeZoneOptions('Etc/GMT+3', ['Europe/Berlin', 'America/New_York'])).toEqual([
      'America/New_York',
      'Etc/GMT+3',
      'Europe/Berlin',
      'UTC',
    ]);
  });
});
