/**
 * Estimates u — how often two different people agree at each level — from pairs drawn at random:
 * nearly all random pairs are different people, so no labels are needed. EM starts from it: a
 * start fitted to the data rather than generic priors.
 */
import { COMPARISONS, MISSING, comparePeople } from './comparisons.js';
import type { NormalisedPerson } from './person.js';

/** Pseudo-pairs of the prior u added to the sample, so a level never seen keeps a small probability. */
const PRIOR_STRENGTH = 50;

/** Mulberry32, seeded: the same people give the same estimate. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function estimateU(people: readonly NormalisedPerson[], samples: number, seed = 1): number[][] {
  const counts = COMPARISONS.map((comparison) => comparison.priorU.map((p) => p * PRIOR_STRENGTH));
  const random = seededRandom(seed);
  const levels = new Uint8Array(COMPARISONS.length);
  for (let drawn = 0; people.length > 1 && drawn < samples; drawn++) {
    const left = Math.floor(random() * people.length);
    const right = Math.floor(random() * people.length);
    if (left === right) continue;
    comparePeople(people[left]!, people[right]!, levels);
    levels.forEach((level, field) => {
      if (level !== MISSING) counts[field]![level]! += 1;
    });
  }
  return counts.map((field) => {
    const total = field.reduce((sum, count) => sum + count, 0);
    return field.map((count) => count / total);
  });
}
