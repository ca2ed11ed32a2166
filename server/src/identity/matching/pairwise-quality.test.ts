import { describe, expect, it } from 'vitest';
import { pairwiseQuality } from './pairwise-quality.js';

describe('pairwise quality', () => {
  it('scores clusters over unordered pairs', () => {
    const entityOf = new Map([
      ['a1', 'a'],
      ['a2', 'a'],
      ['a3', 'a'],
      ['b1', 'b'],
      ['b2', 'b'],
      ['c1', 'c'],
    ]);
    const quality = pairwiseQuality(
      [
        ['a1', 'a2'],
        ['b1', 'b2', 'c1'],
      ],
      entityOf,
    );
    expect(quality).toMatchObject({ truePairs: 4, predictedPairs: 4, correctPairs: 2 });
    expect(quality.precision).toBe(0.5);
    expect(quality.recall).toBe(0.5);
    expect(quality.f1).toBe(0.5);
  });
});
