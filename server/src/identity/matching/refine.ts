/**
 * Reviewers' decisions refine a fitted model: a pair judged the same person is a labelled match, a
 * pair judged different people a labelled non-match. EM's estimates stand for the expected number
 * of matches and non-matches among the candidate pairs; each labelled pair adds its agreement
 * levels as one more count to m (match) or u (non-match), so decisions weigh most where the
 * workspace has few matches to learn from, and the fit without labels stays the base.
 */
import { MISSING } from './comparisons.js';
import { monotoneM } from './em.js';
import type { MatchModel } from './model.js';

export interface LabelledPair {
  /** The agreement level of every field, in the order of COMPARISONS (MISSING where not compared). */
  levels: readonly number[];
  match: boolean;
}

function normalise(counts: readonly number[]): number[] {
  const sum = counts.reduce((a, b) => a + b, 0);
  return counts.map((count) => count / sum);
}

/** The model with the labelled pairs folded in; `candidatePairs` is the number of pairs it was fitted on. */
export function refineModel(model: MatchModel, labelled: readonly LabelledPair[], candidatePairs: number): MatchModel {
  if (labelled.length === 0) return model;
  // At least one pair each, so a model fitted on nothing keeps its proportions where no label falls.
  const matches = Math.max(1, model.lambda * candidatePairs);
  const nonMatches = Math.max(1, candidatePairs - model.lambda * candidatePairs);
  const mCounts = model.fields.map((field) => field.m.map((p) => p * matches));
  const uCounts = model.fields.map((field) => field.u.map((p) => p * nonMatches));
  for (const pair of labelled) {
    const counts = pair.match ? mCounts : uCounts;
    pair.levels.forEach((level, field) => {
      // A vector from an older model with other fields or levels cannot be placed, so it is skipped field by field.
      if (level === MISSING || counts[field]?.[level] === undefined) return;
      counts[field]![level]! += 1;
    });
  }
  return {
    lambda: model.lambda,
    fields: model.fields.map((_, field) => {
      const u = normalise(uCounts[field]!);
      return { m: monotoneM(normalise(mCounts[field]!), u), u };
    }),
  };
}
