/**
 * The relationship settings form and its checks: some weight somewhere, tiers with distinct names
 * and thresholds, one of them starting at 0 so every contact gets a tier.
 */
import type { RelationshipSettings, RelationshipSettingsInput, Tier } from './types';
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

/** Each part's share of the value score, in whole percent, for showing next to its weight. */
export function weightShares(weights: SettingsDraft['weights']): Record<string, number> {
  const total = VALUE_COMPONENTS.reduce((sum, c) => sum + weights[c], 0);
  return Object.fromEntries(VALUE_COMPONENTS.map((c) => [c, total > 0 ? Math.round((weights[c] / total) * 100) : 0]));
}
