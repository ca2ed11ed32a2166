import { describe, expect, it } from 'vitest';
import { editDistance, jaro, jaroWinkler, tokenSetSimilarity } from './similarity.js';

describe('string similarity', () => {
  it('gives the textbook Jaro and Jaro–Winkler values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });

  it('counts edits, transpositions included, and stops past the limit', () => {
    expect(editDistance('4011', '4011', 1)).toBe(0);
    expect(editDistance('4011', '4101', 1)).toBe(1);
    expect(editDistance('4011', '4012', 1)).toBe(1);
    expect(editDistance('4011', '5922', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('compares token sets regardless of order and extra words', () => {
    expect(tokenSetSimilarity('acme ltd', 'acme')).toBe(1);
    expect(tokenSetSimilarity('van der berg', 'berg van der')).toBe(1);
    expect(tokenSetSimilarity('globex', 'initech')).toBeLessThan(0.6);
  });
});
