/**
 * What the scorer knows about each word, emoticon and emoji, worked out once at module load: the
 * lexicon valence (listed also under its regular inflections, "disappointments" like
 * "disappointment"), and the word's part as a modifier (intensifier, negator, contrast, …).
 */
import { emojiValences } from './emoji-lexicon.js';
import {
  boosts,
  comparingWords,
  concessionWords,
  contrastWords,
  excessWords,
  isNegator,
  joinedPhrases,
  negatorWords,
  NOT_ONLY,
} from './modifiers.js';
import { askerWords, auxiliaryWords, courtesyWords, requestWords, signOffJoins } from './politeness.js';
import {
  expectedOutcomes,
  pronouns,
  serviceActs,
  serviceJoins,
  serviceNameAfter,
  serviceNameBefore,
  serviceNames,
} from './service-words.js';
import { WordTable } from './word-table.js';
import { wordValences } from './word-lexicon.js';

export interface WordInfo {
  /** Lower-cased word, emoticon as written, emoji, or joined phrase ("kind_of"); empty for an unknown word. */
  text: string;
  /** Lexicon valence (-4..+4); 0 when the word carries none or is an intensifier, which only modifies. */
  valence: number;
  isEmoji: boolean;
  /** Signed strength of an intensifier (+) or diminisher (−); 0 otherwise. */
  boost: number;
  negator: boolean;
  /** "too", "overly": turns a following virtue into a fault. */
  excess: boolean;
  contrast: boolean;
  /** "although": opening a message, makes its first clause a concession. */
  concession: boolean;
  notOnly: boolean;
  /** The word "like", whose meaning depends on the word before it. */
  like: boolean;
  /** A word after which "like" compares ("feels like"). */
  comparing: boolean;
  /** A negative "-ly" adverb, which may only say "very" ("terribly charismatic"). */
  negativeAdverb: boolean;
  /** Starts a two-word phrase that the tokeniser joins ("kind" of "kind of"). */
  startsPhrase: boolean;
  /** "support", "help", "care": may name the service rather than praise (see `serviceNames`). */
  serviceName: boolean;
  /** A word before which (`namesServiceAfter`) or after which (`namesServiceBefore`) such a word names the service. */
  namesServiceAfter: boolean;
  namesServiceBefore: boolean;
  /** "answer", "reply", "arrived": counts only negated (see `serviceActs`, `expectedOutcomes`). */
  serviceAct: boolean;
  /** "thanks", "dear": counts only in a message that says nothing negative (see `courtesyWords`). */
  courtesy: boolean;
  /** "please": a request, counting nothing, unless it is the verb (see `requestWords`). */
  request: boolean;
  /** "to", "will", "should": before the verb "please". */
  auxiliary: boolean;
  /** "you", "we": between an auxiliary and "please", they ask ("could you please"). */
  asker: boolean;
}

type Joins = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Joins that start with the same word ("kind" of "kind of" and "kind regards") merged into one entry. */
function mergedJoins(...lists: Joins[]): Joins {
  const merged = new Map<string, Map<string, string>>();
  for (const [first, seconds] of lists.flatMap((list) => [...list])) {
    merged.set(first, new Map([...(merged.get(first) ?? []), ...seconds]));
  }
  return merged;
}

/** Two-word phrases joined into one word: the modifiers' ("kind of"), the service's ("on hold") and the sign-offs ("kind regards"). */
const phrases = mergedJoins(joinedPhrases, serviceJoins, signOffJoins);

function describe(text: string, lexiconValence: number | undefined): WordInfo {
  const boost = boosts.get(text) ?? 0;
  const valence = boost === 0 ? (lexiconValence ?? 0) : 0;
  return {
    text,
    valence,
    isEmoji: false,
    boost,
    negator: isNegator(text),
    excess: excessWords.has(text),
    contrast: contrastWords.has(text),
    concession: concessionWords.has(text),
    notOnly: text === NOT_ONLY,
    like: text === 'like',
    comparing: comparingWords.has(text),
    negativeAdverb: text.length >= 5 && text.endsWith('ly') && valence < 0,
    startsPhrase: phrases.has(text),
    serviceName: serviceNames.has(text),
    namesServiceAfter: serviceNameBefore.has(text),
    namesServiceBefore: serviceNameAfter.has(text),
    serviceAct: serviceActs.has(text) || expectedOutcomes.has(text),
    courtesy: courtesyWords.has(text),
    request: requestWords.has(text),
    auxiliary: auxiliaryWords.has(text),
    asker: askerWords.has(text),
  };
}

export const UNKNOWN_WORD: WordInfo = describe('', undefined);

/** Regular English inflections of a lexicon word, listed under the word's valence when the lexicon lacks them. */
function inflections(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const forms = [`${word}s`, `${word}es`, `${word}'s`];
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`);
  return forms.filter((form) => form.length >= 5);
}

function buildVocabulary(): Map<string, WordInfo> {
  const vocabulary = new Map<string, WordInfo>();
  for (const [word, valence] of wordValences) {
    for (const form of inflections(word)) {
      if (!wordValences.has(form) && !vocabulary.has(form)) vocabulary.set(form, describe(form, valence));
    }
  }
  for (const [word, valence] of wordValences) vocabulary.set(word, describe(word, valence));
  const modifierWords = [
    ...boosts.keys(),
    ...comparingWords,
    ...contrastWords,
    ...concessionWords,
    ...excessWords,
    ...negatorWords,
    ...phrases.keys(),
    ...[...phrases.values()].flatMap((seconds) => [...seconds.keys(), ...seconds.values()]),
    ...serviceNameBefore,
    ...serviceNameAfter,
    ...serviceActs,
    ...expectedOutcomes,
    // Known words, so that written with a capital they are not taken for a name (see `NAME`).
    ...pronouns,
    ...auxiliaryWords,
    ...askerWords,
    'like',
  ];
  for (const word of modifierWords) if (!vocabulary.has(word)) vocabulary.set(word, describe(word, undefined));
  return vocabulary;
}

const vocabulary = buildVocabulary();
const table = new WordTable(vocabulary);

/** Looks up `text[start, end)`, a word stripped of outer punctuation, ignoring ASCII case. */
export function findWord(text: string, start: number, end: number): WordInfo | undefined {
  return table.find(text, start, end, true);
}

/** `findWord` for a word whose `foldedHashStep` hash was made while the tokeniser read it. */
export function findHashedWord(text: string, start: number, end: number, hash: number): WordInfo | undefined {
  return table.findFolded(text, start, end, hash);
}

/**
 * ASCII punctuation that marks a chunk as a possible emoticon (":", "(", "<", …): only such chunks
 * are looked up as written. Sentence punctuation (. , ! ? ' " -) is left out: the emoticons made
 * only of it and of letters ("o.o", "8-d") are found as words anyway.
 */
export const emoticonMarks: Uint8Array = (() => {
  const marks = new Uint8Array(128);
  const sentencePunctuation = new Set(['.', ',', '!', '?', "'", '"', '-']);
  for (const key of wordValences.keys()) {
    for (const character of key) {
      const code = character.charCodeAt(0);
      const alphanumeric = /[a-z0-9 ]/i.test(character);
      if (code < 128 && !alphanumeric && !sentencePunctuation.has(character)) marks[code] = 1;
    }
  }
  return marks;
})();

/** Looks up `text[start, end)` as written, for emoticons (":-(", ":D", "<3"). */
export function findEmoticon(text: string, start: number, end: number): WordInfo | undefined {
  return table.find(text, start, end, false);
}

/** Stands for the negating contractions that no list can hold in full ("mustn't", "y'all'dn't"). */
export const CONTRACTED_NEGATOR: WordInfo = { ...UNKNOWN_WORD, text: "n't", negator: true };

/** Shortens every run of three or more equal letters to `keep` letters ("soooo" → "soo" or "so"). */
function shortenRuns(word: string, keep: 1 | 2): string {
  let shortened = '';
  let runStart = 0;
  for (let index = 1; index <= word.length; index++) {
    if (index < word.length && word[index] === word[runStart]) continue;
    const runLength = index - runStart;
    shortened += word.slice(runStart, runStart + (runLength >= 3 ? keep : runLength));
    runStart = index;
  }
  return shortened;
}

/** The word a stretched spelling stands for ("goooood" → good, "soooo" → so), if it is known. */
export function unstretchedWord(lowerCased: string): WordInfo | undefined {
  return vocabulary.get(shortenRuns(lowerCased, 2)) ?? vocabulary.get(shortenRuns(lowerCased, 1));
}

/** Bounds the emoji memo on junk input (endless distinct code points). */
const EMOJI_MEMO_LIMIT = 10_000;
/** Keyed by code point, so that an emoji seen before costs no string. */
const emojiMemo = new Map<number, WordInfo>();

/** One emoji's base code point, without variation selector or skin tone. */
export function emojiWord(codePoint: number): WordInfo {
  const known = emojiMemo.get(codePoint);
  if (known) return known;
  const emoji = String.fromCodePoint(codePoint);
  const info: WordInfo = { ...UNKNOWN_WORD, text: emoji, valence: emojiValences.get(emoji) ?? 0, isEmoji: true };
  if (emojiMemo.size >= EMOJI_MEMO_LIMIT) emojiMemo.clear();
  emojiMemo.set(codePoint, info);
  return info;
}

/** The joined phrase that two words make, if they make one ("kind", "of" → kind_of). */
export function phraseWord(first: WordInfo, second: WordInfo): WordInfo | undefined {
  if (!first.startsPhrase) return undefined;
  const phrase = phrases.get(first.text)?.get(second.text);
  return phrase === undefined ? undefined : vocabulary.get(phrase);
}
