// Language identification of a message: script detection first (which alone decides Korean,
// Japanese, Thai, Greek and the other single-language scripts), then trigram profiles trained on
// the UDHR for the scripts that many languages share (Latin, Cyrillic, Arabic, Devanagari).
// Pure and bounded: at most a fixed prefix of the text is read.

import { languageProfiles } from './language-profiles.data.js';
import {
  scriptLetters as readScriptLetters,
  trigramHash as hashTrigram,
  WORD_HASH_START,
  wordHashFinish as finishWordHash,
  wordHashStep as stepWordHash,
} from './letter-stream.js';
import { countScripts as countScriptLetters, SCRIPTS, SINGLE_LANGUAGE_SCRIPTS } from './script.js';
import { BUCKET_MASK, buildTrigramTable } from './trigram-table.js';

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

// Scratch buffers reused across calls: detection is synchronous, so no two calls overlap.
const scriptCounts = new Uint32Array(SCRIPTS.length);
const letters = new Uint16Array(MAX_SCORED_LETTERS + 2);
const scores = new Float64Array(table.languages.length);
const { bucketStart, entryLanguage, entryWeight } = table;
let leader = -1;
const KANA = SCRIPTS.indexOf('kana');
const HAN = SCRIPTS.indexOf('han');

// Local aliases of the hot helpers: a loader that turns imports into property reads (tsx, bundlers)
// would otherwise pay a lookup per character.
const countScripts = countScriptLetters;
const scriptLetters = readScriptLetters;
const trigramHash = hashTrigram;
const wordHashStep = stepWordHash;
const wordHashFinish = finishWordHash;

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
  const candidates = languagesOfScript.get(main);
  if (candidates === undefined || counts[main]! < MIN_LETTERS_FOR_PROFILES) return UNDETERMINED;
  return scoreCandidates(text, main, candidates, scriptShare);
}

function scoreCandidates(text: string, script: number, candidates: readonly number[], scriptShare: number): DetectedLanguage {
  const length = scriptLetters(text, script, letters, MAX_SCANNED_CHARS);
  scores.set(priors);
  let a = letters[0]!;
  let b = letters[1]!;
  let word = wordHashStep(WORD_HASH_START, b);
  for (let i = 2; i < length; i++) {
    const c = letters[i]!;
    addFeature(trigramHash(a, b, c));
    if (c === SPACE) {
      addFeature(wordHashFinish(word));
      word = WORD_HASH_START;
    } else {
      word = wordHashStep(word, c);
    }
    a = b;
    b = c;
    if (i % DECISION_CHECK_EVERY === 0 && rankCandidates(candidates) >= DECISIVE_MARGIN) break;
  }
  const margin = rankCandidates(candidates);
  if (leader === -1 || scores[leader]! <= priors[leader]!) return UNDETERMINED;
  return { language: table.languages[leader]!, confidence: round(scriptShare * (1 - Math.exp(-margin / MARGIN_SCALE))) };
}

/** Sets `leader` to the best-scoring candidate and returns its lead over the runner-up. */
function rankCandidates(candidates: readonly number[]): number {
  leader = -1;
  let best = 0;
  let second = 0;
  for (const candidate of candidates) {
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
  const bucket = hash & BUCKET_MASK;
  const end = bucketStart[bucket + 1]!;
  let e = bucketStart[bucket]!;
  // Two entries per step (the same additions in the same order): half the loop's branches, and a
  // bucket's entries (about a dozen) are read with fewer mispredicted loop exits.
  for (; e + 1 < end; e += 2) {
    scores[entryLanguage[2 * e]!]! += entryWeight[2 * e + 1]!;
    scores[entryLanguage[2 * e + 2]!]! += entryWeight[2 * e + 3]!;
  }
  if (e < end) scores[entryLanguage[2 * e]!]! += entryWeight[2 * e + 1]!;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
