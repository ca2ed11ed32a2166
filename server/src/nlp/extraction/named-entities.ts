// A light named-entity heuristic for social text: runs of capitalised words, typed by cues —
// organisation suffixes (Inc, GmbH, Bank, Airlines…) and acronyms, person titles (Mr, Dr…) and
// given names, product shapes (iPhone, PS5, "Model 3", "Galaxy S24"). Runs without a cue are
// left out: a wrong type is worse than no entity.
// Words are kept as positions and shape flags in reused typed arrays, read once character by
// character; strings are made only for the few words that a cue list must be asked about.

import { CHAR_CLASS, isDigit, LETTER, LOWER, LOWER_CASE, NUMBER, UPPER, WORD_LETTER } from '../text/char-tables.js';
import { lowerCaseRangeHash, type WordSet } from '../text/word-set.js';
import { GIVEN_NAMES, NOT_NAMES, ORGANISATION_SUFFIXES, PERSON_TITLES } from './entity-cues.js';

// Local aliases: a loader that turns imports into property reads would pay a lookup per character.
const wordLetter = WORD_LETTER;
const lowerCase = LOWER_CASE;
const charClass = CHAR_CLASS;

export interface NamedEntity {
  readonly text: string;
  readonly type: 'person' | 'organisation' | 'product';
}

/** Words read at most, which bounds the work; the tokens made of them are as many or fewer. */
const MAX_WORDS = 600;

/** Has a capital or a digit: only such words can be part of a name. */
const MARKED = 1;
/** Opens a sentence, so its capital says nothing. */
const SENTENCE_START = 2;
/** Starts with a capital ("Paris"). */
const UPPER_START = 4;
/** "iPhone", "PlayStation". */
const CAMEL_CASE = 8;
/** Capitals and digits, maybe hyphens ("PS5", "S24", "RTX-4090"). */
const LETTERS_AND_DIGITS = 16;
/** Two to five capitals ("BBC"). */
const ACRONYM = 32;
/** One to four digits ("3" of "Model 3"). */
const NUMBER_WORD = 64;
const NAME_LIKE = UPPER_START | CAMEL_CASE | LETTERS_AND_DIGITS;
const PRODUCT_SHAPE = CAMEL_CASE | LETTERS_AND_DIGITS;

// Scratch token arrays: extraction is synchronous, so no two calls overlap.
const tokenStart = new Int32Array(MAX_WORDS);
const tokenEnd = new Int32Array(MAX_WORDS);
const tokenFlags = new Uint8Array(MAX_WORDS);
/** A token's lower-cased hash, made on first use: a capitalised word is looked up in several cue lists. */
const tokenHash = new Uint32Array(MAX_WORDS);
const tokenHashed = new Uint8Array(MAX_WORDS);

/** What the tokeniser asks of a character, in one read of CODE_KIND. */
const WORD_CODE = 1;
/** A digit, or a letter with a lower case of its own (a capital): makes its word MARKED. */
const MARKING = 2;
/** Inside a word: "AT&T", "O'Neil", "Coca-Cola". */
const JOINER = 4;
/** Between words, ends a sentence: ! ? : ; newline and "…". */
const STOP = 8;
/** Between words, ends a sentence unless it ends a title ("Dr.", "Mr."). */
const DOT = 16;

const CODE_KIND = (() => {
  const kinds = new Uint8Array(wordLetter.length);
  for (let code = 0; code < kinds.length; code++) {
    const digit = isDigit(code);
    if (wordLetter[code] === 1 || digit) kinds[code] = WORD_CODE | (digit || lowerCase[code] !== code ? MARKING : 0);
  }
  for (const joiner of [0x26, 0x27, 0x2019, 0x2d]) kinds[joiner]! |= JOINER;
  for (const stop of [0x21, 0x3f, 0x3a, 0x3b, 0x0a, 0x2026]) kinds[stop]! |= STOP;
  kinds[0x2e]! |= DOT;
  return kinds;
})();

/** Lower-case letters then a capital, after at most one leading capital, then only letters and digits. */
function isCamelCase(text: string, start: number, end: number): boolean {
  let i = (charClass[text.charCodeAt(start)]! & UPPER) !== 0 ? start + 1 : start;
  const lowerFrom = i;
  while (i < end && (charClass[text.charCodeAt(i)]! & LOWER) !== 0) i++;
  if (i === lowerFrom || i === end || (charClass[text.charCodeAt(i)]! & UPPER) === 0) return false;
  for (i++; i < end; i++) if ((charClass[text.charCodeAt(i)]! & (LETTER | NUMBER)) === 0) return false;
  return true;
}

/** The shape flags of the marked word `text[start, end)`. */
function shapeOf(text: string, start: number, end: number): number {
  const length = end - start;
  let capitals = 0;
  let numbers = 0;
  let lettersNumbersHyphens = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const flags = charClass[code]!;
    if ((flags & UPPER) !== 0) capitals++;
    if ((flags & NUMBER) !== 0) numbers++;
    if ((flags & (LETTER | NUMBER)) === 0 && code !== 0x2d) lettersNumbersHyphens = false;
  }
  let shape = (charClass[text.charCodeAt(start)]! & UPPER) !== 0 ? UPPER_START : 0;
  if (capitals === length && length >= 2 && length <= 5) shape |= ACRONYM;
  if (numbers === length && length <= 4) shape |= NUMBER_WORD;
  if (lettersNumbersHyphens && length >= 2 && capitals > 0 && numbers > 0) shape |= LETTERS_AND_DIGITS;
  if (isCamelCase(text, start, end)) shape |= CAMEL_CASE;
  return shape;
}

/** Whether token `token`, lower-cased, is in `cues` (a string is made for no word). */
function isIn(cues: WordSet, text: string, token: number): boolean {
  const start = tokenStart[token]!;
  const end = tokenEnd[token]!;
  if (tokenHashed[token] === 0) {
    tokenHash[token] = lowerCaseRangeHash(text, start, end);
    tokenHashed[token] = 1;
  }
  return cues.hasLowerCasedRange(text, start, end, tokenHash[token]!);
}

function isTitle(text: string, token: number): boolean {
  return (tokenFlags[token]! & MARKED) !== 0 && isIn(PERSON_TITLES, text, token);
}

/**
 * Fills the token arrays with the words of `text` and returns how many tokens there are. The
 * characters between two words are read once, to skip them and to see whether they end a sentence.
 * A word without a capital or a digit can only end a name, so consecutive ones are kept as one
 * token with no flags: most words are such, and names are looked for among the others.
 */
function tokenise(text: string): number {
  let count = 0;
  let words = 0;
  let i = 0;
  const length = text.length;
  const kinds = CODE_KIND;
  let between = 0;
  while (i < length && words < MAX_WORDS) {
    const skipped = kinds[text.charCodeAt(i)]!;
    if ((skipped & WORD_CODE) === 0) {
      between |= skipped;
      i++;
      continue;
    }
    const start = i;
    let marks = 0;
    while (i < length) {
      const kind = kinds[text.charCodeAt(i)]!;
      if ((kind & WORD_CODE) !== 0) marks |= kind;
      else if ((kind & JOINER) === 0 || i + 1 === length || (kinds[text.charCodeAt(i + 1)]! & WORD_CODE) === 0) break;
      i++;
    }
    words++;
    if ((marks & MARKING) === 0) {
      if (count === 0 || tokenFlags[count - 1] !== 0) {
        tokenStart[count] = start;
        tokenFlags[count] = 0;
        tokenHashed[count] = 0;
        count++;
      }
      tokenEnd[count - 1] = i;
      between = 0;
      continue;
    }
    const sentenceStart = count === 0 || (between & STOP) !== 0 || ((between & DOT) !== 0 && !isTitle(text, count - 1));
    tokenStart[count] = start;
    tokenEnd[count] = i;
    tokenFlags[count] = MARKED | shapeOf(text, start, i) | (sentenceStart ? SENTENCE_START : 0);
    tokenHashed[count] = 0;
    count++;
    between = 0;
  }
  return count;
}

/** Token `token` follows the one before it in a name: one space apart, or "St. Pauli". */
function joinsPrevious(text: string, token: number): boolean {
  if ((tokenFlags[token]! & SENTENCE_START) !== 0) return false;
  const start = tokenStart[token]!;
  const previousEnd = tokenEnd[token - 1]!;
  const gap = start - previousEnd;
  return (gap === 1 || (gap === 2 && text.charCodeAt(previousEnd) === 0x2e)) && text.charCodeAt(start - 1) === 0x20;
}

/** The type of the name made of tokens [from, to), or undefined when no cue says. */
function typeOf(text: string, from: number, to: number): NamedEntity['type'] | undefined {
  const words = to - from;
  const last = to - 1;
  for (let token = from; token < to; token++) if ((tokenFlags[token]! & PRODUCT_SHAPE) !== 0) return 'product';
  if (words >= 2 && (tokenFlags[last]! & NUMBER_WORD) !== 0) return 'product';
  if (words >= 2 && isIn(ORGANISATION_SUFFIXES, text, last)) return 'organisation';
  if (from > 0 && isTitle(text, from - 1)) return 'person';
  if ((words === 2 || words === 3) && isIn(GIVEN_NAMES, text, from)) return 'person';
  if (words === 1 && (tokenFlags[from]! & ACRONYM) !== 0) return 'organisation';
  return undefined;
}

/** The entity named by the run of tokens [from, to), if its cues say what it is. */
function entityOf(text: string, runFrom: number, to: number): NamedEntity | undefined {
  // A run opened by a plain capitalised word ("The", "Monday") starts after it.
  let from = isIn(NOT_NAMES, text, runFrom) ? runFrom + 1 : runFrom;
  // "Mr Johnson", "Dr. Smith": the title marks a person and is not part of the name.
  const titled = to - from > 1 && isIn(PERSON_TITLES, text, from);
  if (titled) from++;
  if (from === to) return undefined;
  if (to - from === 1) {
    if (isIn(NOT_NAMES, text, from) || isIn(PERSON_TITLES, text, from)) return undefined;
    const flags = tokenFlags[from]!;
    if (!titled && (flags & SENTENCE_START) !== 0 && (flags & (PRODUCT_SHAPE | ACRONYM)) === 0) return undefined;
  }
  const type = titled ? 'person' : typeOf(text, from, to);
  return type === undefined ? undefined : { text: text.slice(tokenStart[from], tokenEnd[to - 1]), type };
}

/** Names listed so far, lower-cased; made with the first entity, since most messages name none. */
let seen: Set<string> | undefined;

/** Adds the entity of tokens [from, to), unless it has none or the same name (in any case) is listed. */
function addEntity(entities: NamedEntity[], text: string, from: number, to: number): void {
  const entity = entityOf(text, from, to);
  if (entity === undefined) return;
  const key = entity.text.toLowerCase();
  seen ??= new Set<string>();
  if (seen.has(key)) return;
  seen.add(key);
  entities.push(entity);
}

export function findNamedEntities(text: string): NamedEntity[] {
  const count = tokenise(text);
  const entities: NamedEntity[] = [];
  seen = undefined;
  // Runs of consecutive name-like tokens, a number allowed after a name ("Model 3").
  let runFrom = -1;
  for (let token = 0; token < count; token++) {
    const flags = tokenFlags[token]!;
    const joined = runFrom >= 0 && joinsPrevious(text, token);
    const nameLike = (flags & MARKED) !== 0 && (flags & NAME_LIKE) !== 0;
    if (!nameLike && !(joined && (flags & NUMBER_WORD) !== 0)) {
      if (runFrom >= 0) addEntity(entities, text, runFrom, token);
      runFrom = -1;
    } else if (runFrom < 0 || !joined) {
      if (runFrom >= 0) addEntity(entities, text, runFrom, token);
      runFrom = token;
    }
  }
  if (runFrom >= 0) addEntity(entities, text, runFrom, count);
  return entities;
}
