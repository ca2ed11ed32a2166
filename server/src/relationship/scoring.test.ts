import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  components,
  healthReasons,
  percentile,
  recencyComponent,
  scoreContact,
  tierFor,
  valueScore,
  type ContactFacts,
} from './scoring.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function facts(overrides: Partial<ContactFacts> = {}): ContactFacts {
  return {
    contactId: 'c',
    createdAt: daysAgo(400),
    lifecycleStage: 'lead',
    lastInboundAt: null,
    lastInteractionAt: null,
    inbound90Days: 0,
    engagement365Days: 0,
    monetary: null,
    maxFollowers: null,
    negative30Days: 0,
    positive30Days: 0,
    waitingConversations: 0,
    slaBreaches30Days: 0,
    resolved90Days: 0,
    ...overrides,
  };
}

describe('value components', () => {
  it('halves recency every 30 days and gives nothing without an inbound interaction', () => {
    expect(recencyComponent(NOW, NOW)).toBe(100);
    expect(recencyComponent(daysAgo(30), NOW)).toBeCloseTo(50);
    expect(recencyComponent(daysAgo(60), NOW)).toBeCloseTo(25);
    expect(recencyComponent(null, NOW)).toBe(0);
  });

  it('saturates frequency, engagement and influence on a log scale', () => {
    const few = components(facts({ inbound90Days: 3, engagement365Days: 10, maxFollowers: 1_000 }), DEFAULT_SETTINGS, NOW);
    const many = components(facts({ inbound90Days: 300, engagement365Days: 1_000, maxFollowers: 50_000_000 }), DEFAULT_SETTINGS, NOW);
    expect(few.frequency).toBe(40);
    expect(few.engagement).toBe(52);
    expect(few.influence).toBe(50);
    expect(many).toMatchObject({ frequency: 100, engagement: 100, influence: 100 });
  });

  it('ranks the monetary value by mid-rank percentile, and leaves it out when no field is chosen', () => {
    expect(percentile({ below: 0, equal: 1, total: 5 })).toBe(0);
    expect(percentile({ below: 4, equal: 1, total: 5 })).toBe(100);
    expect(percentile({ below: 1, equal: 3, total: 5 })).toBe(50);
    expect(percentile({ below: 0, equal: 1, total: 1 })).toBe(100);
    const withField = { ...DEFAULT_SETTINGS, monetaryField: 'revenue' };
    expect(components(facts({ monetary: { below: 3, equal: 1, total: 5 } }), withField, NOW).monetary).toBe(75);
    expect(components(facts(), withField, NOW).monetary).toBe(0);
    expect(components(facts({ monetary: { below: 3, equal: 1, total: 5 } }), DEFAULT_SETTINGS, NOW).monetary).toBeNull();
  });
});

describe('value score and tier', () => {
  it('is the weighted mean of the components in use', () => {
    const weights = { recency: 1, frequency: 1, monetary: 2, engagement: 0, influence: 0 };
    expect(valueScore({ recency: 100, frequency: 50, monetary: 25, engagement: 100, influence: 100 }, weights)).toBe(50);
    // An unused monetary component does not drag the score down.
    expect(valueScore({ recency: 100, frequency: 50, monetary: null, engagement: 100, influence: 100 }, weights)).toBe(75);
    expect(
      valueScore({ recency: 100, frequency: 50, monetary: null, engagement: 0, influence: 0 }, { ...weights, recency: 0, frequency: 0 }),
    ).toBe(0);
  });

  it('gives the highest tier the score reaches, whatever order tiers come in', () => {
    const tiers = [
      { name: 'bronze', minScore: 0 },
      { name: 'gold', minScore: 60 },
      { name: 'silver', minScore: 40 },
    ];
    expect(tierFor(60, tiers)).toBe('gold');
    expect(tierFor(59, tiers)).toBe('silver');
    expect(tierFor(0, tiers)).toBe('bronze');
  });

  it('puts a frequent, recent, high-value customer in the top tier and a silent one at the bottom', () => {
    const settings = { ...DEFAULT_SETTINGS, monetaryField: 'revenue' };
    const best = scoreContact(
      facts({
        lastInboundAt: daysAgo(1),
        lastInteractionAt: daysAgo(1),
        inbound90Days: 40,
        engagement365Days: 150,
        monetary: { below: 99, equal: 1, total: 100 },
        maxFollowers: 20_000,
      }),
      settings,
      NOW,
    );
    expect(best.tier).toBe('platinum');
    expect(best.valueScore).toBeGreaterThanOrEqual(80);
    const silent = scoreContact(facts(), settings, NOW);
    expect(silent).toMatchObject({ valueScore: 0, tier: 'bronze' });
  });

  it('keeps a brand-new sender in the lowest tier until their history shows something', () => {
    const firstMessage = { createdAt: NOW, lastInboundAt: NOW, lastInteractionAt: NOW, inbound90Days: 1, engagement365Days: 1 };
    // Recency alone scores a first message 100: the score says so, the tier waits for evidence.
    const stranger = scoreContact(facts({ ...firstMessage, lifecycleStage: 'customer' }), DEFAULT_SETTINGS, NOW);
    expect(stranger.valueScore).toBeGreaterThanOrEqual(40);
    expect(stranger).toMatchObject({
      tier: 'bronze',
      tierLimit: { code: 'few_interactions', text: 'Lowest tier until 3 interactions in a year (1 so far)' },
    });
    const regular = scoreContact(
      facts({ ...firstMessage, lifecycleStage: 'customer', inbound90Days: 3, engagement365Days: 3 }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(regular).toMatchObject({ tier: 'silver', tierLimit: null });
    // A monetary value is evidence too, in the workspace's own tiers.
    const tiers = [
      { name: 'key', minScore: 30 },
      { name: 'other', minScore: 0 },
    ];
    const paying = scoreContact(
      facts({ ...firstMessage, monetary: { below: 9, equal: 1, total: 10 } }),
      { ...DEFAULT_SETTINGS, monetaryField: 'revenue', tiers },
      NOW,
    );
    expect(paying.tier).toBe('key');
    expect(scoreContact(facts(firstMessage), { ...DEFAULT_SETTINGS, tiers }, NOW).tier).toBe('other');
  });
});

describe('tiers without money to rank by', () => {
  // Posts every other day for three months: as active as anyone gets.
  const chatty = {
    lastInboundAt: daysAgo(1),
    lastInteractionAt: daysAgo(1),
    inbound90Days: 45,
    engagement365Days: 60,
    maxFollowers: 2_000,
  };

  it('keeps a chatty non-customer out of every tier above the lowest, while their score still shows their activity', () => {
    for (const lifecycleStage of ['subscriber', 'lead', 'qualified', 'opportunity', 'churned', 'other']) {
      const stranger = scoreContact(facts({ ...chatty, lifecycleStage }), DEFAULT_SETTINGS, NOW);
      // Money left out, activity alone scored them platinum.
      expect(stranger.valueScore).toBeGreaterThanOrEqual(80);
      expect(stranger.components.monetary).toBeNull();
      expect(stranger.tier).toBe('bronze');
      expect(stranger.tierLimit).toEqual({
        code: 'not_a_customer',
        text: `Lowest tier until a customer or advocate: stage ${lifecycleStage}, no monetary field chosen`,
      });
    }
  });

  it('ranks customers and advocates by the score', () => {
    for (const lifecycleStage of ['customer', 'advocate']) {
      expect(scoreContact(facts({ ...chatty, lifecycleStage }), DEFAULT_SETTINGS, NOW)).toMatchObject({
        tier: 'platinum',
        tierLimit: null,
      });
    }
  });

  it('takes a monetary value as evidence of buying, and holds a non-customer without one where a field is chosen', () => {
    const withField = { ...DEFAULT_SETTINGS, monetaryField: 'lifetime_value' };
    const withoutValue = scoreContact(facts(chatty), withField, NOW);
    expect(withoutValue.valueScore).toBeGreaterThanOrEqual(60);
    expect(withoutValue).toMatchObject({
      tier: 'bronze',
      tierLimit: { code: 'not_a_customer', text: 'Lowest tier until a customer or advocate: stage lead, no monetary value' },
    });
    const paying = scoreContact(facts({ ...chatty, monetary: { below: 95, equal: 1, total: 100 } }), withField, NOW);
    expect(paying).toMatchObject({ tier: 'platinum', tierLimit: null });
  });

  it('ranks by activity alone where money has no weight: the workspace chose so', () => {
    const activityOnly = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, monetary: 0 } };
    expect(scoreContact(facts(chatty), activityOnly, NOW)).toMatchObject({ tier: 'platinum', tierLimit: null });
  });
});

describe('health', () => {
  it('starts neutral and is moved by each reason, shown with its effect', () => {
    const quietNew = scoreContact(facts({ createdAt: daysAgo(3) }), DEFAULT_SETTINGS, NOW);
    expect(quietNew).toMatchObject({ health: 50, healthReasons: [] });
    const troubled = healthReasons(
      facts({ lastInteractionAt: daysAgo(2), negative30Days: 2, waitingConversations: 1, slaBreaches30Days: 3 }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(troubled).toEqual([
      { code: 'negative_sentiment', text: '2 negative messages in the last 30 days', effect: -20 },
      { code: 'waiting_on_us', text: '1 open conversation waiting on us for more than a day', effect: -10 },
      { code: 'sla_breached', text: '3 SLA targets missed in the last 30 days', effect: -20 },
      { code: 'recently_active', text: 'In touch within the last two weeks', effect: 10 },
    ]);
    const happy = scoreContact(facts({ lastInteractionAt: daysAgo(1), positive30Days: 10, resolved90Days: 2 }), DEFAULT_SETTINGS, NOW);
    expect(happy.health).toBe(50 + 20 + 10 + 10);
  });

  it('counts a relationship as gone quiet after the configured days, and stays within 0-100', () => {
    const quiet = healthReasons(facts({ lastInteractionAt: daysAgo(61) }), DEFAULT_SETTINGS, NOW);
    expect(quiet).toEqual([{ code: 'gone_quiet', text: 'No contact in 61 days', effect: -15 }]);
    expect(healthReasons(facts({ lastInteractionAt: daysAgo(61) }), { ...DEFAULT_SETTINGS, quietDays: 90 }, NOW)).toEqual([]);
    const worst = scoreContact(
      facts({ lastInteractionAt: daysAgo(100), negative30Days: 9, waitingConversations: 9, slaBreaches30Days: 9 }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(worst.health).toBe(0);
  });
});
