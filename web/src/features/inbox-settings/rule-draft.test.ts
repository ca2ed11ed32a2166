import { describe, expect, it } from 'vitest';
import { describeActions, describeConditions, ruleDraft, ruleInput, ruleProblems, type RuleNames } from './rule-draft';
import type { RoutingRule } from './types';

const rule = (overrides: Partial<RoutingRule> = {}): RoutingRule => ({
  id: 'r1',
  name: 'Refunds to billing',
  position: 0,
  enabled: true,
  conditions: { keywords: ['refund'] },
  actions: { teamId: 't1' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

const names: RuleNames = {
  network: (key) => ({ email: 'E-mail', mastodon: 'Mastodon' })[key] ?? key,
  channel: (id) => `#${id}`,
  team: (id) => (id === 't1' ? 'Billing' : id),
  member: (id) => (id === 'u1' ? 'Sky' : id),
  priority: (priority) => priority.toUpperCase(),
};

describe('routing rule form', () => {
  it('sends only the conditions and actions that are set', () => {
    const draft = { ...ruleDraft(), name: '  Refunds ', keywords: [' refund ', 'refund', '  ', 'invoice'], teamId: 't1' };
    expect(ruleInput(draft)).toEqual({
      name: 'Refunds',
      enabled: true,
      conditions: { keywords: ['refund', 'invoice'] },
      actions: { teamId: 't1' },
    });
  });

  it('round-trips a rule with every condition and action', () => {
    const full = rule({
      enabled: false,
      conditions: { networks: ['email'], channelIds: ['c1'], keywords: ['refund'], tiers: ['gold'] },
      actions: { teamId: 't1', priority: 'high', addLabels: ['billing'], assigneeId: 'u1' },
    });
    expect(ruleInput(ruleDraft(full))).toEqual({ name: full.name, enabled: false, conditions: full.conditions, actions: full.actions });
  });

  it('needs a name and something to do, named by the API’s fields', () => {
    expect(ruleProblems(ruleDraft())).toEqual({ name: 'Give the rule a name', actions: 'Choose at least one thing the rule does' });
    expect(ruleProblems({ ...ruleDraft(), name: 'Tag all', addLabels: ['  '] }).actions).toBeDefined();
    expect(ruleProblems({ ...ruleDraft(), name: 'Urgent', priority: 'urgent' })).toEqual({});
  });

  it('tells a rule in words for the list', () => {
    expect(describeConditions(rule({ conditions: {} }), names)).toBe('Every conversation');
    expect(describeConditions(rule({ conditions: { keywords: ['refund', 'invoice'], networks: ['email', 'mastodon'] } }), names)).toBe(
      'Keywords “refund” or “invoice”; network E-mail or Mastodon',
    );
    expect(describeConditions(rule({ conditions: { channelIds: ['c1'], tiers: ['gold'] } }), names)).toBe(
      'Channel #c1; customer tier gold',
    );
    expect(
      describeActions(rule({ actions: { teamId: 't1', priority: 'high', addLabels: ['billing', 'vip'], assigneeId: 'u1' } }), names),
    ).toBe('Team Billing, priority HIGH, labels billing, vip, assign to Sky');
  });
});
