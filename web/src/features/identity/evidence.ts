/** How match evidence, probabilities and link decisions read for people. */
import type { DuplicateDecision, Evidence, LinkMethod } from './types';

/** The matching engine's field names, in words a reviewer knows. */
const FIELD_LABELS: Record<string, string> = {
  given: 'First name',
  family: 'Last name',
  birthDate: 'Birthday',
  email: 'E-mail',
  emailName: 'E-mail vs name',
  phone: 'Phone',
  handle: 'Social handle',
  streetNumber: 'Street number',
  street: 'Street',
  line2: 'Address line 2',
  locality: 'Town',
  postcode: 'Postcode',
  region: 'Region',
  country: 'Country',
  company: 'Company',
  nationalId: 'National id',
};

export function evidenceFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/**
 * A name's "exact" agreement is after folding accents and case and reading known nicknames as the
 * full name, so "Kate" and "Katherine" agree exactly; shown as such it would look like a mistake.
 */
export function evidenceLevelLabel(field: string, level: string): string {
  return (field === 'given' || field === 'family') && level === 'exact' ? 'same name' : level;
}

export type WeightTone = 'for' | 'against' | 'neutral';

/** A positive weight argues for the same person, a negative one against. */
export function weightTone(weight: number): WeightTone {
  if (weight > 0.005) return 'for';
  if (weight < -0.005) return 'against';
  return 'neutral';
}

/** Weights are shown to a tenth. */
const toTenths = (weight: number) => Math.round(weight * 10) / 10;

/** "+3.2", "−1.5" (a real minus sign, which screen readers say), "0". */
export function formatWeight(weight: number): string {
  const rounded = toTenths(weight);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

/** A percentage that never rounds a near-certainty up to 100 %, nor a near-zero down to 0 %. */
export function formatProbability(probability: number): string {
  if (probability >= 1) return '100%';
  if (probability <= 0) return '0%';
  const tenths = Math.min(999, Math.max(1, Math.floor(probability * 1000)));
  return `${(tenths / 10).toFixed(1)}%`;
}

/**
 * The evidence table's legend. A pair's score (its total weight) is the model's starting point,
 * how likely any two records are to be one person, plus every field's weight: the start is what the
 * fields leave of the total, taken from the weights as shown so that the numbers on screen add up.
 */
export function evidenceLegend(evidence: readonly Evidence[], total: number): string {
  const start = toTenths(total) - evidence.reduce((sum, e) => sum + toTenths(e.weight), 0);
  return (
    'Positive weights are evidence that the two are the same person, negative ones against; ' +
    `the score adds them to a starting point of ${formatWeight(start)}, for a total of ${formatWeight(total)}.`
  );
}

/** The strongest evidence first, either way: what decided the score leads the table. */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.field.localeCompare(b.field));
}

export const DECISION_LABELS: Record<DuplicateDecision, string> = { link: 'Likely', review: 'Possible' };

export const LINK_METHOD_LABELS: Record<LinkMethod, string> = { rule: 'Rule', score: 'Match score', manual: 'Linked by hand' };

const RULE_LABELS: Record<string, string> = {
  email: 'same e-mail address',
  'profile-url': 'same profile URL',
  handle: 'same handle',
  'created-from-email': 'contact created from the e-mail',
};

/** "Rule: same e-mail address", "Match score 99.7%", "Linked by hand". */
export function describeLink(link: { method: LinkMethod; rule: string | null; probability: number | null }): string {
  if (link.method === 'rule') return link.rule ? `Rule: ${RULE_LABELS[link.rule] ?? link.rule}` : LINK_METHOD_LABELS.rule;
  if (link.method === 'score' && link.probability !== null) return `${LINK_METHOD_LABELS.score} ${formatProbability(link.probability)}`;
  return LINK_METHOD_LABELS[link.method];
}
