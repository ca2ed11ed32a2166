import { describe, expect, it } from 'vitest';
import { settingsInput, settingsProblems, tierName, tierRule, weightShares, type SettingsDraft } from './settings-draft';

const draft = (overrides: Partial<SettingsDraft> = {}): SettingsDraft => ({
  weights: { recency: 25, frequency: 20, monetary: 0, engagement: 20, influence: 10 },
  monetaryField: null,
  tiers: [
    { name: 'gold', minScore: 60 },
    { name: 'bronze', minScore: 0 },
  ],
  quietDays: 60,
  ...overrides,
});

describe('relationship settings draft', () => {
  it('accepts sensible settings', () => {
    expect(settingsProblems(draft())).toEqual({});
  });

  it('needs some weight somewhere', () => {
    const none = { recency: 0, frequency: 0, monetary: 0, engagement: 0, influence: 0 };
    expect(settingsProblems(draft({ weights: none })).weights).toBeDefined();
    expect(settingsProblems(draft({ weights: { ...none, influence: 1 } }))).toEqual({});
  });

  it('names the tier that is wrong, and needs one tier from 0', () => {
    const problems = settingsProblems(
      draft({
        tiers: [
          { name: 'Gold', minScore: 60 },
          { name: 'silver', minScore: 60 },
          { name: 'silver', minScore: 40 },
        ],
      }),
    );
    expect(problems['tiers.0.name']).toMatch(/Lower-case/);
    expect(problems['tiers.1.minScore']).toMatch(/Another tier/);
    expect(problems['tiers.2.name']).toMatch(/Another tier/);
    expect(problems.tiers).toMatch(/start at 0/);
  });

  it('turns typed names into tier names and sends tiers highest first', () => {
    expect(tierName('  Key Account ')).toBe('key-account');
    const input = settingsInput(
      draft({
        tiers: [
          { name: 'bronze', minScore: 0 },
          { name: 'gold', minScore: 60 },
        ],
      }),
    );
    expect(input.tiers.map((t) => t.name)).toEqual(['gold', 'bronze']);
  });

  it('shows each weight as its share of the whole', () => {
    expect(weightShares(draft().weights, 'lifetime_value')).toEqual({
      recency: 33,
      frequency: 27,
      monetary: 0,
      engagement: 27,
      influence: 13,
    });
    const weights = { ...draft().weights, monetary: 25 };
    expect(weightShares(weights, 'lifetime_value')).toEqual({ recency: 25, frequency: 20, monetary: 25, engagement: 20, influence: 10 });
  });

  it('shows monetary value as not used without a field, and the other parts sharing the score', () => {
    const weights = { ...draft().weights, monetary: 25 };
    expect(weightShares(weights, null)).toEqual({ recency: 33, frequency: 27, monetary: null, engagement: 27, influence: 13 });
  });

  it('says tiers rank customers while money has a weight, and activity alone when it has none', () => {
    expect(tierRule(draft({ weights: { ...draft().weights, monetary: 25 } }))).toMatch(
      /only contacts with a monetary value, or at the lifecycle stage customer or advocate, rank above the lowest tier/,
    );
    expect(tierRule(draft())).toMatch(/by activity alone/);
  });
});
