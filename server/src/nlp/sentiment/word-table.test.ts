import { describe, expect, it } from 'vitest';
import { FOLDED_HASH_START, foldedHash, foldedHashStep, WordTable } from './word-table.js';

describe('WordTable', () => {
  const words = Array.from({ length: 2_000 }, (_, index) => `word${index}`);
  const table = new WordTable(new Map([...words.map((word, index): [string, number] => [word, index]), ["don't", -1], [':D', 7]]));

  it('finds every key inside a longer text, by offsets', () => {
    for (const [index, word] of words.entries()) {
      const text = `(${word})`;
      expect(table.find(text, 1, text.length - 1, false)).toBe(index);
    }
    expect(table.find('word12', 0, 5, false)).toBe(1);
  });

  it('misses what it does not hold, including a prefix or an extension of a key', () => {
    expect(table.find('unknown', 0, 7, false)).toBeUndefined();
    expect(table.find('word', 0, 4, false)).toBeUndefined();
    expect(table.find('word20000', 0, 9, false)).toBeUndefined();
  });

  it('folds ASCII case and apostrophe style only when asked', () => {
    expect(table.find('WORD42', 0, 6, true)).toBe(42);
    expect(table.find('WORD42', 0, 6, false)).toBeUndefined();
    expect(table.find('DON’T', 0, 5, true)).toBe(-1);
    expect(table.find(':D', 0, 2, false)).toBe(7);
    expect(table.find(':d', 0, 2, false)).toBeUndefined();
  });

  it('finds a word by the hash its reader made one folded unit at a time', () => {
    const text = 'say DON’T now';
    let hash = FOLDED_HASH_START;
    for (const code of [0x64, 0x6f, 0x6e, 0x27, 0x74]) hash = foldedHashStep(hash, code);
    expect(hash).toBe(foldedHash(text, 4, 9));
    expect(table.findFolded(text, 4, 9, hash)).toBe(-1);
    expect(table.findFolded(text, 4, 8, foldedHash(text, 4, 8))).toBeUndefined();
  });
});
