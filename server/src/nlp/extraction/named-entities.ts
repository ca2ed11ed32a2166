// A light named-entity heuristic for social text: runs of capitalised words, typed by cues —
// organisation suffixes (Inc, GmbH, Bank, Airlines…) and acronyms, person titles (Mr, Dr…) and
// given names, product shapes (iPhone, PS5, "Model 3", "Galaxy S24"). Runs without a cue are
// left out: a wrong type is worse than no entity.

import { isDigit, LOWER_CASE, WORD_LETTER } from '../text/char-tables.js';
import { GIVEN_NAMES, NOT_NAMES, ORGANISATION_SUFFIXES, PERSON_TITLES } from './entity-cues.js';

// Local aliases: a loader that turns imports into property reads would pay a lookup per character.
const wordLetter = WORD_LETTER;
const lowerCase = LOWER_CASE;

export interface NamedEntity {
  readonly text: string;
  readonly type: 'person' | 'organisation' | 'product';
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The token opens a sentence, so its capital says nothing. */
  readonly sentenceStart: boolean;
}

const UPPER_START = /^\p{Lu}/u;
const CAMEL_CASE = /^\p{Ll}+\p{Lu}[\p{L}\p{N}]*$|^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*$/u;
const LETTERS_AND_DIGITS = /^(?=.*\p{Lu})(?=.*\p{N})[\p{L}\p{N}-]{2,}$/u;
const ACRONYM = /^\p{Lu}{2,5}$/u;
const NUMBER = /^\p{N}{1,4}$/u;
const MAX_TOKENS = 600;

/** Whether the characters between two tokens end a sentence ("Dr." and "Mr." do not). */
function endsSentence(text: string, from: number, to: number, previous: string): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // . ! ? : ; newline and …
    if (code === 0x21 || code === 0x3f || code === 0x3a || code === 0x3b || code === 0x0a || code === 0x2026) return true;
    if (code === 0x2e && !PERSON_TITLES.has(previous.toLowerCase())) return true;
  }
  return false;
}

function isWordCode(code: number): boolean {
  return wordLetter[code] === 1 || isDigit(code);
}

/** Inside a word: "AT&T", "O'Neil", "Coca-Cola". */
function isJoiner(code: number): boolean {
  return code === 0x26 || code === 0x27 || code === 0x2019 || code === 0x2d;
}

/**
 * Words of the text with where they start and end. Only words with a capital or a digit can be
 * part of a name, so only those are cut out of the text as strings; the others keep an empty text.
 */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous = '';
  let i = 0;
  while (i < text.length && tokens.length < MAX_TOKENS) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let marked = false;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (isWordCode(code)) {
        if (isDigit(code) || lowerCase[code] !== code) marked = true;
      } else if (!(isJoiner(code) && isWordCode(text.charCodeAt(i + 1)))) {
        break;
      }
      i++;
    }
    const sentenceStart = tokens.length === 0 || endsSentence(text, previousEnd, start, previous);
    const word = marked ? text.slice(start, i) : '';
    tokens.push({ text: word, start, end: i, sentenceStart });
    previousEnd = i;
    previous = word;
  }
  return tokens;
}

function isNameLike(token: Token): boolean {
  return token.text !== '' && (UPPER_START.test(token.text) || CAMEL_CASE.test(token.text) || LETTERS_AND_DIGITS.test(token.text));
}

function isProductShape(word: string): boolean {
  return CAMEL_CASE.test(word) || LETTERS_AND_DIGITS.test(word);
}

/** Consecutive name-like tokens separated by one space, a sentence opener dropped unless it is a cue. */
function runsOf(text: string, tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of tokens) {
    const previousEnd = run[run.length - 1]?.end ?? -1;
    const gap = token.start - previousEnd;
    const joined =
      run.length > 0 &&
      !token.sentenceStart &&
      (gap === 1 || (gap === 2 && text.charCodeAt(previousEnd) === 0x2e)) &&
      text.charCodeAt(token.start - 1) === 0x20;
    const numberAfterName = run.length > 0 && joined && NUMBER.test(token.text);
    if (!isNameLike(token) && !numberAfterName) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    if (!joined && run.length > 0) {
      runs.push(run);
      run = [];
    }
    run.push(token);
  }
  if (run.length > 0) runs.push(run);
  return runs.map((tokensOfRun) => {
    const [first, ...rest] = tokensOfRun;
    const openerIsPlainWord = first !== undefined && NOT_NAMES.has(first.text.toLowerCase());
    return openerIsPlainWord ? rest : tokensOfRun;
  });
}

function typeOf(run: readonly Token[], before: Token | undefined): NamedEntity['type'] | undefined {
  const words = run.map((token) => token.text);
  const lower = words.map((word) => word.toLowerCase().replace(/\.$/u, ''));
  const last = lower[lower.length - 1] ?? '';
  if (words.some(isProductShape) || (words.length >= 2 && NUMBER.test(words[words.length - 1] ?? ''))) return 'product';
  if (words.length >= 2 && ORGANISATION_SUFFIXES.has(last)) return 'organisation';
  if (before !== undefined && PERSON_TITLES.has(before.text.toLowerCase())) return 'person';
  if (GIVEN_NAMES.has(lower[0] ?? '') && (words.length === 2 || words.length === 3)) return 'person';
  if (words.length === 1 && ACRONYM.test(words[0] ?? '')) return 'organisation';
  return undefined;
}

export function findNamedEntities(text: string): NamedEntity[] {
  const tokens = tokensOf(text);
  const entities: NamedEntity[] = [];
  const seen = new Set<string>();
  for (const found of runsOf(text, tokens)) {
    // "Mr Johnson", "Dr. Smith": the title marks a person and is not part of the name.
    const titled = found.length > 1 && PERSON_TITLES.has(found[0]!.text.toLowerCase());
    const run = titled ? found.slice(1) : found;
    const first = run[0];
    if (first === undefined) continue;
    const single = run.length === 1 ? first.text.toLowerCase() : '';
    if (NOT_NAMES.has(single) || PERSON_TITLES.has(single)) continue;
    if (!titled && first.sentenceStart && run.length === 1 && !isProductShape(first.text) && !ACRONYM.test(first.text)) continue;
    const type = titled ? 'person' : typeOf(run, tokens[tokens.indexOf(first) - 1]);
    if (type === undefined) continue;
    const name = text.slice(first.start, run[run.length - 1]!.end);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    entities.push({ text: name, type });
  }
  return entities;
}
