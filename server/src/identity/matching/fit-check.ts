/**
 * Whether EM found duplicates, and the model to score with when it did not. Without labels EM
 * splits the candidate pairs into two classes whatever they hold: in a workspace with no (or very
 * few) duplicates the class it calls matches is some other likeness — people of one family name,
 * colleagues at one company in one city — and scoring with it queues them as duplicates.
 */
import { COMPARISONS, MISSING } from './comparisons.js';
import { monotoneM, type Pattern } from './em.js';
import { levelWeight, priorModel, type MatchModel } from './model.js';

/** The fields every duplicate carries alike, whatever else it lost: what a class of duplicates must agree on. */
const NAME_FIELDS = COMPARISONS.flatMap((comparison, index) =>
  comparison.field === 'given' || comparison.field === 'family' ? [index] : [],
);

/** Bits a disagreement on a name must weigh against a match at least: disagreeing half as often as different people do. */
const LEAST_NAME_SEPARATION = 1;

/**
 * A fit describes duplicates when it expects at least one among the candidate pairs, its match
 * share is not pressed against the bound (more than one duplicate per person is not a class of
 * duplicates), and its matches disagree on given and family names clearly less often than its
 * non-matches do: a class whose names disagree as often as strangers' is not made of the same people.
 */
export function isPlausibleFit(model: MatchModel, candidatePairs: number, maxLambda: number): boolean {
  if (model.lambda * candidatePairs < 1 || model.lambda >= maxLambda * 0.99) return false;
  return NAME_FIELDS.every((field) => levelWeight(model, field, COMPARISONS[field]!.levels.length - 1) <= -LEAST_NAME_SEPARATION);
}

/**
 * What the prior's u counts for beside the candidate pairs, in pairs: a workspace with a handful of
 * candidates keeps the prior (its candidates say too little, and a sample of random pairs from a
 * few dozen contacts says less), one with thousands is measured on them.
 */
const PRIOR_PAIRS_WORTH = 100;

/**
 * The model when the fit describes no duplicates: the prior's m and match share, and u measured on
 * all the candidate pairs — nearly all of them different people when EM finds no class of
 * duplicates among them — so an agreement weighs what it says among candidates, where namesakes
 * are common, and not what it says between two people drawn at random.
 */
export function candidateModel(patterns: readonly Pattern[]): MatchModel {
  const prior = priorModel();
  const counts = prior.fields.map((field) => field.u.map((share) => share * PRIOR_PAIRS_WORTH));
  for (const pattern of patterns) {
    pattern.levels.forEach((level, field) => {
      if (level !== MISSING) counts[field]![level]! += pattern.count;
    });
  }
  return {
    lambda: prior.lambda,
    fields: prior.fields.map((field, index) => {
      const sum = counts[index]!.reduce((a, b) => a + b, 0);
      const u = counts[index]!.map((count) => count / sum);
      return { m: monotoneM(field.m, u), u };
    }),
  };
}
