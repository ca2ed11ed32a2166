/** Routing rules, team assignment and the SLA policy, as the API takes and returns them. */
import type { Priority } from '../inbox/types';

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_loaded'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface TeamInboxSettings {
  teamId: string;
  assignment: AssignmentMode;
  updatedAt: string | null;
}

/** All given conditions must hold; none given matches every conversation. */
export interface RuleConditions {
  networks?: string[];
  channelIds?: string[];
  keywords?: string[];
  tiers?: string[];
}

/** At least one is required. */
export interface RuleActions {
  teamId?: string;
  priority?: Priority;
  addLabels?: string[];
  assigneeId?: string;
}

export interface RoutingRuleInput {
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

export interface RoutingRule extends RoutingRuleInput {
  id: string;
  /** Rules are tried in ascending position; the first that matches wins. */
  position: number;
  createdAt: string;
  updatedAt: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** An opening window, [start, end] as "HH:MM"; "24:00" closes at midnight. */
export type OpeningWindow = [string, string];

export interface BusinessHours {
  /** IANA time zone, e.g. Europe/Berlin. */
  timezone: string;
  days: Partial<Record<Weekday, OpeningWindow[]>>;
}

/** Minutes; null: no target. */
export interface SlaTargets {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

export const SLA_TARGETS = [
  'firstResponseMinutes',
  'nextResponseMinutes',
  'resolutionMinutes',
] as const satisfies readonly (keyof SlaTargets)[];
export type SlaTarget = (typeof SLA_TARGETS)[number];

export interface SlaPolicyInput extends SlaTargets {
  /** null: clocks run around the clock. */
  businessHours: BusinessHours | null;
  /** Targets for customers of a value tier; others get the policy's own. */
  tierTargets: Record<string, SlaTargets>;
}

export interface SlaPolicy extends SlaPolicyInput {
  updatedAt: string | null;
}
