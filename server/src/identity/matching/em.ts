/**
 * Unsupervised estimation of a Fellegi–Sunter model by expectation–maximisation over the comparison
 * vectors of the candidate pairs (no labels). Identical vectors are counted once, so a fit over
 * millions of pairs costs as much as one over their few thousand distinct patterns. The prior model
 * seeds the fit and adds pseudo-counts, which keeps rare levels away from zero and the fit stable
 * on small files.
 */
import { COMPARISONS, MISSING } from './comparisons.js';
import { priorModel, type MatchModel } from './model.js';

export interface EmOptions {
  maxIterations?: number;
  /** Stop when no parameter moves more than this between iterations. */
  tolerance?: number;
  /** Pseudo-pairs of prior evidence for each of the m and u distributions of a field. */
  priorStrength?: number;
  start?: MatchModel;
  /**
   * The largest share of matches allowed. Each person has few duplicates, so matches among the
   * candidate pairs number about the people at most; without this bound EM can settle on "same
   * common name, nothing else" as the match class when such pairs fill the candidate set.
   */
  maxLambda?: number;
}

export interface Pattern {
  levels: Uint8Array;
  count: number;
}

/** Groups comparison vectors (`fieldCount` levels per pair, laid end to end) into distinct patterns. */
export function countPatterns(vectors: Uint8Array, fieldCount = COMPARISONS.length): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (let offset = 0; offset < vectors.length; offset += fieldCount) {
    const levels = vectors.subarray(offset, offset + fieldCount);
    const key = String.fromCharCode(...levels);
    const pattern = byKey.get(key);
    if (pattern) pattern.count++;
    else byKey.set(key, { levels: levels.slice(), count: 1 });
  }
  return [...byKey.values()];
}

function matchProbability(model: MatchModel, levels: Uint8Array): number {
  let matchLikelihood = model.lambda;
  let nonMatchLikelihood = 1 - model.lambda;
  for (let field = 0; field < levels.length; field++) {
    const level = levels[field]!;
    if (level === MISSING) continue;
    matchLikelihood *= model.fields[field]!.m[level]!;
    nonMatchLikelihood *= model.fields[field]!.u[level]!;
  }
  return matchLikelihood / (matchLikelihood + nonMatchLikelihood);
}

/**
 * Levels are ordered from best agreement to "different", so m/u must not rise from one level to the
 * next: agreeing better can never be evidence against a match. Violations are pooled (the two
 * levels get the pooled ratio, m keeping its sum) until none is left. Without this constraint EM
 * can settle on "same common name, everything else different" as the match class when such pairs
 * fill the candidate set.
 */
export function monotoneM(m: readonly number[], u: readonly number[]): number[] {
  const pooled = [...m];
  for (let changed = true; changed;) {
    changed = false;
    for (let level = 0; level + 1 < pooled.length; level++) {
      if (pooled[level]! / u[level]! >= (pooled[level + 1]! / u[level + 1]!) * (1 - 1e-9)) continue;
      const ratio = (pooled[level]! + pooled[level + 1]!) / (u[level]! + u[level + 1]!);
      pooled[level] = ratio * u[level]!;
      pooled[level + 1] = ratio * u[level + 1]!;
      changed = true;
    }
  }
  return pooled;
}

export function fitModel(patterns: readonly Pattern[], options: EmOptions = {}): MatchModel {
  const prior = priorModel();
  const strength = options.priorStrength ?? 5;
  const tolerance = options.tolerance ?? 1e-5;
  let model = options.start ?? prior;
  const total = patterns.reduce((sum, pattern) => sum + pattern.count, 0);
  if (total === 0) return model;
  for (let iteration = 0; iteration < (options.maxIterations ?? 200); iteration++) {
    const mCounts = prior.fields.map((field) => field.m.map((p) => p * strength));
    const uCounts = prior.fields.map((field) => field.u.map((p) => p * strength));
    let expectedMatches = 0;
    for (const pattern of patterns) {
      const probability = matchProbability(model, pattern.levels);
      const matches = probability * pattern.count;
      const nonMatches = pattern.count - matches;
      expectedMatches += matches;
      pattern.levels.forEach((level, field) => {
        if (level === MISSING) return;
        mCounts[field]![level]! += matches;
        uCounts[field]![level]! += nonMatches;
      });
    }
    const normalise = (counts: number[]) => {
      const sum = counts.reduce((a, b) => a + b, 0);
      return counts.map((count) => count / sum);
    };
    const next: MatchModel = {
      lambda: Math.min(options.maxLambda ?? 0.999, Math.max(1e-6, expectedMatches / total)),
      fields: mCounts.map((counts, field) => {
        const u = normalise(uCounts[field]!);
        return { m: monotoneM(normalise(counts), u), u };
      }),
    };
    const moved = Math.max(
      Math.abs(next.lambda - model.lambda),
      ...next.fields.flatMap((field, index) => [
        ...field.m.map((p, level) => Math.abs(p - model.fields[index]!.m[level]!)),
        ...field.u.map((p, level) => Math.abs(p - model.fields[index]!.u[level]!)),
      ]),
    );
    model = next;
    if (moved < tolerance) break;
  }
  return model;
}
