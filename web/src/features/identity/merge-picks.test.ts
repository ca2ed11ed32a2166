import { describe, expect, it } from 'vitest';
import { defaultSurvivor, effectivePicks, isBlankOnBoth, isChoice, swapPicks, valueLines } from './merge-picks';
import type { MergeField } from './types';

const field = (overrides: Partial<MergeField>): MergeField => ({
  field: 'firstName',
  label: 'First name',
  kind: 'single',
  survivorValue: 'Maria',
  mergedValue: 'María',
  pick: 'survivor',
  reason: 'newer',
  ...overrides,
});

const FIELDS = [
  field({}),
  field({ field: 'title', label: 'Job title', survivorValue: '', mergedValue: 'CTO', pick: 'merged', reason: 'only-one' }),
  field({ field: 'emails', label: 'E-mails', kind: 'list', reason: 'union' }),
  field({ field: 'custom.plan', label: 'Plan', kind: 'custom', survivorValue: 'pro', mergedValue: 'pro', reason: 'same' }),
];

describe('merge picks', () => {
  it('offers a choice only where two single values differ', () => {
    expect(FIELDS.map(isChoice)).toEqual([true, false, false, false]);
  });

  it('keeps the preview defaults unless the reviewer picked, and never picks a list', () => {
    expect(effectivePicks(FIELDS, {})).toEqual({ firstName: 'survivor', title: 'merged', 'custom.plan': 'survivor' });
    expect(effectivePicks(FIELDS, { firstName: 'merged' })).toEqual({ firstName: 'merged', title: 'merged', 'custom.plan': 'survivor' });
  });

  it('keeps each pick on the same contact when the survivor is swapped', () => {
    expect(swapPicks({ firstName: 'merged', title: 'survivor' })).toEqual({ firstName: 'survivor', title: 'merged' });
  });

  it('shows list entries and plain values as lines of text', () => {
    expect(valueLines([{ address: 'maria@example.org', label: 'work' }, { number: '+34 600 000 000' }])).toEqual([
      'maria@example.org',
      '+34 600 000 000',
    ]);
    expect(valueLines([{ network: 'mastodon', handle: '@maria@social.example' }])).toEqual(['@maria@social.example (mastodon)']);
    expect(valueLines([{ kind: 'birthday', date: '1990-04-02' }])).toEqual(['birthday: 1990-04-02']);
    expect(valueLines(['vip', 'press'])).toEqual(['vip', 'press']);
    expect(valueLines('')).toEqual([]);
    expect(valueLines(null)).toEqual([]);
    expect(valueLines(true)).toEqual(['Yes']);
    expect(valueLines(42)).toEqual(['42']);
    expect(valueLines({ street: 'Calle Mayor 1', line2: '', locality: 'Valencia', postcode: '46001' })).toEqual([
      'Calle Mayor 1, Valencia, 46001',
    ]);
    expect(valueLines({ street: null })).toEqual([]);
  });

  it('keeps the richer contact by default, the first of the pair on a tie', () => {
    const summary = (id: string, emails: string[], phones: string[] = []) => ({ id, emails, phones, handles: [] });
    expect(defaultSurvivor(summary('a', ['a@x.org']), summary('b', ['b@x.org'], ['+1 555']))).toEqual({ survivorId: 'b', mergedId: 'a' });
    expect(defaultSurvivor(summary('a', ['a@x.org']), summary('b', ['b@x.org']))).toEqual({ survivorId: 'a', mergedId: 'b' });
  });

  it('leaves out fields neither contact has', () => {
    expect(isBlankOnBoth(field({ survivorValue: '', mergedValue: null }))).toBe(true);
    expect(isBlankOnBoth(field({ kind: 'list', survivorValue: [], mergedValue: [{ address: 'a@x.org' }] }))).toBe(false);
  });
});
