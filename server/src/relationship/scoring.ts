/**
 * The value score, tier and health of one contact, from facts about their relationship. Pure: the
 * repository gathers the facts, this decides, so every rule is tested without a database.
 */

export const COMPONENTS = ['recency', 'frequency', 'monetary', 'engagement', 'influence'] as const;
export type Component = (typeof COMPONENTS)[number];

export type Weights = Record<Component, number>;

export interface Tier {
  name: string;
  minScore: number;
}

export interface ScoringSettings {
  weights: Weights;
  monetaryField: string | null;
  /** Highest first; the last starts at 0. */
  tiers: Tier[];
  quietDays: number;
}

export const DEFAULT_SETTINGS: ScoringSettings = {
  weights: { recency: 25, frequency: 20, monetary: 25, engagement: 20, influence: 10 },
  monetaryField: null,
  tiers: [
    { name: 'platinum', minScore: 80 },
    { name: 'gold', minScore: 60 },
    { name: 'silver', minScore: 40 },
    { name: 'bronze', minScore: 0 },
  ],
  quietDays: 60,
};

/** Where the contact's monetary value stands among the workspace's contacts that have one. */
export interface MonetaryRank {
  below: number;
  equal: number;
  total: number;
}

export interface ContactFacts {
  contactId: string;
  createdAt: Date;
  /** The contact's lifecycle stage (lead, customer…): whether they buy, where no monetary value says so. */
  lifecycleStage: string;
  /** The customer's last message, mention, or call, meeting or e-mail that was not ours. */
  lastInboundAt: Date | null;
  /** The last interaction either way. */
  lastInteractionAt: Date | null;
  inbound90Days: number;
  /** The customer's own interactions over the last year: their messages and mentions, calls, meetings and e-mails they sent. */
  engagement365Days: number;
  /** Null: the monetary component is not used, or the contact has no value. */
  monetary: MonetaryRank | null;
  maxFollowers: number | null;
  negative30Days: number;
  positive30Days: number;
  /** Open conversations whose customer has waited on us for more than a day. */
  waitingConversations: number;
  slaBreaches30Days: number;
  resolved90Days: number;
}

export interface HealthReason {
  code: string;
  text: string;
  effect: number;
}

export const TIER_LIMIT_CODES = ['few_interactions', 'not_a_customer'] as const;

/** Why a contact is held in the lowest tier whatever its value score. */
export interface TierLimit {
  code: (typeof TIER_LIMIT_CODES)[number];
  text: string;
}

export interface Score {
  valueScore: number;
  tier: string;
  /** Null when the tier is the one the value score reaches. */
  tierLimit: TierLimit | null;
  health: number;
  healthReasons: HealthReason[];
  components: Record<Component, number | null>;
}

const DAY_MS = 86_400_000;
export const NEUTRAL_HEALTH = 50;
/** Recency halves every this many days since the last inbound interaction. */
const RECENCY_HALF_LIFE_DAYS = 30;
/** Inbound interactions in 90 days that count as the most frequent. */
const FULL_FREQUENCY = 30;
/** Interactions in a year that count as fully engaged. */
const FULL_ENGAGEMENT = 100;
/** Followers at which influence is full. */
const FULL_INFLUENCE_FOLLOWERS = 1_000_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number) => Math.round(value);
/** Saturates on a log scale: the hundredth interaction adds less than the first. */
const logShare = (count: number, full: number) => clamp((100 * Math.log1p(Math.max(0, count))) / Math.log1p(full), 0, 100);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function recencyComponent(lastInboundAt: Date | null, now: Date): number {
  if (!lastInboundAt) return 0;
  const days = Math.max(0, (now.getTime() - lastInboundAt.getTime()) / DAY_MS);
  return 100 * 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
}

/** Mid-rank percentile: a contact tied with everyone sits in the middle, not at the top. */
export function percentile(rank: MonetaryRank): number {
  if (rank.total <= 1) return rank.total === 1 ? 100 : 0;
  return clamp((100 * (rank.below + (rank.equal - 1) / 2)) / (rank.total - 1), 0, 100);
}

export function components(facts: ContactFacts, settings: ScoringSettings, now: Date): Record<Component, number | null> {
  return {
    recency: round(recencyComponent(facts.lastInboundAt, now)),
    frequency: round(logShare(facts.inbound90Days, FULL_FREQUENCY)),
    monetary: settings.monetaryField === null ? null : facts.monetary ? round(percentile(facts.monetary)) : 0,
    engagement: round(logShare(facts.engagement365Days, FULL_ENGAGEMENT)),
    influence: round(logShare(facts.maxFollowers ?? 0, FULL_INFLUENCE_FOLLOWERS)),
  };
}

/** The weighted mean of the components in use; weights need not add up to anything. */
export function valueScore(parts: Record<Component, number | null>, weights: Weights): number {
  let sum = 0;
  let weight = 0;
  for (const name of COMPONENTS) {
    const part = parts[name];
    if (part === null || weights[name] <= 0) continue;
    sum += part * weights[name];
    weight += weights[name];
  }
  return weight === 0 ? 0 : round(clamp(sum / weight, 0, 100));
}

export function tierFor(score: number, tiers: readonly Tier[]): string {
  const sorted = [...tiers].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((t) => score >= t.minScore) ?? sorted.at(-1))!.name;
}

/** Why health moves away from neutral, each reason with its effect in points. */
export function healthReasons(facts: ContactFacts, settings: ScoringSettings, now: Date): HealthReason[] {
  const reasons: HealthReason[] = [];
  const add = (code: string, text: string, effect: number) => {
    if (effect !== 0) reasons.push({ code, text, effect });
  };
  if (facts.negative30Days > 0)
    add(
      'negative_sentiment',
      `${plural(facts.negative30Days, 'negative message')} in the last 30 days`,
      -Math.min(30, 10 * facts.negative30Days),
    );
  if (facts.waitingConversations > 0)
    add(
      'waiting_on_us',
      `${plural(facts.waitingConversations, 'open conversation')} waiting on us for more than a day`,
      -Math.min(30, 10 * facts.waitingConversations),
    );
  if (facts.slaBreaches30Days > 0)
    add(
      'sla_breached',
      `${plural(facts.slaBreaches30Days, 'SLA target')} missed in the last 30 days`,
      -Math.min(20, 10 * facts.slaBreaches30Days),
    );
  const since = facts.lastInteractionAt ?? facts.createdAt;
  const quietFor = Math.floor((now.getTime() - since.getTime()) / DAY_MS);
  if (quietFor >= settings.quietDays)
    add('gone_quiet', facts.lastInteractionAt ? `No contact in ${quietFor} days` : `No contact since added ${quietFor} days ago`, -15);
  if (facts.positive30Days > 0)
    add(
      'positive_sentiment',
      `${plural(facts.positive30Days, 'positive message')} in the last 30 days`,
      Math.min(20, 5 * facts.positive30Days),
    );
  if (facts.resolved90Days > 0)
    add(
      'issues_resolved',
      `${plural(facts.resolved90Days, 'conversation')} resolved in the last 90 days`,
      Math.min(15, 5 * facts.resolved90Days),
    );
  if (quietFor < 14 && facts.lastInteractionAt) add('recently_active', 'In touch within the last two weeks', 10);
  return reasons;
}

/**
 * Interactions over a year a contact needs (unless they have a monetary value) before a tier above
 * the workspace's lowest. Recency alone scores a first message 100, so a stranger with one message
 * reached 43 with the default weights, "silver", which routing and SLA targets then acted on.
 */
export const MIN_INTERACTIONS_FOR_TIER = 3;

/** The lifecycle stages of people who buy from the business now. */
export const BUYING_STAGES: readonly string[] = ['customer', 'advocate'];

/**
 * Why the contact's history is not enough to rank them above the lowest tier, or null when it is.
 *
 * Tiers rank customers by what they are worth to the business, and routing rules and SLA targets
 * treat the top ones best. Where money weighs in the score, a tier above the lowest needs evidence
 * that the contact buys: a monetary value, or the lifecycle stage customer or advocate. Without one
 * the score can only count activity (a workspace without a monetary field leaves the component out,
 * and a contact without a value scores 0 on it), and a lead who posted a lot scored 80, "platinum",
 * above most paying customers. A workspace that gives money no weight ranks by activity on purpose.
 */
export function tierLimit(facts: ContactFacts, settings: ScoringSettings): TierLimit | null {
  if (facts.monetary !== null) return null;
  if (facts.engagement365Days < MIN_INTERACTIONS_FOR_TIER) {
    const text = `Lowest tier until ${MIN_INTERACTIONS_FOR_TIER} interactions in a year (${facts.engagement365Days} so far)`;
    return { code: 'few_interactions', text };
  }
  if (settings.weights.monetary > 0 && !BUYING_STAGES.includes(facts.lifecycleStage)) {
    const missing = settings.monetaryField === null ? 'no monetary field chosen' : 'no monetary value';
    return { code: 'not_a_customer', text: `Lowest tier until a customer or advocate: stage ${facts.lifecycleStage}, ${missing}` };
  }
  return null;
}

export function scoreContact(facts: ContactFacts, settings: ScoringSettings, now: Date): Score {
  const parts = components(facts, settings, now);
  const value = valueScore(parts, settings.weights);
  const reasons = healthReasons(facts, settings, now);
  const health = round(clamp(NEUTRAL_HEALTH + reasons.reduce((sum, r) => sum + r.effect, 0), 0, 100));
  const limit = tierLimit(facts, settings);
  const tier = tierFor(limit ? 0 : value, settings.tiers);
  return { valueScore: value, tier, tierLimit: limit, health, healthReasons: reasons, components: parts };
}
