import { describe, expect, it } from 'vitest';
import { COMPARISONS, MISSING } from './comparisons.js';
import { countPatterns, fitModel, monotoneM } from './em.js';

const fieldCount = COMPARISONS.length;
const given = COMPARISONS.findIndex((comparison) => comparison.field === 'given');
const birthDate = COMPARISONS.findIndex((comparison) => comparison.field === 'birthDate');

/** Synthetic comparison vectors: matches agree on given name and birth date, non-matches mostly do not. */
function vectors(matches: number, nonMatches: number): Uint8Array {
  const out = new Uint8Array((matches + nonMatches) * fieldCount).fill(MISSING);
  for (let pair = 0; pair < matches + nonMatches; pair++) {
    const isMatch = pair < matches;
    out[pair * fieldCount + given] = isMatch ? (pair % 10 === 0 ? 1 : 0) : pair % 20 === 0 ? 0 : 3;
    out[pair * fieldCount + birthDate] = isMatch ? 0 : pair % 50 === 0 ? 0 : 3;
  }
  return out;
}

describe('EM fit', () => {
  it('counts identical comparison vectors once', () => {
    const patterns = countPatterns(vectors(100, 900));
    expect(patterns.reduce((sum, pattern) => sum + pattern.count, 0)).toBe(1000);
    expect(patterns.length).toBeLessThan(10);
  });

  it('recovers the share of matches and the m and u of agreement without labels', () => {
    const model = fitModel(countPatterns(vectors(200, 1800)));
    expect(model.lambda).toBeGreaterThan(0.08);
    expect(model.lambda).toBeLessThan(0.13);
    expect(model.fields[birthDate]!.m[0]).toBeGreaterThan(0.9);
    expect(model.fields[birthDate]!.u[0]).toBeLessThan(0.05);
    expect(model.fields[given]!.m[0]).toBeGreaterThan(0.8);
  });

  it('never lets a better agreement level weigh less than a worse one', () => {
    const u = [0.1, 0.2, 0.7];
    const m = monotoneM([0.05, 0.6, 0.35], u);
    expect(m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    for (let level = 0; level + 1 < m.length; level++)
      expect(m[level]! / u[level]!).toBeGreaterThanOrEqual(m[level + 1]! / u[level + 1]! - 1e-9);
    expect(monotoneM([0.8, 0.15, 0.05], u)).toEqual([0.8, 0.15, 0.05]);
  });
});
