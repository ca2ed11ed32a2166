import { describe, expect, it } from 'vitest';
import { slaState } from './sla';
import type { Sla } from './types';

const now = Date.parse('2026-12-03T12:00:00Z');
const sla = (over: Partial<Sla>): Sla => ({
  firstResponseDueAt: null,
  nextResponseDueAt: null,
  resolutionDueAt: null,
  firstRespondedAt: null,
  breached: [],
  ...over,
});

describe('slaState', () => {
  it('shows nothing for resolved conversations or without targets', () => {
    expect(slaState({ status: 'resolved', sla: sla({ breached: ['resolution'] }) }, now)).toBeNull();
    expect(slaState({ status: 'open', sla: sla({}) }, now)).toBeNull();
  });

  it('reports the breached clocks the server names', () => {
    expect(slaState({ status: 'open', sla: sla({ breached: ['first_response'] }) }, now)).toEqual({
      kind: 'breached',
      names: ['first_response'],
    });
  });

  it('picks the nearest target, ignoring a first response already given', () => {
    const state = slaState(
      {
        status: 'open',
        sla: sla({
          firstResponseDueAt: '2026-12-03T12:10:00Z',
          firstRespondedAt: '2026-12-03T11:00:00Z',
          resolutionDueAt: '2026-12-03T15:00:00Z',
        }),
      },
      now,
    );
    expect(state).toEqual({ kind: 'due', dueAt: '2026-12-03T15:00:00Z', soon: false });
  });

  it('flags a target within the hour as soon, and a passed one as overdue before the server notices', () => {
    expect(slaState({ status: 'open', sla: sla({ nextResponseDueAt: '2026-12-03T12:30:00Z' }) }, now)).toMatchObject({ soon: true });
    expect(slaState({ status: 'pending', sla: sla({ nextResponseDueAt: '2026-12-03T11:59:00Z' }) }, now)).toEqual({
      kind: 'breached',
      names: [],
    });
  });
});
