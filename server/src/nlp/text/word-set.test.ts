import { describe, expect, it } from 'vitest';
import { finishRangeHash, lowerCaseRangeHash, RANGE_HASH_START, rangeHash, rangeHashStep, WordSet } from './word-set.js';

describe('WordSet', () => {
  const words = new WordSet(['the', 'señor', 'und', 'of']);

  it('finds a word inside a longer text without cutting it out', () => {
    const text = 'out of the blue';
    expect(words.hasRange(text, 4, 6, rangeHash(text, 4, 6))).toBe(true);
    expect(words.hasRange(text, 7, 10, rangeHash(text, 7, 10))).toBe(true);
    expect(words.hasRange(text, 0, 3, rangeHash(text, 0, 3))).toBe(false);
    expect(words.hasRange(text, 7, 9, rangeHash(text, 7, 9))).toBe(false);
  });

  it('matches regardless of case when asked to', () => {
    const text = 'THE Señor UND';
    expect(words.hasRangeIgnoringCase(text, 0, 3)).toBe(true);
    expect(words.hasRangeIgnoringCase(text, 4, 9)).toBe(true);
    expect(words.hasRangeIgnoringCase(text, 10, 13)).toBe(true);
    expect(words.hasRange(text, 0, 3, rangeHash(text, 0, 3))).toBe(false);
    expect(words.has('of')).toBe(true);
    expect(words.has('off')).toBe(false);
  });

  it('hashes a word lower-cased as if it had been written so, for asking several sets at once', () => {
    const text = 'Dear SEÑOR Smith';
    expect(lowerCaseRangeHash(text, 5, 10)).toBe(rangeHash('señor', 0, 5));
    expect(words.hasLowerCasedRange(text, 5, 10, lowerCaseRangeHash(text, 5, 10))).toBe(true);
    expect(words.hasLowerCasedRange(text, 11, 16, lowerCaseRangeHash(text, 11, 16))).toBe(false);
  });

  it('holds many words without losing any', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    const set = new WordSet(many);
    expect(many.every((word) => set.has(word))).toBe(true);
    expect(set.has('w5000')).toBe(false);
  });

  it('hashes a word in parts as a reading loop does, to the same value', () => {
    const text = 'café 𝐀b';
    let hash = RANGE_HASH_START;
    for (let i = 0; i < text.length; i++) hash = rangeHashStep(hash, text.charCodeAt(i));
    expect(finishRangeHash(hash)).toBe(rangeHash(text, 0, text.length));
  });
});
