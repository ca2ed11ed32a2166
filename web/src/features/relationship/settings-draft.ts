/**
 * The relationship settings form and its checks: some weight somewhere, tiers with distinct names
 * and thresholds, one of them starting at 0 so every contact gets a tier.
 */
import type { RelationshipSettings, RelationshipSettingsInput, Tier, ValueComponent } from './types';
import { VALUE_COMPONENTS } from './types';

export type SettingsDraft = RelationshipSettingsInput;

export function settingsDraft(settings: RelationshipSettings): SettingsDraft {
  return {
    weights: { ...settings.weights },
    monetaryField: settings.monetaryField,
    tiers: settings.tiers.map((t) => ({ ...t })),
    quietDays: settings.quietDays,
  };
}

const TIER_NAME = /^[a-z][a-z0-9_-]{0,29}$/;

/** "Key Account" becomes "key-account": routing rules and SLA targets refer to tiers by this name. */
export function tierName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Problems keyed like the form's fields (`tiers.1.name`); empty when the draft can be saved. */
export function settingsProblems(draft: SettingsDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (VALUE_COMPONENTS.every((c) => draft.weights[c] === 0)) problems.weights = 'Give at least one part of the value a weight above 0';
  const names = new Set<string>();
  const scores = new Set<number>();
  draft.tiers.forEach((tier, index) => {
    if (!TIER_NAME.test(tier.name)) problems[`tiers.${index}.name`] = 'Lower-case letters, digits, - or _, starting with a letter';
    else if (names.has(tier.name)) problems[`tiers.${index}.name`] = 'Another tier has this name';
    names.add(tier.name);
    if (scores.has(tier.minScore)) problems[`tiers.${index}.minScore`] = 'Another tier starts at this score';
    scores.add(tier.minScore);
  });
  if (draft.tiers.length === 0) problems.tiers = 'Add at least one tier';
  else if (!scores.has(0)) problems.tiers = 'One tier must start at 0, so every contact gets a tier';
  return problems;
}

/** Tiers as the server keeps them: highest threshold first. */
export function sortedTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => b.minScore - a.minScore);
}

export function settingsInput(draft: SettingsDraft): RelationshipSettingsInput {
  return { ...draft, tiers: sortedTiers(draft.tiers) };
}

/**
 * Each part's share of the value score, in whole percent, for showing next to its weight. Monetary
 * value counts only with a field to read it from: without one the server leaves it out and the
 * other parts share the score (null: not used).
 */
export function weightShares(weights: SettingsDraft['weights'], monetaryField: string | null): Record<ValueComponent, number | null> {
  const used = VALUE_COMPONENTS.filter((c) => c !== 'monetary' || monetaryField !== null);
  const total = used.reduce((sum, c) => sum + weights[c], 0);
  return Object.fromEntries(
    VALUE_COMPONENTS.map((c) => [c, used.includes(c) ? (total > 0 ? Math.round((weights[c] / total) * 100) : 0) : null]),
  ) as Record<ValueComponent, number | null>;
}

/** What a tier above the lowest takes, as the server decides it (relationship/scoring.ts, tierLimit). */
export function tierRule(draft: SettingsDraft): string {
  const reach = 'A contact gets the highest tier its value reaches, once they have 3 interactions in a year or a monetary value.';
  if (draft.weights.monetary === 0) return `${reach} With no weight on monetary value, tiers rank contacts by activity alone.`;
  return `${reach} Tiers rank customers: only contacts with a monetary value, or at the lifecycle stage customer or advocate, rank above the lowest tier.`;
}
