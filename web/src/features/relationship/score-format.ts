/** How scores, tiers, health and sentiment averages read and are coloured for people. */
import { sentimentLabel } from '../../../../server/src/nlp/sentiment/sentiment-label';
import type { HealthReason, ValueComponent } from './types';

const TIER_COLORS: Record<string, string> = { platinum: 'grape', gold: 'yellow', silver: 'gray', bronze: 'orange' };

/** Workspaces name their own tiers; the usual metal names get their colour, others a neutral one. */
export function tierColor(tier: string): string {
  return TIER_COLORS[tier.toLowerCase()] ?? 'blue';
}

export function tierLabel(tier: string): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1).replace(/[-_]/g, ' ');
}

export type HealthBand = 'good' | 'fair' | 'poor';

/** Health starts at a neutral 50: above 65 is doing well, below 40 needs attention. */
export function healthBand(health: number): HealthBand {
  if (health >= 65) return 'good';
  if (health >= 40) return 'fair';
  return 'poor';
}

export const HEALTH_COLORS: Record<HealthBand, string> = { good: 'teal', fair: 'yellow', poor: 'red' };
export const HEALTH_LABELS: Record<HealthBand, string> = { good: 'Healthy', fair: 'Fair', poor: 'At risk' };

/** "+10", "−15" with a real minus sign. */
export function formatEffect(effect: number): string {
  if (effect === 0) return '0';
  return effect > 0 ? `+${effect}` : `−${Math.abs(effect)}`;
}

/** The reasons that moved health most first. */
export function sortReasons(reasons: readonly HealthReason[]): HealthReason[] {
  return [...reasons].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
}

export const COMPONENT_LABELS: Record<ValueComponent, string> = {
  recency: 'Recency',
  frequency: 'Frequency',
  monetary: 'Monetary value',
  engagement: 'Engagement',
  influence: 'Influence',
};

export const COMPONENT_HINTS: Record<ValueComponent, string> = {
  recency: 'How recently the customer got in touch',
  frequency: 'How often they got in touch over the last 90 days',
  monetary: 'Where their value (a number field) stands among all contacts',
  engagement: 'Messages, mentions and activities over the last year',
  influence: 'Followers of their linked identities',
};

// The whole year: "Dec 26" reads as the 26th of December.
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** "2026-03" as "Mar 2026" in the reader's locale. */
export function monthLabel(month: string): string {
  const [year, index] = month.split('-').map(Number);
  if (!year || !index) return month;
  return monthFormat.format(new Date(year, index - 1, 1));
}

/**
 * A sentiment average from −1 to 1 in words, by the server's rule for each message's label: a month
 * of messages the timeline shows as positive does not read "neutral" here.
 */
export const sentimentWord = sentimentLabel;

/** "62%" for a share from 0 to 1. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
