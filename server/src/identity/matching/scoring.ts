/**
 * Scores a compared pair: the match weight (log2 odds) is the prior odds plus each field's
 * log2(m/u) at its agreement level, with exact agreements on names, street, locality and postcode
 * adjusted by how common the value is. The decision follows from the model's posterior probability;
 * names alone can reach review but never an automatic link.
 */
import { COMPARISONS, MISSING, type FieldName } from './comparisons.js';
import { levelWeight, priorWeight, type MatchModel } from './model.js';
import type { NormalisedPerson } from './person.js';
import type { TermFrequencies } from './term-frequency.js';

export type Decision = 'link' | 'review' | 'ignore';

/** Posterior probabilities of a match at which a pair is linked, or queued for review. */
export interface Thresholds {
  link: number;
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { link: 0.99, review: 0.5 };

export interface Evidence {
  field: FieldName;
  level: string;
  weight: number;
}

export interface PairScore {
  weight: number;
  probability: number;
  decision: Decision;
}

export interface ScoredPair extends PairScore {
  left: string;
  right: string;
  evidence: Evidence[];
  /** The agreement level of every field (MISSING where not compared): a reviewer's decision on the pair refines the model with it. */
  levels: number[];
}

/** Weight of one field for one pair, frequency adjustment included. */
function fieldWeight(model: MatchModel, frequencies: TermFrequencies, index: number, level: number, left: NormalisedPerson): number {
  const weight = levelWeight(model, index, level);
  const frequencyValue = COMPARISONS[index]!.frequencyValue;
  return level === 0 && frequencyValue ? weight + frequencies.adjustment(index, frequencyValue(left)) : weight;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

export function scoreLevels(
  model: MatchModel,
  frequencies: TermFrequencies,
  thresholds: Thresholds,
  left: NormalisedPerson,
  levels: Uint8Array,
): PairScore {
  let weight = priorWeight(model);
  let otherThanNames = false;
  for (let index = 0; index < levels.length; index++) {
    const level = levels[index]!;
    if (level === MISSING) continue;
    const contribution = fieldWeight(model, frequencies, index, level, left);
    weight += contribution;
    if (contribution > 0 && !COMPARISONS[index]!.isName) otherThanNames = true;
  }
  const probability = probabilityOf(weight);
  const decision: Decision =
    probability >= thresholds.link && otherThanNames ? 'link' : probability >= thresholds.review ? 'review' : 'ignore';
  return { weight, probability, decision };
}

/** Which fields were compared, at what level, with what weight: what a reviewer is shown. */
export function explainLevels(model: MatchModel, frequencies: TermFrequencies, left: NormalisedPerson, levels: Uint8Array): Evidence[] {
  const evidence: Evidence[] = [];
  levels.forEach((level, index) => {
    if (level === MISSING) return;
    const comparison = COMPARISONS[index]!;
    const weight = fieldWeight(model, frequencies, index, level, left);
    evidence.push({ field: comparison.field, level: comparison.levels[level]!, weight: Math.round(weight * 100) / 100 });
  });
  return evidence;
}
