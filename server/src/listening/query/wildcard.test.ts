import { describe, expect, it } from 'vitest';
import { compileWildcard, literalStem } from './wildcard.js';

/** A slow but obviously right reference: dynamic programming over pattern × word. */
function reference(pattern: string, word: string): boolean {
  let row = new Array<boolean>(word.length + 1).fill(false);
  row[0] = true;
  for (const p of pattern) {
    const next = new Array<boolean>(word.length + 1).fill(false);
    if (p === '*') next[0] = row[0]!;
    for (let j = 1; j <= word.length; j++) {
      if (p === '*') next[j] = next[j - 1]! || row[j]!;
      else next[j] = row[j - 1]! && (p === '?' || p === word[j - 1]);
    }
    row = next;
  }
  return row[word.length]!;
}

describe('wildcard words', () => {
  it.each([
    ['colo?r', 'colour', true],
    ['colo?r', 'color', false],
    ['colo?r', 'colouur', false],
    ['organi?ation', 'organisation', true],
    ['organi?ation', 'organization', true],
    ['brand*', 'brand', true],
    ['brand*', 'brands', true],
    ['brand*', 'bran', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['lo?e*', 'lovely', true],
  ])('%s against %s → %s', (pattern, word, expected) => {
    expect(compileWildcard(pattern)(word)).toBe(expected);
    expect(reference(pattern, word)).toBe(expected);
  });

  it('agrees with the reference on random patterns and words', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pick = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let i = 0; i < 5_000; i++) {
      const pattern = 'a' + pick('ab*?', random(7));
      const word = pick('ab', random(9));
      expect(compileWildcard(pattern)(word), `${pattern} / ${word}`).toBe(reference(pattern, word));
    }
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const pattern = 'a' + '*a'.repeat(40) + '*b';
    const word = 'a'.repeat(100);
    const test = compileWildcard(pattern);
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) expect(test(word)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('gives the literal stem every match starts with', () => {
    expect(literalStem('organi?ation')).toBe('organi');
    expect(literalStem('brand*')).toBe('brand');
    expect(literalStem('plain')).toBe('plain');
  });
});
