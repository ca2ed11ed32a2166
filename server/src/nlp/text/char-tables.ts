// Per-code-point lookup tables for the Basic Multilingual Plane, built once at load, so the hot
// loops of language, intent and extraction classify and lower-case a character with one array read
// instead of a Unicode regex or a string allocation per character.

const PLANE_SIZE = 0x10000;

/** 1 where the code point is a letter or a combining mark (part of a word), 0 elsewhere. */
export const WORD_LETTER = new Uint8Array(PLANE_SIZE);
/** The lower-case form of each code point (itself when it has no single-unit lower case). */
export const LOWER_CASE = new Uint16Array(PLANE_SIZE);

const letterOrMark = /[\p{L}\p{M}]/u;
for (let code = 0; code < PLANE_SIZE; code++) {
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  const char = String.fromCharCode(code);
  WORD_LETTER[code] = !isSurrogate && letterOrMark.test(char) ? 1 : 0;
  const lower = isSurrogate ? char : char.toLowerCase();
  LOWER_CASE[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Digits join words ("iphone15", "4g") but never start a language profile. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
