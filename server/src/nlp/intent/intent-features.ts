// Turns a message into the hashed features the intent model counts: lower-cased words, pairs of
// adjacent words ("how do", "where buy", "would love"), and a few cues that words alone miss —
// a question mark, a link, a price, a pile of hashtags. Hashing avoids building strings, which
// keeps classification in the microseconds.

import { isDigit, LOWER_CASE, WORD_LETTER } from '../text/char-tables.js';

/** Characters read per message: intent shows early, and the cap bounds the work. */
export const MAX_INTENT_CHARS = 1000;
/** Features written per message at most (words, word pairs and cues). */
export const MAX_FEATURES = 400;

const lowerCase = LOWER_CASE;
const wordLetter = WORD_LETTER;
const digit = isDigit;

const FNV_START = 0x811c9dc5;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** Cue features, hashed apart from any word by their distinct seeds. */
const CUE_QUESTION = 0x51_0001;
const CUE_LINK = 0x51_0002;
const CUE_EXCLAMATION = 0x51_0003;
const CUE_PRICE = 0x51_0004;
const CUE_HASHTAGS = 0x51_0005;
const CUE_NUMBER = 0x51_0006;
const CUE_QUESTION_AT_END = 0x51_0007;
const CUE_FIRST_PERSON = 0x51_0008;
const CUE_SECOND_PERSON = 0x51_0009;
const CUE_ADDRESSED = 0x51_000a;
/** No question mark at all: a question without one is rare, so its absence counts too. */
const CUE_NO_QUESTION = 0x51_000b;
/** Paired with the first word of each sentence: "how …", "is …", "please …" say more there than mid-sentence. */
const SENTENCE_START = 0x51_00ff;

function mix(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function pairHash(first: number, second: number): number {
  return mix(Math.imul(first, 0x9e3779b1) ^ second ^ 0x5bd1e995);
}

/** The hash a word gets in the scan below (lower-cased, apostrophes left out). */
function wordHash(word: string): number {
  let hash = FNV_START;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== APOSTROPHE) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return mix(hash);
}

// The writer speaking of themselves ("my order", "we waited") is what separates a complaint from news,
// and a message to "you" from one about the world.
const [I, ME, MY, IM, IVE, WE, US, OUR] = ['i', 'me', 'my', "i'm", "i've", 'we', 'us', 'our'].map(wordHash);
const [YOU, YOUR, YOURE] = ['you', 'your', "you're"].map(wordHash);

function isFirstPerson(hash: number): boolean {
  return hash === I || hash === ME || hash === MY || hash === IM || hash === IVE || hash === WE || hash === US || hash === OUR;
}

function isSecondPerson(hash: number): boolean {
  return hash === YOU || hash === YOUR || hash === YOURE;
}

function isCurrency(code: number): boolean {
  return code === 0x24 || code === 0x20ac || code === 0xa3 || code === 0xa5 || code === 0x20b9;
}

/**
 * Writes the feature hashes of `text` into `out` and returns how many were written.
 * The same text always gives the same hashes, so counts learned today still apply tomorrow.
 */
export function intentFeatures(text: string, out: Uint32Array): number {
  const end = Math.min(text.length, MAX_INTENT_CHARS);
  // Room is kept for the last word, its pairs and the ten cues, so no write ever falls off the end.
  const capacity = Math.min(out.length, MAX_FEATURES) - 13;
  let count = 0;
  let word = FNV_START;
  let wordLength = 0;
  let previousWord = 0;
  let hashtags = 0;
  let question = false;
  let link = false;
  let exclamation = false;
  let price = false;
  let number = false;
  let firstPerson = false;
  let secondPerson = false;
  let questionAtEnd = false;
  const addressed = text.charCodeAt(0) === 0x40;
  for (let i = 0; i <= end && count < capacity; i++) {
    const code = i < end ? text.charCodeAt(i) : 0x20;
    // Letters first: they are most of the text, and need no other test.
    if (wordLetter[code] === 1) {
      word = Math.imul(word ^ lowerCase[code]!, 0x01000193);
      wordLength++;
      continue;
    }
    if (digit(code)) {
      word = Math.imul(word ^ code, 0x01000193);
      wordLength++;
      number = true;
      continue;
    }
    // An apostrophe inside a word ("don't") is left out of its hash but does not end it.
    if ((code === APOSTROPHE || code === RIGHT_QUOTE) && wordLength > 0) continue;
    if (wordLength > 0) {
      const hash = mix(word);
      out[count++] = hash;
      out[count++] = pairHash(previousWord === 0 ? SENTENCE_START : previousWord, hash);
      questionAtEnd = false;
      if (isFirstPerson(hash)) firstPerson = true;
      else if (isSecondPerson(hash)) secondPerson = true;
      previousWord = hash;
      word = FNV_START;
      wordLength = 0;
    }
    // A space, the most common character between words, is none of the cues below.
    if (code === 0x20) continue;
    if (code === 0x3f || code === 0xbf || code === 0xff1f || code === 0x61f) {
      question = true;
      questionAtEnd = code !== 0xbf;
    } else if (code === 0x21) exclamation = true;
    else if (code === 0x23) hashtags++;
    else if (isCurrency(code)) price = true;
    else if (code === 0x3a && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f) {
      link = true;
      previousWord = 0;
      while (i + 1 < end && text.charCodeAt(i + 1) > 0x20) i++;
    } else if (code === 0x2e || code === 0x0a) {
      // A sentence break: the next word does not pair with this one.
      previousWord = 0;
    }
  }
  // Punctuation without a word ("!!!???") says nothing about intent.
  if (count === 0) return 0;
  out[count++] = mix(question ? CUE_QUESTION : CUE_NO_QUESTION);
  if (link) out[count++] = mix(CUE_LINK);
  if (exclamation) out[count++] = mix(CUE_EXCLAMATION);
  if (price) out[count++] = mix(CUE_PRICE);
  if (hashtags >= 3) out[count++] = mix(CUE_HASHTAGS);
  if (number) out[count++] = mix(CUE_NUMBER);
  if (questionAtEnd) out[count++] = mix(CUE_QUESTION_AT_END);
  if (firstPerson) out[count++] = mix(CUE_FIRST_PERSON);
  if (secondPerson) out[count++] = mix(CUE_SECOND_PERSON);
  if (addressed) out[count++] = mix(CUE_ADDRESSED);
  return count;
}
