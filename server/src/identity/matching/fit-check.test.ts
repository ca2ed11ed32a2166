import { describe, expect, it } from 'vitest';
import { COMPARISONS, MISSING } from './comparisons.js';
import { countPatterns } from './em.js';
import { candidateModel, isPlausibleFit } from './fit-check.js';
import { levelWeight, priorModel, type MatchModel } from './model.js';

const given = COMPARISONS.findIndex((comparison) => comparison.field === 'given');
const family = COMPARISONS.findIndex((comparison) => comparison.field === 'family');

/** The prior with one field's m set to its u: a "match" class that agrees on that field no more than strangers do. */
function blindTo(field: number): MatchModel {
  const model = priorModel();
  model.fields[field] = { m: [...model.fields[field]!.u], u: model.fields[field]!.u };
  return model;
}

describe('checking an EM fit', () => {
  it('takes a fit for duplicates when it expects some and their names agree', () => {
    expect(isPlausibleFit(priorModel(), 1_000, 0.5)).toBe(true);
  });

  it('rejects a match class whose given or family names disagree as often as strangers’ do', () => {
    expect(isPlausibleFit(blindTo(given), 1_000, 0.5)).toBe(false);
    expect(isPlausibleFit(blindTo(family), 1_000, 0.5)).toBe(false);
  });

  it('rejects a fit that expects less than one duplicate, or as many as the bound allows', () => {
    expect(isPlausibleFit(priorModel(), 50, 0.5)).toBe(false);
    expect(isPlausibleFit({ ...priorModel(), lambda: 0.2 }, 1_000, 0.2)).toBe(false);
  });
});

describe('the model without a plausible fit', () => {
  /** `pairs` candidate pairs found by their names: 40 % share the given name exactly, none the family name. */
  function candidates(pairs: number) {
    const vectors = new Uint8Array(pairs * COMPARISONS.length).fill(MISSING);
    for (let pair = 0; pair < pairs; pair++) {
      vectors[pair * COMPARISONS.length + given] = pair < pairs * 0.4 ? 0 : 3;
      vectors[pair * COMPARISONS.length + family] = 3;
    }
    return countPatterns(vectors);
  }

  it('keeps the prior m and match share and measures u on the candidate pairs', () => {
    const model = candidateModel(candidates(10_000));
    expect(model.lambda).toBe(priorModel().lambda);
    expect(model.fields[given]!.u[0]).toBeCloseTo(0.4, 2);
    expect(model.fields[family]!.u[3]).toBeCloseTo(1, 2);
    // A given name shared by 40 % of the candidates is worth about one bit, not the prior's seven.
    expect(levelWeight(model, given, 0)).toBeLessThan(1.5);
    expect(levelWeight(priorModel(), given, 0)).toBeGreaterThan(7);
  });

  it('keeps the prior where a handful of candidates say too little', () => {
    const model = candidateModel(candidates(5));
    expect(levelWeight(model, given, 0)).toBeGreaterThan(4);
  });
});
