/** The customer 360 as the API returns it: the timeline, the relationship memory and the scores. */
import type { Sentiment } from '../listening/types';

export const TIMELINE_KINDS = ['message', 'mention', 'note', 'call', 'meeting', 'email', 'task', 'system'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  occurredAt: string;
  title: string;
  body: string;
  network: string | null;
  direction: 'in' | 'out' | null;
  conversationId: string | null;
  sentiment: Sentiment | null;
  author: string | null;
  /** For a task: when it is due, whether it is done, who has it; null for other kinds. */
  task: TaskState | null;
  /** How long a call or meeting lasted, when it was noted. */
  durationMinutes: number | null;
  /** The member who wrote an activity or sent a message; null for customers and automation. */
  authorId: string | null;
  /** A mention, or a message of the contact's conversations that listening heard: the Mentions filter finds both. */
  isMention: boolean;
}

export interface TaskState {
  dueAt: string | null;
  doneAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface TimelineFilters {
  kinds: TimelineKind[];
  network: string | null;
}

export interface HealthReason {
  code: string;
  text: string;
  /** Points added to (or taken from) the neutral 50. */
  effect: number;
}

export const VALUE_COMPONENTS = ['recency', 'frequency', 'monetary', 'engagement', 'influence'] as const;
export type ValueComponent = (typeof VALUE_COMPONENTS)[number];

/** Why a contact is held in the lowest tier whatever its value score. */
export interface TierLimit {
  code: 'few_interactions' | 'not_a_customer';
  text: string;
}

export interface ContactScore {
  valueScore: number;
  tier: string;
  /** Null when the tier is the one the value score reaches. */
  tierLimit: TierLimit | null;
  health: number;
  healthReasons: HealthReason[];
  components: Record<ValueComponent, number | null>;
  computedAt: string;
}

export interface RelationshipMemory {
  wants: { text: string; intent: string | null; conversationId: string | null; at: string }[];
  troubles: { text: string; conversationId: string | null; at: string; resolved: boolean }[];
  openConversations: { id: string; subject: string; status: string; network: string | null; lastMessageAt: string }[];
  pastConversations: { id: string; subject: string; status: string; network: string | null; closedAt: string | null }[];
  sentimentTrend: { month: string; average: number; count: number }[];
  preferredChannel: { network: string; share: number } | null;
  lastInteraction: { at: string; kind: string; network: string | null } | null;
  nextInteraction: { at: string; title: string; kind: 'task' | 'date' } | null;
  upcomingDates: { label: string; date: string; daysAway: number }[];
}

export interface Relationship {
  memory: RelationshipMemory;
  score: ContactScore | null;
}

export interface Tier {
  name: string;
  minScore: number;
}

export interface RelationshipSettings {
  weights: Record<ValueComponent, number>;
  monetaryField: string | null;
  /** Highest first; the last starts at 0. */
  tiers: Tier[];
  quietDays: number;
  updatedAt: string | null;
}

export type RelationshipSettingsInput = Omit<RelationshipSettings, 'updatedAt'>;
