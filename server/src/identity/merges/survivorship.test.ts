import { describe, expect, it } from 'vitest';
import type { Contact } from '../../crm/index.js';
import { canonical, checkPicks, planMerge } from './survivorship.js';

function contact(overrides: Partial<Contact>): Contact {
  return {
    id: '00000000-0000-7000-8000-000000000001',
    displayName: '',
    firstName: '',
    lastName: '',
    title: '',
    emails: [],
    phones: [],
    socialHandles: [],
    companyId: null,
    companyName: null,
    ownerId: null,
    teamId: null,
    lifecycleStage: 'lead',
    tags: [],
    custom: {},
    importantDates: [],
    address: null,
    tier: null,
    health: null,
    healthReasons: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const older = '2024-01-01T00:00:00.000Z';
const newer = '2024-06-01T00:00:00.000Z';
const labels = new Map([
  ['tier', 'Tier'],
  ['size', 'Company size'],
]);

function decision(plan: ReturnType<typeof planMerge>, field: string) {
  const found = plan.fields.find((f) => f.field === field);
  if (!found) throw new Error(`no decision for ${field}`);
  return { pick: found.pick, reason: found.reason };
}

describe('survivorship of single values', () => {
  it('keeps the only non-empty value, whichever contact has it', () => {
    const plan = planMerge(
      contact({ firstName: 'Ada', title: '', updatedAt: newer }),
      contact({ id: 'm', firstName: '', title: 'Countess', updatedAt: older }),
      {},
      labels,
    );
    expect(decision(plan, 'firstName')).toEqual({ pick: 'survivor', reason: 'only-one' });
    expect(decision(plan, 'title')).toEqual({ pick: 'merged', reason: 'only-one' });
    expect(plan.result).toMatchObject({ firstName: 'Ada', title: 'Countess', displayName: 'Ada' });
  });

  it('takes the more recently updated contact’s value when both have one', () => {
    const survivor = contact({ lastName: 'Byron', companyId: 'c1', companyName: 'Old Co', updatedAt: older });
    const merged = contact({ id: 'm', lastName: 'Lovelace', companyId: 'c2', companyName: 'New Co', updatedAt: newer });
    const plan = planMerge(survivor, merged, {}, labels);
    expect(decision(plan, 'lastName')).toEqual({ pick: 'merged', reason: 'newer' });
    expect(plan.result).toMatchObject({ lastName: 'Lovelace', companyId: 'c2', companyName: 'New Co' });
    const reversed = planMerge({ ...survivor, updatedAt: newer }, { ...merged, updatedAt: older }, {}, labels);
    expect(decision(reversed, 'lastName')).toEqual({ pick: 'survivor', reason: 'newer' });
    expect(reversed.result).toMatchObject({ lastName: 'Byron', companyName: 'Old Co' });
  });

  it('lets the user’s pick override the defaults, and reports equal values as the same', () => {
    const plan = planMerge(
      contact({ firstName: 'Ada', lastName: 'King', updatedAt: newer }),
      contact({ id: 'm', firstName: 'Augusta', lastName: 'King', updatedAt: older }),
      { firstName: 'merged', lastName: 'merged' },
      labels,
    );
    expect(decision(plan, 'firstName')).toEqual({ pick: 'merged', reason: 'picked' });
    expect(decision(plan, 'lastName')).toEqual({ pick: 'survivor', reason: 'same' });
    expect(plan.result.displayName).toBe('Augusta King');
  });

  it('keeps the further lifecycle stage on the funnel, the newer one off it', () => {
    const further = planMerge(
      contact({ lifecycleStage: 'customer', updatedAt: older }),
      contact({ id: 'm', lifecycleStage: 'lead', updatedAt: newer }),
      {},
      labels,
    );
    expect(decision(further, 'lifecycleStage')).toEqual({ pick: 'survivor', reason: 'further-stage' });
    expect(further.result.lifecycleStage).toBe('customer');
    const churned = planMerge(
      contact({ lifecycleStage: 'customer', updatedAt: older }),
      contact({ id: 'm', lifecycleStage: 'churned', updatedAt: newer }),
      {},
      labels,
    );
    expect(decision(churned, 'lifecycleStage')).toEqual({ pick: 'merged', reason: 'newer' });
  });
});

describe('survivorship of lists', () => {
  it('unites e-mails in any case, phones by digits and handles per network, filling labels and URLs', () => {
    const plan = planMerge(
      contact({
        emails: [{ address: 'ada@example.com' }],
        phones: [{ number: '+44 20 7946 0958' }],
        socialHandles: [{ network: 'mastodon', handle: '@ada@example.social' }],
      }),
      contact({
        id: 'm',
        emails: [{ address: 'ADA@example.com', label: 'work' }, { address: 'ada@home.example' }],
        phones: [{ number: '+44 (20) 7946-0958', label: 'mobile' }, { number: '+1 555 0100' }],
        socialHandles: [
          { network: 'Mastodon', handle: 'ada@example.social', url: 'https://example.social/@ada' },
          { network: 'bluesky', handle: 'ada@example.social' },
        ],
      }),
      {},
      labels,
    );
    expect(plan.result.emails).toEqual([{ address: 'ada@example.com', label: 'work' }, { address: 'ada@home.example' }]);
    expect(plan.result.phones).toEqual([{ number: '+44 20 7946 0958', label: 'mobile' }, { number: '+1 555 0100' }]);
    expect(plan.result.socialHandles).toEqual([
      { network: 'mastodon', handle: '@ada@example.social', url: 'https://example.social/@ada' },
      { network: 'bluesky', handle: 'ada@example.social' },
    ]);
    expect(decision(plan, 'emails')).toEqual({ pick: 'survivor', reason: 'union' });
  });

  it('unites tags case-insensitively and important dates by kind and date', () => {
    const plan = planMerge(
      contact({ tags: ['VIP', 'beta', 'İstanbul'], importantDates: [{ kind: 'birthday', date: '1815-12-10' }] }),
      contact({
        id: 'm',
        tags: ['vip', 'poet', 'istanbul'],
        importantDates: [
          { kind: 'birthday', date: '1815-12-10', label: 'Birthday' },
          { kind: 'custom', date: '1843-09-01', label: 'Notes published' },
          { kind: 'custom', date: '1843-09-01', label: 'Met Babbage' },
        ],
      }),
      {},
      labels,
    );
    expect(plan.result.tags).toEqual(['VIP', 'beta', 'İstanbul', 'poet']);
    expect(plan.result.importantDates).toEqual([
      { kind: 'birthday', date: '1815-12-10', label: 'Birthday' },
      { kind: 'custom', date: '1843-09-01', label: 'Notes published' },
      { kind: 'custom', date: '1843-09-01', label: 'Met Babbage' },
    ]);
  });

  it('names the merged side when only it has entries', () => {
    const plan = planMerge(contact({}), contact({ id: 'm', tags: ['x'] }), {}, labels);
    expect(decision(plan, 'tags')).toEqual({ pick: 'merged', reason: 'only-one' });
    expect(decision(plan, 'emails')).toEqual({ pick: 'survivor', reason: 'same' });
  });
});

describe('survivorship of custom fields', () => {
  it('decides each key like a single value, with the field’s label', () => {
    const plan = planMerge(
      contact({ custom: { tier: 'gold' }, updatedAt: newer }),
      contact({ id: 'm', custom: { tier: 'silver', size: 40 }, updatedAt: older }),
      {},
      labels,
    );
    expect(plan.fields.filter((f) => f.kind === 'custom')).toMatchObject([
      { field: 'custom.size', label: 'Company size', pick: 'merged', reason: 'only-one' },
      { field: 'custom.tier', label: 'Tier', pick: 'survivor', reason: 'newer' },
    ]);
    expect(plan.result.custom).toEqual({ tier: 'gold', size: 40 });
    const picked = planMerge(
      contact({ custom: { tier: 'gold' } }),
      contact({ id: 'm', custom: { tier: 'silver' } }),
      { 'custom.tier': 'merged' },
      labels,
    );
    expect(picked.result.custom).toEqual({ tier: 'silver' });
  });

  it('does not carry a value under a key the workspace no longer defines', () => {
    const plan = planMerge(contact({}), contact({ id: 'm', custom: { retired: 'x' } }), {}, labels);
    expect(plan.result.custom).toEqual({});
    expect(plan.fields.some((f) => f.field === 'custom.retired')).toBe(false);
  });
});

describe('picks', () => {
  it('refuses picks of lists, unknown fields and custom keys neither contact has', () => {
    const problems = checkPicks(
      { emails: 'merged', shoeSize: 'survivor', 'custom.size': 'merged', 'custom.tier': 'merged', title: 'merged' },
      contact({ custom: { tier: 'gold' } }),
      contact({ id: 'm' }),
      new Set(labels.keys()),
    );
    expect(problems.map((p) => p.field)).toEqual(['picks.emails', 'picks.shoeSize', 'picks.custom.size']);
  });
});

describe('canonical', () => {
  it('ignores key order, as jsonb does', () => {
    expect(canonical({ b: 1, a: [{ y: 1, x: 2 }] })).toBe(canonical({ a: [{ x: 2, y: 1 }], b: 1 }));
  });
});
