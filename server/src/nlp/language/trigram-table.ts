// The trained profiles turned into a hashed, sparse lookup table: for each bucket, the languages
// that use the trigram or word hashed there and by how much more than an unseen one (a
// log-probability ratio). Scoring a text is then one table read per trigram or word plus a few
// additions, which is what makes hundreds of thousands of posts per second possible.

import type { LanguageProfile } from './language-profile.js';
import { trigramHash, wordHash } from './letter-stream.js';

const BUCKET_BITS = 18;
export const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

export interface TrigramTable {
  readonly languages: readonly string[];
  /** Entries of bucket b are at indexes bucketStart[b] .. bucketStart[b + 1] - 1. */
  readonly bucketStart: Uint32Array;
  readonly entryLanguage: Uint8Array;
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
  const bucketStart = new Uint32Array(BUCKET_MASK + 2);
  for (const entry of entries) bucketStart[entry.bucket + 1]! += 1;
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
  return {
    languages: profiles.map((profile) => profile.language),
    bucketStart,
    entryLanguage: Uint8Array.from(entries, (entry) => entry.language),
    entryWeight: Float32Array.from(entries, (entry) => entry.weight),
  };
}
