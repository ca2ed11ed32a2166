import { describe, expect, it } from 'vitest';
import { foldWord, splitWords } from './text-words.js';

describe('words', () => {
  it('cuts at anything that is not a letter, digit or mark', () => {
    expect(splitWords("Don't   e-mail #Rapport@home, 42x!")).toEqual(['Don', 't', 'e', 'mail', 'Rapport', 'home', '42x']);
  });

  it('keeps accents and non-Latin scripts inside words', () => {
    expect(splitWords('Crème brûlée в Москве')).toEqual(['Crème', 'brûlée', 'в', 'Москве']);
    expect(splitWords('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
  });

  it('makes each Han and kana character a word of its own', () => {
    expect(splitWords('東京タワ ok')).toEqual(['東', '京', 'タ', 'ワ', 'ok']);
    expect(splitWords('東京abc')).toEqual(['東', '京', 'abc']);
  });

  it('counts * and ? as word characters only when asked', () => {
    expect(splitWords('colo?r brand*')).toEqual(['colo', 'r', 'brand']);
    expect(splitWords('colo?r brand*', true)).toEqual(['colo?r', 'brand*']);
  });

  it('folds case and Latin, Greek and Cyrillic accents but not Indic vowel signs', () => {
    expect(foldWord('CAFÉ')).toBe('cafe');
    expect(foldWord('Ελλάδα')).toBe('ελλαδα');
    expect(foldWord('İstanbul')).toBe('istanbul');
    expect(foldWord('का')).not.toBe(foldWord('कि'));
  });
});
