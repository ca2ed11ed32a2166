// The trained profiles turned into a hashed, sparse lookup table: for each bucket, the languages
// that use the trigram or word hashed there and by how much more than an unseen one (a
// log-probability ratio). Scoring a text is then one table read per trigram or word plus a few
// additions, which is what makes hundreds of thousands of posts per second possible.

import type { LanguageProfile } from './language-profile.js';
import { trigramHash, wordHash } from './letter-stream.js';

const BUCKET_BITS = 18;
export const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

/**
 * Laid out for the cache, since scoring reads it at random for every trigram of every message: the
 * bucket offsets in 16 bits while the entries fit (0.5 MB instead of 1 MB), and each entry's language
 * and weight side by side in one buffer, so that an entry costs one cache line, not two.
 */
export interface TrigramTable {
  readonly languages: readonly string[];
  /** Entries of bucket b are at indexes bucketStart[b] .. bucketStart[b + 1] - 1. */
  readonly bucketStart: Uint16Array | Uint32Array;
  /** Entry e's language is entryLanguage[2e]; entryLanguage and entryWeight view the same buffer. */
  readonly entryLanguage: Int32Array;
  /** Entry e's weight is entryWeight[2e + 1]. */
  readonly entryWeight: Float32Array;
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

export function buildTrigramTable(profiles: readonly LanguageProfile[]): TrigramTable {
  const entries = [
    ...weightedEntries(profiles.map((profile) => parseCounts(profile.grams, profile.gramTotal, trigramHashOf))),
    ...weightedEntries(profiles.map((profile) => parseCounts(profile.words, profile.wordTotal, wordHash))),
  ].sort((a, b) => a.bucket - b.bucket);
  const bucketStart = entries.length <= 0xffff ? new Uint16Array(BUCKET_MASK + 2) : new Uint32Array(BUCKET_MASK + 2);
  for (const entry of entries) bucketStart[entry.bucket + 1]! += 1;
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
  const buffer = new ArrayBuffer(entries.length * 8);
  const entryLanguage = new Int32Array(buffer);
  const entryWeight = new Float32Array(buffer);
  entries.forEach((entry, e) => {
    entryLanguage[2 * e] = entry.language;
    entryWeight[2 * e + 1] = entry.weight;
  });
  return { languages: profiles.map((profile) => profile.language), bucketStart, entryLanguage, entryWeight };
}
