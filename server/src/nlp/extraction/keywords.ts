// The keywords of a message: its most frequent content words, lower-cased, most frequent first.
// Counted in one pass over the characters with an open-addressing table of positions in the text,
// so no string is made for a word until it is among the few returned.

import { astralClass, CHAR_CLASS, LETTER, MARK, NUMBER } from '../text/char-tables.js';
import { finishRangeHash, RANGE_HASH_START, rangeHash, rangeHashStep } from '../text/word-set.js';
import { STOP_WORDS } from './stop-words.js';

export const MAX_KEYWORDS = 10;
const MIN_KEYWORD_LENGTH = 3;
/** Distinct words counted at most; the analysed prefix of a text (4,000 characters) holds fewer than 1,000. */
const MAX_DISTINCT = 2048;
const SLOT_MASK = MAX_DISTINCT * 2 - 1;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const STARTS_WORD = LETTER | MARK;
const CONTINUES_WORD = LETTER | MARK | NUMBER;

// Scratch tables: extraction is synchronous, so no two calls overlap. A slot holds a word's index + 1.
const slots = new Int32Array(SLOT_MASK + 1);
const slotOf = new Int32Array(MAX_DISTINCT);
const wordStart = new Int32Array(MAX_DISTINCT);
const wordEnd = new Int32Array(MAX_DISTINCT);
const wordHash = new Int32Array(MAX_DISTINCT);
const wordCount = new Int32Array(MAX_DISTINCT);
const top: number[] = [];
// Local aliases: a loader that turns imports into property reads would pay a lookup per character.
const charClass = CHAR_CLASS;
const hashStep = rangeHashStep;

/** Flags of the code point at `i` (a surrogate pair is read whole), plus its width in the bits above 8. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return charClass[code]! | 0x100;
  const low = text.charCodeAt(i + 1);
  // A lone high surrogate (also at the very end, where charCodeAt gives NaN) is not a letter.
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0x100;
  return astralClass(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000) | 0x200;
}

function sameText(text: string, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let i = 0; i < end - start; i++) if (text.charCodeAt(start + i) !== text.charCodeAt(otherStart + i)) return false;
  return true;
}

/** Counts `lower[start, end)`, whose `rangeHash` is `hash`, and returns how many distinct words there are now. */
function count(lower: string, start: number, end: number, hash: number, distinct: number): number {
  if (STOP_WORDS.hasRange(lower, start, end, hash)) return distinct;
  let slot = hash & SLOT_MASK;
  for (let held = slots[slot]!; held !== 0; held = slots[slot]!) {
    const word = held - 1;
    if (wordHash[word] === (hash | 0) && sameText(lower, start, end, wordStart[word]!, wordEnd[word]!)) {
      wordCount[word]!++;
      return distinct;
    }
    slot = (slot + 1) & SLOT_MASK;
  }
  if (distinct === MAX_DISTINCT) return distinct;
  slots[slot] = distinct + 1;
  slotOf[distinct] = slot;
  wordStart[distinct] = start;
  wordEnd[distinct] = end;
  wordHash[distinct] = hash;
  wordCount[distinct] = 1;
  return distinct + 1;
}

/**
 * Words are a letter or mark followed by letters, marks, numbers and apostrophes ("don't", "4g" is
 * not one, "café2go" is); a final "'s" is dropped, and stop words and words under three characters
 * are left out. Ties keep reading order.
 */
export function topKeywords(text: string): string[] {
  const lower = text.toLowerCase();
  const length = lower.length;
  let distinct = 0;
  let i = 0;
  while (i < length) {
    const leading = lower.charCodeAt(i);
    // Most characters are outside surrogate pairs: their class is one table read.
    const first = leading < 0xd800 || leading > 0xdbff ? charClass[leading]! | 0x100 : classAt(lower, i);
    if ((first & STARTS_WORD) === 0) {
      i += first >>> 8;
      continue;
    }
    const start = i;
    // Each word is hashed as it is read, so it is not read again to be counted.
    let hash = hashStep(RANGE_HASH_START, leading);
    if (first >>> 8 === 2) hash = hashStep(hash, lower.charCodeAt(i + 1));
    i += first >>> 8;
    while (i < length) {
      const code = lower.charCodeAt(i);
      if (code === APOSTROPHE || code === RIGHT_QUOTE) {
        hash = hashStep(hash, code);
        i++;
        continue;
      }
      const next = code < 0xd800 || code > 0xdbff ? charClass[code]! | 0x100 : classAt(lower, i);
      if ((next & CONTINUES_WORD) === 0) break;
      hash = hashStep(hash, code);
      if (next >>> 8 === 2) hash = hashStep(hash, lower.charCodeAt(i + 1));
      i += next >>> 8;
    }
    // Too short even before a final "'s" is taken off.
    if (i - start < MIN_KEYWORD_LENGTH) continue;
    const before = lower.charCodeAt(i - 2);
    const possessive = lower.charCodeAt(i - 1) === 0x73 && (before === APOSTROPHE || before === RIGHT_QUOTE);
    if (!possessive) distinct = count(lower, start, i, finishRangeHash(hash), distinct);
    // A final "'s" is left out, and the word hashed again without it.
    else if (i - 2 - start >= MIN_KEYWORD_LENGTH) distinct = count(lower, start, i - 2, rangeHash(lower, start, i - 2), distinct);
  }
  top.length = 0;
  for (let word = 0; word < distinct; word++) {
    let at = top.length;
    while (at > 0 && wordCount[top[at - 1]!]! < wordCount[word]!) at--;
    if (at < MAX_KEYWORDS) {
      // Shifted by hand: `splice` would allocate the (empty) array of removed items for every word.
      top.push(word);
      for (let k = top.length - 1; k > at; k--) top[k] = top[k - 1]!;
      top[at] = word;
      if (top.length > MAX_KEYWORDS) top.pop();
    }
    slots[slotOf[word]!] = 0;
  }
  return top.map((word) => lower.slice(wordStart[word]!, wordEnd[word]!));
}
