import { describe, expect, it } from 'vitest';
import { COMPARISONS, MISSING } from './comparisons.js';
import { levelWeight, priorModel } from './model.js';
import { refineModel } from './refine.js';

const email = COMPARISONS.findIndex((comparison) => comparison.field === 'email');
const family = COMPARISONS.findIndex((comparison) => comparison.field === 'family');

/** Levels with only the family name exact and the e-mail different: "same surname, other address". */
function sameFamilyOtherEmail(): number[] {
  const levels: number[] = COMPARISONS.map(() => MISSING);
  levels[family] = 0;
  levels[email] = COMPARISONS[email]!.levels.length - 1;
  return levels;
}

describe('refining a model with reviewers’ decisions', () => {
  it('leaves the model as it is without decisions', () => {
    const model = priorModel();
    expect(refineModel(model, [], 1000)).toBe(model);
  });

  it('makes the levels of dismissed pairs weigh less and those of confirmed pairs more', () => {
    const model = priorModel();
    const dismissed = Array.from({ length: 50 }, () => ({ levels: sameFamilyOtherEmail(), match: false }));
    const lessLikely = refineModel(model, dismissed, 100);
    expect(levelWeight(lessLikely, family, 0)).toBeLessThan(levelWeight(model, family, 0));

    const confirmed = Array.from({ length: 50 }, () => ({ levels: sameFamilyOtherEmail(), match: true }));
    const moreLikely = refineModel(model, confirmed, 100);
    const differentEmail = COMPARISONS[email]!.levels.length - 1;
    expect(levelWeight(moreLikely, email, differentEmail)).toBeGreaterThan(levelWeight(model, email, differentEmail));
  });

  it('keeps every distribution a probability distribution, fields without labels unchanged', () => {
    const model = priorModel();
    const refined = refineModel(model, [{ levels: sameFamilyOtherEmail(), match: true }], 0);
    for (const field of refined.fields) {
      expect(field.m.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(field.u.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    const given = COMPARISONS.findIndex((comparison) => comparison.field === 'given');
    refined.fields[given]!.u.forEach((p, level) => expect(p).toBeCloseTo(model.fields[given]!.u[level]!, 9));
  });

  it('ignores levels a model has no place for', () => {
    const levels = sameFamilyOtherEmail();
    levels[family] = 40;
    const refined = refineModel(priorModel(), [{ levels: [...levels, 0, 0], match: false }], 10);
    expect(refined.fields.every((field) => field.u.every(Number.isFinite))).toBe(true);
  });
});
