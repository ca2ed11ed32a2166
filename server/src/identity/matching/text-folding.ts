/**
 * Folds free text to the form the comparators work on: NFKC, lower case, Cyrillic and Greek
 * transliterated, accents removed, a few Latin letters that do not decompose spelled out,
 * punctuation turned into single spaces.
 */
import { transliterate } from './transliteration.js';

const SPELLED_OUT: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', þ: 'th', œ: 'oe', ı: 'i' };
const NEEDS_SPELLING = /[ßæøłđþœı]/g;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** Only ASCII letters, digits and single spaces: nothing left to fold. */
const ALREADY_FOLDED = /^[a-z0-9]+( [a-z0-9]+)*$/;
/**
 * Printable ASCII ("Anna", "ana.berg"): NFKC, transliteration, accents and spelled-out letters change
 * none of it, so lower case and separators give the same result without a string per step.
 */
const PRINTABLE_ASCII = /^[ -~]*$/;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

export function foldText(text: string): string {
  if (ALREADY_FOLDED.test(text)) return text;
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  const lower = transliterate(text.normalize('NFKC').toLowerCase());
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(NEEDS_SPELLING, (char) => SPELLED_OUT[char] ?? char)
    .replace(SEPARATORS, ' ')
    .trim();
}
