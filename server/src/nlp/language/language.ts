// Language identification of a message: script detection first (which alone decides Korean,
// Japanese, Thai, Greek and the other single-language scripts), then trigram profiles trained on
// the UDHR for the scripts that many languages share (Latin, Cyrillic, Arabic, Devanagari).
// Pure and bounded: at most a fixed prefix of the text is read.

import { languageProfiles } from './language-profiles.data.js';
import {
  LetterReader,
  trigramHash as hashTrigram,
  WORD_HASH_START,
  wordHashFinish as finishWordHash,
  wordHashStep as stepWordHash,
} from './letter-stream.js';
import { countScripts as countScriptLetters, SCRIPTS, SINGLE_LANGUAGE_SCRIPTS } from './script.js';
import { buildTrigramTable, occupiedRank as rankOf } from './trigram-table.js';
import { assertExactSums, MAX_REMEMBERED_LETTERS, wordScores } from './word-scores.js';

export interface DetectedLanguage {
  /** ISO 639-1 code, or 'und' when the text is too short or has no letters of a known script. */
  readonly language: string;
  /** 0–1: how sure the detector is (share of the main script × margin over the runner-up). */
  readonly confidence: number;
}

export const UNDETERMINED: DetectedLanguage = { language: 'und', confidence: 0 };

/** Characters scanned for scripts; letters kept for n-gram scoring. Both bound the work. */
const MAX_SCANNED_CHARS = 2000;
const MAX_SCORED_LETTERS = 400;
/** Letters read ahead of the word being scored: about one lead check's worth, as scoring mostly stops early. */
const READ_AHEAD = 32;
/** Fewer letters than this say nothing reliable about a language ("ok", "lol"). */
const MIN_LETTERS = 3;
const MIN_LETTERS_FOR_PROFILES = 6;
/** Japanese writes much in Han characters; a little kana among them already means Japanese. */
const KANA_SHARE_FOR_JAPANESE = 0.05;
/** Nats of margin over the runner-up at which confidence reaches about 63%. */
const MARGIN_SCALE = 4;
/** A lead this large (in nats) cannot be overturned by a typical post's remaining text: stop early. */
const DECISIVE_MARGIN = 24;
const DECISION_CHECK_EVERY = 32;
const SPACE = 0x20;

/**
 * The languages most used on social networks get a prior (in nats): between close relatives
 * (Russian and Serbian, Swedish and Norwegian, Portuguese and Galician) a short post is far more
 * likely to be in the widely used one, and only clear evidence should say otherwise.
 */
const SOCIAL_LANGUAGES = new Set([
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'id',
  'ms',
  'sv',
  'tl',
  'ru',
  'uk',
  'ar',
  'fa',
  'ur',
  'hi',
]);
const SOCIAL_PRIOR = 3;

const table = buildTrigramTable(languageProfiles);
const priors = Float64Array.from(table.languages, (language) => (SOCIAL_LANGUAGES.has(language) ? SOCIAL_PRIOR : 0));
const languagesOfScript = new Map<number, number[]>();
languageProfiles.forEach((profile, index) => {
  const script = SCRIPTS.indexOf(profile.script);
  languagesOfScript.set(script, [...(languagesOfScript.get(script) ?? []), index]);
});
/**
 * A script's candidates as a range of languages, so that scoring reads no list of them: the profiles
 * list each script's languages together (checked here, since a gap would leave languages out).
 */
const firstCandidate = new Int32Array(SCRIPTS.length);
const candidateCount = new Int32Array(SCRIPTS.length);
for (const [script, candidates] of languagesOfScript) {
  if (candidates.some((language, k) => language !== candidates[0]! + k)) {
    throw new Error(`the language profiles of script ${SCRIPTS[script]} are not listed together`);
  }
  firstCandidate[script] = candidates[0]!;
  candidateCount[script] = candidates.length;
}

// Scratch buffers reused across calls: detection is synchronous, so no two calls overlap.
const scriptCounts = new Uint32Array(SCRIPTS.length);
const letters = new Uint16Array(MAX_SCORED_LETTERS + 2);
const reader = new LetterReader();
const scores = new Float64Array(table.languages.length);
const { occupied, entryStart, entryPair, pairLanguage, pairWeight } = table;
// A trigram ends at each letter, and a word feature at each space after the first.
assertExactSums(table, priors, 2 * letters.length);
const remembered = wordScores(table, languagesOfScript);
const { sums, width } = remembered;
let leader = -1;
const KANA = SCRIPTS.indexOf('kana');
const HAN = SCRIPTS.indexOf('han');

// Local aliases of the hot helpers: a loader that turns imports into property reads (tsx, bundlers)
// would otherwise pay a lookup per character.
const countScripts = countScriptLetters;
const trigramHash = hashTrigram;
const wordHashStep = stepWordHash;
const wordHashFinish = finishWordHash;
const occupiedRank = rankOf;

export function detectLanguage(text: string): DetectedLanguage {
  const counts = scriptCounts;
  const letterCount = countScripts(text, MAX_SCANNED_CHARS, counts);
  if (letterCount < MIN_LETTERS) return UNDETERMINED;
  let main = 0;
  for (let script = 1; script < counts.length; script++) if (counts[script]! > counts[main]!) main = script;
  const kana = counts[KANA]!;
  const han = counts[HAN]!;
  if (main === HAN && kana >= (kana + han) * KANA_SHARE_FOR_JAPANESE) main = KANA;
  const scriptShare = main === KANA ? (kana + han) / letterCount : counts[main]! / letterCount;
  const single = SINGLE_LANGUAGE_SCRIPTS[SCRIPTS[main]!];
  if (single !== undefined) return { language: single, confidence: round(scriptShare) };
  const candidates = candidateCount[main]!;
  if (candidates === 0 || counts[main]! < MIN_LETTERS_FOR_PROFILES) return UNDETERMINED;
  return scoreCandidates(text, main, firstCandidate[main]!, candidates, scriptShare);
}

/** Scores the languages first .. first + count - 1 of `script` on the letters of that script in `text`. */
function scoreCandidates(text: string, script: number, first: number, count: number, scriptShare: number): DetectedLanguage {
  reader.begin(text, script, letters, MAX_SCANNED_CHARS);
  let length = reader.readTo(READ_AHEAD);
  scores.set(priors);
  // The letters are a space, then words each followed by one space (the last may be cut off by the
  // letter cap). Features are added word by word: first the trigram that spans the space before the
  // word, then the word's own trigrams and the word itself. Every DECISION_CHECK_EVERY letters the
  // lead is checked as if features were added letter by letter, so a word with a check inside it
  // is added letter by letter. Letters are read as far as the scoring gets: every one before
  // `length` is final, and it ends with a space unless the reader is done.
  for (let start = 1; ;) {
    if (start >= length && (reader.done || start >= (length = reader.readTo(start + READ_AHEAD)))) break;
    let end = start;
    let word = WORD_HASH_START;
    for (; end < length && letters[end] !== SPACE; end++) word = wordHashStep(word, letters[end]!);
    if (start >= 2) {
      addFeature(trigramHash(letters[start - 2]!, SPACE, letters[start]!));
      if (isDecided(start, first, count)) break;
    }
    const whole = end < length;
    const checkInside = Math.floor((end - 1) / DECISION_CHECK_EVERY) > Math.floor(start / DECISION_CHECK_EVERY);
    if (whole && !checkInside && end - start <= MAX_REMEMBERED_LETTERS) {
      const row = remembered.slotOf(letters, start, end, wordHashFinish(word), script) * width;
      for (let k = 0; k < count; k++) scores[first + k]! += sums[row + k]!;
      if (isDecided(end, first, count)) break;
    } else if (addLetterByLetter(start, end, whole, wordHashFinish(word), first, count)) {
      break;
    }
    start = end + 1;
  }
  const margin = rankCandidates(first, count);
  if (leader === -1 || scores[leader]! <= priors[leader]!) return UNDETERMINED;
  return { language: table.languages[leader]!, confidence: round(scriptShare * (1 - Math.exp(-margin / MARGIN_SCALE))) };
}

/**
 * Adds, checking the lead where it is due, the trigrams ending at letters start + 1 .. end of the
 * word `letters[start, end)` and its feature `wordFeature`, or only those up to the last letter when
 * the letter cap cut it off (not `whole`); returns whether a check found the language decided.
 */
function addLetterByLetter(start: number, end: number, whole: boolean, wordFeature: number, first: number, count: number): boolean {
  const last = whole ? end : end - 1;
  for (let p = start + 1; p <= last; p++) {
    addFeature(trigramHash(letters[p - 2]!, letters[p - 1]!, letters[p]!));
    if (p === end) addFeature(wordFeature);
    if (isDecided(p, first, count)) return true;
  }
  return false;
}

/** Whether the lead checked after the features ending at letter `position` (when one is due there) stops the scoring. */
function isDecided(position: number, first: number, count: number): boolean {
  return position % DECISION_CHECK_EVERY === 0 && rankCandidates(first, count) >= DECISIVE_MARGIN;
}

/** Sets `leader` to the best-scoring of the candidates first .. first + count - 1 and returns its lead over the runner-up. */
function rankCandidates(first: number, count: number): number {
  leader = -1;
  let best = 0;
  let second = 0;
  for (let candidate = first; candidate < first + count; candidate++) {
    const score = scores[candidate]!;
    if (leader === -1 || score > best) {
      second = leader === -1 ? 0 : best;
      best = score;
      leader = candidate;
    } else if (score > second) {
      second = score;
    }
  }
  return best - second;
}

function addFeature(hash: number): void {
  const rank = occupiedRank(occupied, hash);
  if (rank < 0) return;
  const end = entryStart[rank + 1]!;
  for (let e = entryStart[rank]!; e < end; e++) {
    const pair = entryPair[e]!;
    scores[pairLanguage[2 * pair]!]! += pairWeight[2 * pair + 1]!;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
