// The normalised form that language profiles are built from and matched against: the lower-cased
// letters of one script, every other character (digits, punctuation, emoji, other scripts) turned
// into a single space, with a space at both ends so word edges become n-grams of their own.
// Links and @mentions are skipped: their letters ("https t co") belong to no language.
// The trainer and the detector share this function so the two can never drift apart.

import { LOWER_CASE } from '../text/char-tables.js';
import { SCRIPT_OF } from './script.js';

const SPACE = 0x20;
const AT = 0x40;
const COLON = 0x3a;
const SLASH = 0x2f;

/** Lower case, plus folds that writers apply inconsistently (Russian ё is mostly written е). */
const folded = LOWER_CASE.slice();
folded[0x0401] = 0x0435;
folded[0x0451] = 0x0435;
// Local alias: a module loader that rewrites imports into property reads (tsx, bundlers) would
// otherwise pay a lookup per character in the loop below.
const scriptOf = SCRIPT_OF;

/** Index of the first whitespace (or the end) at or after `from`. */
function endOfToken(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) > SPACE) i++;
  return i;
}

function startsLink(text: string, colon: number): boolean {
  return text.charCodeAt(colon + 1) === SLASH && text.charCodeAt(colon + 2) === SLASH;
}

/**
 * Reads the normalised letters of one script from a text a few words at a time, for a caller that
 * usually stops early (language scoring is mostly decided within the first words of a post, while a
 * text may run to thousands of characters). Letters up to the last space written are final: exactly
 * what `scriptLetters` writes there, since only a link met later can take back letters, and only
 * those of the word being read. One reader serves one text at a time.
 */
export class LetterReader {
  /** Whether the text (or the room in the buffer) is used up: every letter written is then final. */
  done = true;
  private text = '';
  private script = 0;
  private out: Uint16Array = new Uint16Array(0);
  private end = 0;
  private next = 0;
  private length = 1;
  private wordStart = 1;
  private afterSpace = true;

  /** Starts reading the letters of script `scriptIndex` in the first `maxChars` characters of `text` into `out`. */
  begin(text: string, scriptIndex: number, out: Uint16Array, maxChars = text.length): void {
    this.text = text;
    this.script = scriptIndex;
    this.out = out;
    this.end = Math.min(text.length, maxChars);
    this.next = 0;
    this.length = 1;
    this.wordStart = 1;
    this.afterSpace = true;
    this.done = false;
    out[0] = SPACE;
  }

  /**
   * Reads on until more than `minLength` codes are final, or to the end (then `done`); returns how
   * many codes are final. Stops when the buffer is full, which bounds the work on huge texts.
   */
  readTo(minLength: number): number {
    if (this.done) return this.length;
    const { text, script, out, end } = this;
    const capacity = out.length - 1;
    let { length, wordStart, afterSpace } = this;
    let i = this.next;
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (scriptOf[code] === script) {
        out[length++] = folded[code]!;
        afterSpace = false;
        if (length >= capacity) break;
        continue;
      }
      if (code === AT || (code === COLON && startsLink(text, i))) {
        if (code === COLON) length = wordStart;
        afterSpace = length === wordStart;
        i = endOfToken(text, i);
      }
      if (!afterSpace) {
        out[length++] = SPACE;
        wordStart = length;
        afterSpace = true;
        if (length > minLength) {
          this.next = i + 1;
          this.length = length;
          this.wordStart = wordStart;
          this.afterSpace = afterSpace;
          return length;
        }
      }
    }
    if (!afterSpace) out[length++] = SPACE;
    this.length = length;
    this.done = true;
    return length;
  }
}

const reader = new LetterReader();

/**
 * Writes the normalised letters of script `scriptIndex` found in `text` into `out` and returns how
 * many codes were written. Reads at most `maxChars` characters and stops when `out` is full, which
 * bounds the work on huge texts.
 */
export function scriptLetters(text: string, scriptIndex: number, out: Uint16Array, maxChars = text.length): number {
  reader.begin(text, scriptIndex, out, maxChars);
  return reader.readTo(Infinity);
}

/** Order-sensitive hash of three character codes, spread over 32 bits. */
export function trigramHash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

export const WORD_HASH_START = 0x811c9dc5;

/** Whole-word hashing, fed one character at a time while scanning (FNV-1a, then mixed). */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function wordHashFinish(hash: number): number {
  const h = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

export function wordHash(word: string): number {
  let hash = WORD_HASH_START;
  for (let i = 0; i < word.length; i++) hash = wordHashStep(hash, word.charCodeAt(i));
  return wordHashFinish(hash);
}
