import { describe, expect, it } from 'vitest';
import { MAX_KEYWORDS, topKeywords } from './keywords.js';

describe('topKeywords', () => {
  it('ranks content words by frequency, ties in reading order, without stop words or short words', () => {
    expect(topKeywords('The Battery died. The battery was new, the screen too. Screen, battery!')).toEqual(['battery', 'screen', 'died']);
  });

  it("drops a final 's and keeps apostrophes inside words", () => {
    expect(topKeywords("Acme's support and ACME’S refund: Acme rocks. l'été")).toEqual(['acme', 'support', 'refund', 'rocks', "l'été"]);
  });

  it('reads words in any script, astral letters included, and starts a word only at a letter', () => {
    expect(topKeywords('Straße 123abc 東京タワー 𝐀𝐁𝐂𝐃 café² 😂😂')).toEqual(['straße', 'abc', '東京タワー', '𝐀𝐁𝐂𝐃', 'café²']);
  });

  it('returns at most the ten most frequent, and nothing for text without words', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    expect(topKeywords([...words, words[29], words[29]].join(' '))).toHaveLength(MAX_KEYWORDS);
    expect(topKeywords([...words, words[29], words[29]].join(' '))[0]).toBe(words[29]);
    for (const text of ['', '!!! ???', '\ud800', 'x\ud83d', '123 456']) expect(topKeywords(text)).toEqual([]);
  });
});
