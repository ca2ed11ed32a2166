/**
 * Cuts a message's text into folded words in one pass over its character codes. This is the hot
 * loop of live matching, so it folds while it cuts: it notes whether a word holds capitals or
 * characters outside ASCII as it goes, and copies each word once (lower-case ASCII words, most of
 * any post, need nothing more). It follows the rules of `forEachWord` and `foldWord`
 * (text-words.ts) exactly; the tests compare the two on random text. The set of distinct words
 * is left to whoever needs it: most messages wake no query, and hashing every word cost as much
 * as cutting the text.
 */
import { MESSAGE_LIMITS } from './query-limits.js';
import { classAt, foldAccentedWord, IDEOGRAPH, isAsciiWordChar, PAIR, WORD } from './text-words.js';

/** What each ASCII code is: 0 a separator, else a word character, with bit 2 set for capitals. */
const ASCII_KINDS = new Uint8Array(128);
const CAPITAL = 2;
for (let code = 0; code < 128; code++) {
  if (isAsciiWordChar(code)) ASCII_KINDS[code] = code >= 65 && code <= 90 ? 1 | CAPITAL : 1;
}
/** Marks a word with a character outside ASCII, which only `foldAccentedWord` folds right. */
const OTHER_SCRIPT = 4;

const MAX_WORD_LENGTH = MESSAGE_LIMITS.maxWordLength;

function addWord(text: string, start: number, end: number, traits: number, folded: string[], skipped: number[]) {
  if (end - start > MAX_WORD_LENGTH) {
    skipped.push(folded.length);
    return;
  }
  const word = text.slice(start, end);
  const key = traits & OTHER_SCRIPT ? foldAccentedWord(word) : traits & CAPITAL ? word.toLowerCase() : word;
  folded.push(key);
}

/**
 * Appends the folded words of `text` to `folded`, in order. A word too long to index is left out,
 * and the index in `folded` of the word after it appended to `skipped`, so positions can be told.
 */
export function addMessageWords(text: string, folded: string[], skipped: number[]): void {
  const length = text.length;
  let start = -1;
  let traits = 0;
  let index = 0;
  while (index < length) {
    // Runs of ASCII word characters, most of any text, take this tight loop.
    let code = text.charCodeAt(index);
    while (code < 128) {
      const kind = ASCII_KINDS[code]!;
      if (kind !== 0) {
        if (start === -1) {
          start = index;
          traits = 0;
        }
        traits |= kind;
      } else if (start !== -1) {
        addWord(text, start, index, traits, folded, skipped);
        start = -1;
      }
      if (++index === length) break;
      code = text.charCodeAt(index);
    }
    if (index === length) break;
    const found = classAt(text, index);
    const kind = found & 3;
    if (kind === WORD) {
      if (start === -1) {
        start = index;
        traits = 0;
      }
      traits |= OTHER_SCRIPT;
    } else {
      if (start !== -1) {
        addWord(text, start, index, traits, folded, skipped);
        start = -1;
      }
      if (kind === IDEOGRAPH) {
        addWord(text, index, index + (found & PAIR ? 2 : 1), OTHER_SCRIPT, folded, skipped);
      }
    }
    index += found & PAIR ? 2 : 1;
  }
  if (start !== -1) {
    addWord(text, start, length, traits, folded, skipped);
  }
}
