// A fixed set of words that can be asked about a stretch of a longer text ("is text[start, end) a
// stop word?") without cutting that stretch out as a string first: the hot loops look up every word
// of every message, and a string per word would cost more than the look-up.

import { LOWER_CASE } from './char-tables.js';

const lowerCase = LOWER_CASE;

/**
 * `rangeHash` in parts, for a loop that hashes a word while it reads it: start from
 * RANGE_HASH_START, apply `rangeHashStep` to each unit, then `finishRangeHash`.
 */
export const RANGE_HASH_START = 0x811c9dc5;

export function rangeHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function finishRangeHash(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}

/** FNV-1a over the UTF-16 units of `text[start, end)`, mixed so that the low bits spread well. */
export function rangeHash(text: string, start: number, end: number): number {
  let hash = RANGE_HASH_START;
  for (let i = start; i < end; i++) hash = rangeHashStep(hash, text.charCodeAt(i));
  return finishRangeHash(hash);
}

/** `rangeHash` of `text[start, end)` lower-cased one unit at a time, without making the lower-cased string. */
export function lowerCaseRangeHash(text: string, start: number, end: number): number {
  let hash = RANGE_HASH_START;
  for (let i = start; i < end; i++) hash = rangeHashStep(hash, lowerCase[text.charCodeAt(i)]!);
  return finishRangeHash(hash);
}

/** Whether `text[start, end)` spells `word`. */
export function rangeEquals(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

function equalsIgnoringCase(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (lowerCase[text.charCodeAt(start + i)] !== word.charCodeAt(i)) return false;
  return true;
}

export class WordSet {
  private readonly mask: number;
  /** Open addressing: slots hold a word or undefined, probed linearly from the word's hash. */
  private readonly slots: (string | undefined)[];

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)];
    let size = 16;
    while (size < unique.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Array<string | undefined>(size).fill(undefined);
    for (const word of unique) {
      let slot = rangeHash(word, 0, word.length) & this.mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.slots[slot] = word;
    }
  }

  /** `hash` is `rangeHash(text, start, end)`, passed in because callers often have it already. */
  hasRange(text: string, start: number, end: number, hash: number): boolean {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = this.slots[slot];
      if (word === undefined) return false;
      if (rangeEquals(text, start, end, word)) return true;
    }
  }

  /**
   * Whether `text[start, end)` lower-cased is in the set, lower-casing one unit at a time. That equals
   * `toLowerCase()` for words without "İ" or "Σ", whose lower case is longer or depends on context.
   */
  hasRangeIgnoringCase(text: string, start: number, end: number): boolean {
    return this.hasLowerCasedRange(text, start, end, lowerCaseRangeHash(text, start, end));
  }

  /** `hash` is `lowerCaseRangeHash(text, start, end)`, for callers that ask several sets about one word. */
  hasLowerCasedRange(text: string, start: number, end: number, hash: number): boolean {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const word = this.slots[slot];
      if (word === undefined) return false;
      if (equalsIgnoringCase(text, start, end, word)) return true;
    }
  }

  has(word: string): boolean {
    return this.hasRange(word, 0, word.length, rangeHash(word, 0, word.length));
  }
}
