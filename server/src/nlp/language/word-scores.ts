// Remembered per-word scores for language identification. Most of a message's trigrams lie inside
// its words, and the common words come back in every message, so the weights of a word's own
// trigrams (with the spaces around it) and of the word itself are summed once per script and kept,
// and scoring a word seen before is one row of additions instead of a table look-up per trigram.
//
// Adding a word's sum instead of its weights one by one changes the order of the additions, which
// gives the very same scores only because every sum here is exact: `assertExactSums` checks that
// the weights and priors are multiples of 2^-24 and that no score can reach 2^29, so every partial
// sum is a multiple of 2^-24 below 2^29, which a double holds exactly, whatever the grouping.

import { trigramHash as hashTrigram } from './letter-stream.js';
import { occupiedRank as rankOf, type TrigramTable } from './trigram-table.js';

/** Words remembered at once (a direct-mapped cache: a word takes the slot of its hash); 512 kB of sums for 32 candidates. */
const SLOTS = 2048;
/** Longer words are rare and would take a slot for little. */
export const MAX_REMEMBERED_LETTERS = 16;
const GRAIN = 2 ** 24;
const EXACT_LIMIT = 2 ** 29;

// Local aliases: a loader that turns imports into property reads would pay a lookup per call.
const trigramHash = hashTrigram;
const occupiedRank = rankOf;

/** Throws unless any sum of `features` weights (plus a prior) is exact in a double, whatever its order. */
export function assertExactSums(table: TrigramTable, priors: Float64Array, features: number): void {
  let heaviest = 0;
  for (let pair = 0; 2 * pair < table.pairWeight.length; pair++) {
    const weight = table.pairWeight[2 * pair + 1]!;
    if (!Number.isInteger(weight * GRAIN)) throw new Error(`language weight ${weight} is finer than 2^-24`);
    heaviest = Math.max(heaviest, weight);
  }
  const prior = Math.max(...priors);
  if (!priors.every((value) => Number.isInteger(value * GRAIN)) || prior + features * heaviest >= EXACT_LIMIT) {
    throw new Error('language scores could exceed the range where their sums are exact');
  }
}

export interface WordScores {
  /** The sums of the word in slot s, one per candidate language of its script, from s * width. */
  readonly sums: Float64Array;
  readonly width: number;
  /**
   * The slot holding the sums of the word `letters[start, end)` (spaces at start - 1 and end) of
   * script `script`, whose word feature hash is `wordFeature`; filled when the word is not there.
   */
  slotOf(letters: Uint16Array, start: number, end: number, wordFeature: number, script: number): number;
}

export function wordScores(table: TrigramTable, candidatesOf: ReadonlyMap<number, readonly number[]>): WordScores {
  const { occupied, entryStart, entryPair, pairLanguage, pairWeight } = table;
  const width = Math.max(...[...candidatesOf.values()].map((candidates) => candidates.length));
  const sums = new Float64Array(SLOTS * width);
  const keyLetters = new Uint16Array(SLOTS * MAX_REMEMBERED_LETTERS);
  /** 0 for an empty slot. */
  const keyLength = new Uint8Array(SLOTS);
  const keyScript = new Uint8Array(SLOTS);
  /** Each language's script and its place among that script's candidates. */
  const scriptOf = new Int32Array(table.languages.length).fill(-1);
  const columnOf = new Int32Array(table.languages.length);
  for (const [script, candidates] of candidatesOf) {
    candidates.forEach((language, column) => {
      scriptOf[language] = script;
      columnOf[language] = column;
    });
  }

  function add(slot: number, hash: number, script: number): void {
    const rank = occupiedRank(occupied, hash);
    if (rank < 0) return;
    const end = entryStart[rank + 1]!;
    for (let e = entryStart[rank]!; e < end; e++) {
      const pair = entryPair[e]!;
      const language = pairLanguage[2 * pair]!;
      if (scriptOf[language] === script) sums[slot * width + columnOf[language]!]! += pairWeight[2 * pair + 1]!;
    }
  }

  function fill(slot: number, letters: Uint16Array, start: number, end: number, wordFeature: number, script: number): void {
    sums.fill(0, slot * width, (slot + 1) * width);
    for (let p = start + 1; p <= end; p++) add(slot, trigramHash(letters[p - 2]!, letters[p - 1]!, letters[p]!), script);
    add(slot, wordFeature, script);
    keyLength[slot] = end - start;
    keyScript[slot] = script;
    for (let i = start; i < end; i++) keyLetters[slot * MAX_REMEMBERED_LETTERS + i - start] = letters[i]!;
  }

  function holds(slot: number, letters: Uint16Array, start: number, end: number, script: number): boolean {
    if (keyLength[slot] !== end - start || keyScript[slot] !== script) return false;
    for (let i = start; i < end; i++) if (keyLetters[slot * MAX_REMEMBERED_LETTERS + i - start] !== letters[i]) return false;
    return true;
  }

  return {
    sums,
    width,
    slotOf(letters, start, end, wordFeature, script) {
      const slot = wordFeature & (SLOTS - 1);
      if (!holds(slot, letters, start, end, script)) fill(slot, letters, start, end, wordFeature, script);
      return slot;
    },
  };
}
