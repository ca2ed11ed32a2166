// The trained profiles turned into a hashed, sparse lookup table: for each bucket, the languages
// that use the trigram or word hashed there and by how much more than an unseen one (a
// log-probability ratio). Scoring a text is then one table read per trigram or word plus a few
// additions, which is what makes hundreds of thousands of posts per second possible.

import type { LanguageProfile } from './language-profile.js';
import { trigramHash, wordHash } from './letter-stream.js';

const BUCKET_BITS = 18;
export const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

/**
 * Laid out for the cache, since scoring reads it at random for every trigram of every message while
 * sentiment, intent and extraction want the cache too. Only about one bucket in ten holds entries,
 * so buckets are not given offsets of their own: a bitmap says which hold entries, and a bucket's
 * rank among those (a count kept per 32 buckets plus a popcount) indexes the offsets. An entry is a
 * 16-bit number of a (language, weight) pair, as the profiles' counts repeat (about 4,200 pairs for
 * 54,000 entries). About 250 kB in all, against 940 kB for an offset per bucket and a full entry each.
 */
export interface TrigramTable {
  readonly languages: readonly string[];
  /**
   * Two numbers per 32 buckets: at 2g, the bitmap of the buckets 32g .. 32g + 31 that hold entries
   * (bit i for bucket 32g + i); at 2g + 1, how many buckets before 32g hold entries.
   */
  readonly occupied: Uint32Array;
  /** The entries of the r-th bucket holding any are at indexes entryStart[r] .. entryStart[r + 1] - 1. */
  readonly entryStart: Uint16Array | Uint32Array;
  /** Entry e is pair entryPair[e]. */
  readonly entryPair: Uint16Array | Uint32Array;
  /** Pair p's language is pairLanguage[2p]; pairLanguage and pairWeight view the same buffer. */
  readonly pairLanguage: Int32Array;
  /** Pair p's weight is pairWeight[2p + 1]. */
  readonly pairWeight: Float32Array;
}

interface Entry {
  readonly bucket: number;
  readonly language: number;
  readonly weight: number;
}

interface Feature {
  readonly hash: number;
  readonly probability: number;
}

function parseCounts(lines: string, total: number, hash: (feature: string) => number): Feature[] {
  return lines.split('\n').map((line) => {
    const [feature = '', count = '0'] = line.split('\t');
    return { hash: hash(feature), probability: Number(count) / total };
  });
}

function trigramHashOf(gram: string): number {
  return trigramHash(gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2));
}

/**
 * Naive Bayes with one shared floor per feature kind: a trigram (or word) missing from a profile is
 * given half the probability of the rarest one kept across all profiles, so every weight is
 * positive and languages that lack a feature simply gain nothing from it.
 */
function weightedEntries(features: readonly Feature[][]): Entry[] {
  const floor = Math.min(...features.map((list) => list[list.length - 1]?.probability ?? 1)) / 2;
  return features.flatMap((list, language) =>
    list.map(({ hash, probability }) => ({ bucket: hash & BUCKET_MASK, language, weight: Math.log(probability / floor) })),
  );
}

/** Offsets or numbers below `limit`, in 16 bits when they fit. */
function indexArray(length: number, limit: number): Uint16Array | Uint32Array {
  return limit <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
}

/** Numbers each distinct (language, weight as stored) pair and lays the pairs out side by side. */
function pairsOf(entries: readonly Entry[]): { pairOf: number[]; pairLanguage: Int32Array; pairWeight: Float32Array } {
  const numbers = new Map<string, number>();
  const pairOf = entries.map(({ language, weight }) => {
    const key = `${language}:${Math.fround(weight)}`;
    let pair = numbers.get(key);
    if (pair === undefined) {
      pair = numbers.size;
      numbers.set(key, pair);
    }
    return pair;
  });
  const buffer = new ArrayBuffer(numbers.size * 8);
  const pairLanguage = new Int32Array(buffer);
  const pairWeight = new Float32Array(buffer);
  pairOf.forEach((pair, e) => {
    pairLanguage[2 * pair] = entries[e]!.language;
    pairWeight[2 * pair + 1] = entries[e]!.weight;
  });
  return { pairOf, pairLanguage, pairWeight };
}

export function buildTrigramTable(profiles: readonly LanguageProfile[]): TrigramTable {
  const entries = [
    ...weightedEntries(profiles.map((profile) => parseCounts(profile.grams, profile.gramTotal, trigramHashOf))),
    ...weightedEntries(profiles.map((profile) => parseCounts(profile.words, profile.wordTotal, wordHash))),
  ].sort((a, b) => a.bucket - b.bucket);
  const occupied = new Uint32Array(((BUCKET_MASK + 1) >>> 5) * 2);
  const starts: number[] = [];
  entries.forEach((entry, e) => {
    if (e > 0 && entries[e - 1]!.bucket === entry.bucket) return;
    occupied[2 * (entry.bucket >>> 5)]! |= 1 << (entry.bucket & 31);
    starts.push(e);
  });
  starts.push(entries.length);
  let before = 0;
  for (let group = 0; 2 * group < occupied.length; group++) {
    occupied[2 * group + 1] = before;
    before += popcount(occupied[2 * group]!);
  }
  const entryStart = indexArray(starts.length, entries.length);
  entryStart.set(starts);
  const { pairOf, pairLanguage, pairWeight } = pairsOf(entries);
  const entryPair = indexArray(entries.length, pairLanguage.length / 2);
  entryPair.set(pairOf);
  return { languages: profiles.map((profile) => profile.language), occupied, entryStart, entryPair, pairLanguage, pairWeight };
}

/** The number of bits set in the 32-bit `bits`. */
export function popcount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The rank of `hash`'s bucket among the buckets holding entries (see `occupied`), or -1 when it holds none. */
export function occupiedRank(occupied: Uint32Array, hash: number): number {
  const bucket = hash & BUCKET_MASK;
  const group = bucket >>> 5;
  const bits = occupied[2 * group]!;
  const bit = 1 << (bucket & 31);
  return (bits & bit) === 0 ? -1 : occupied[2 * group + 1]! + popcount(bits & (bit - 1));
}
