import { describe, expect, it } from 'vitest';
import { isFiltered, NO_FILTERS, toggleKind } from './timeline-filters';
import { TIMELINE_KINDS } from './types';

describe('timeline filters', () => {
  it('adds kinds in a fixed order, so the same choice is the same filter', () => {
    const a = toggleKind(toggleKind(NO_FILTERS, 'call', TIMELINE_KINDS), 'message', TIMELINE_KINDS);
    const b = toggleKind(toggleKind(NO_FILTERS, 'message', TIMELINE_KINDS), 'call', TIMELINE_KINDS);
    expect(a).toEqual(b);
    expect(a.kinds).toEqual(['message', 'call']);
  });

  it('unticks a kind, and ticking every kind is the same as none', () => {
    expect(toggleKind({ kinds: ['note'], network: null }, 'note', TIMELINE_KINDS).kinds).toEqual([]);
    let all = NO_FILTERS;
    for (const kind of TIMELINE_KINDS) all = toggleKind(all, kind, TIMELINE_KINDS);
    expect(all.kinds).toEqual([]);
  });

  it('counts a network as a filter', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ kinds: [], network: 'mastodon' })).toBe(true);
  });
});
