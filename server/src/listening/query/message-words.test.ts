import { describe, expect, it } from 'vitest';
import { addMessageWords } from './message-words.js';
import { foldWord, forEachWord } from './text-words.js';

/** The rules as text-words.ts states them, one word at a time. */
function referenceWords(text: string, maxLength: number) {
  const folded: string[] = [];
  const skipped: number[] = [];
  forEachWord(text, (start, end) => {
    if (end - start > maxLength) skipped.push(folded.length);
    else folded.push(foldWord(text.slice(start, end)));
  });
  return { folded, skipped };
}

function cut(text: string) {
  const folded: string[] = [];
  const skipped: number[] = [];
  addMessageWords(text, folded, skipped);
  return { folded, skipped };
}

/** Pieces that exercise every branch: capitals, accents, other scripts, ideographs, emoji, lone surrogates, separators. */
const PIECES = [
  'apple',
  'Apple',
  'APPLE',
  'x',
  '42',
  'Café',
  'CAFÉ',
  'naïve',
  'ΣΟΦΟΣ',
  'Ελλάδα',
  'İstanbul',
  'Москве',
  'नमस्ते',
  'e\u0301',
  '東京',
  'タワ',
  'ひらがな',
  '😀',
  '𝐀𝐁',
  '𠀀',
  '\ud800',
  '\udc00',
  '_',
  '-',
  "'",
  ' ',
  '  ',
  '.',
  '#',
  '@',
  '\n',
  'ß',
  'ﬁ',
  'K',
];

function randomText(next: () => number): string {
  const parts: string[] = [];
  const count = Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.03) parts.push('a'.repeat(95 + Math.floor(next() * 10)));
    else if (roll < 0.05) parts.push('É'.repeat(99 + Math.floor(next() * 3)));
    else parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
  }
  return parts.join(next() < 0.5 ? '' : ' ');
}

/** Deterministic random numbers (mulberry32), so a failure can be replayed. */
function randomness(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('message words', () => {
  it('folds as it cuts: capitals, accents, other scripts, ideographs', () => {
    expect(cut('Big CAFÉ, naïve ΣΟΦΟΣ 東京 😀 x').folded).toEqual(['big', 'cafe', 'naive', 'σοφος', '東', '京', 'x']);
  });

  it('leaves out words longer than the limit, and says where', () => {
    const { folded, skipped } = cut(`one ${'z'.repeat(101)} two ${'y'.repeat(100)}`);
    expect(folded).toEqual(['one', 'two', 'y'.repeat(100)]);
    expect(skipped).toEqual([1]);
  });

  it('cuts and folds exactly as forEachWord and foldWord do (random text)', () => {
    const next = randomness(7);
    for (let i = 0; i < 3_000; i++) {
      const text = randomText(next);
      expect(cut(text), JSON.stringify(text)).toEqual(referenceWords(text, 100));
    }
  });
});
