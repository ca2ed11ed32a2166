/**
 * A Fellegi–Sunter model: the share of matches among candidate pairs (lambda) and, per field and
 * agreement level, m = P(level | same person) and u = P(level | different people).
 */
import { COMPARISONS } from './comparisons.js';

export interface FieldParameters {
  m: number[];
  u: number[];
}

export interface MatchModel {
  lambda: number;
  /** In the order of COMPARISONS. */
  fields: FieldParameters[];
}

/** The prior model: used before any fit, and as the starting point and pseudo-counts of EM. */
export function priorModel(): MatchModel {
  return {
    lambda: 0.01,
    fields: COMPARISONS.map((comparison) => ({ m: [...comparison.priorM], u: [...comparison.priorU] })),
  };
}

/** log2(m/u) of one field at one level: the match weight its agreement level contributes. */
export function levelWeight(model: MatchModel, fieldIndex: number, level: number): number {
  const parameters = model.fields[fieldIndex]!;
  return Math.log2(parameters.m[level]! / parameters.u[level]!);
}

/** The prior log2 odds of a candidate pair being a match. */
export function priorWeight(model: MatchModel): number {
  return Math.log2(model.lambda / (1 - model.lambda));
}
