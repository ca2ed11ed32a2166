// Per-code-point lookup tables for the Basic Multilingual Plane, built once at load, so the hot
// loops of language, intent and extraction classify and lower-case a character with one array read
// instead of a Unicode regex or a string allocation per character.

const PLANE_SIZE = 0x10000;

/** 1 where the code point is a letter or a combining mark (part of a word), 0 elsewhere. */
export const WORD_LETTER = new Uint8Array(PLANE_SIZE);
/** The lower-case form of each code point (itself when it has no single-unit lower case). */
export const LOWER_CASE = new Uint16Array(PLANE_SIZE);
/**
 * The Unicode general category of each code point, as the flags below: what the extraction's
 * word and name rules (`\p{L}`, `\p{Lu}`, `\p{N}`…) ask of a character, in one array read.
 */
export const CHAR_CLASS = new Uint8Array(PLANE_SIZE);

/** \p{L}: any letter. */
export const LETTER = 1;
/** \p{M}: a combining mark. */
export const MARK = 2;
/** \p{N}: any number (digits, but also "²", "½", "٣"). */
export const NUMBER = 4;
/** \p{Lu}: an upper-case letter (also LETTER). */
export const UPPER = 8;
/** \p{Ll}: a lower-case letter (also LETTER). */
export const LOWER = 16;

const letter = /\p{L}/u;
const mark = /\p{M}/u;
const number = /\p{N}/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;

/** The flags of one code point, from the regex engine's own Unicode tables. */
function classOf(char: string): number {
  if (letter.test(char)) return LETTER | (upper.test(char) ? UPPER : 0) | (lower.test(char) ? LOWER : 0);
  if (mark.test(char)) return MARK;
  return number.test(char) ? NUMBER : 0;
}

for (let code = 0; code < PLANE_SIZE; code++) {
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const char = String.fromCharCode(code);
  const flags = isSurrogate ? 0 : classOf(char);
  CHAR_CLASS[code] = flags;
  WORD_LETTER[code] = (flags & (LETTER | MARK)) !== 0 ? 1 : 0;
  const lowerCase = isSurrogate ? char : char.toLowerCase();
  LOWER_CASE[code] = lowerCase.length === 1 ? lowerCase.charCodeAt(0) : code;
}

/** Astral code points seen so far and their flags; capped, so hostile text cannot grow it without end. */
const astralClasses = new Map<number, number>();
const MAX_REMEMBERED_ASTRAL = 4096;

/** CHAR_CLASS for a code point beyond the BMP (emoji, historic scripts, math letters). */
export function astralClass(codePoint: number): number {
  const known = astralClasses.get(codePoint);
  if (known !== undefined) return known;
  const flags = classOf(String.fromCodePoint(codePoint));
  if (astralClasses.size < MAX_REMEMBERED_ASTRAL) astralClasses.set(codePoint, flags);
  return flags;
}

/** Digits join words ("iphone15", "4g") but never start a language profile. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
