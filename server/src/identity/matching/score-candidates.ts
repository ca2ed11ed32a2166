/**
 * Scores one person against candidates someone else already found (through stored keys), without
 * the matcher's own blocking. Value frequencies come from the candidates alone: an agreement on a
 * name many of them share weighs less than on one only this candidate has.
 */
import { COMPARISONS, comparePeople } from './comparisons.js';
import type { MatchModel } from './model.js';
import { normalisePerson } from './normalise-person.js';
import type { NormalisedPerson, PersonRecord } from './person.js';
import { DEFAULT_THRESHOLDS, explainLevels, scoreLevels, type PairScore, type ScoredPair, type Thresholds } from './scoring.js';
import { TermFrequencies } from './term-frequency.js';

/** The levels as a plain array, copied by index: Array.from iterates, an object per element. */
function copyOf(levels: Uint8Array): number[] {
  const copy = new Array<number>(levels.length);
  for (let index = 0; index < levels.length; index++) copy[index] = levels[index]!;
  return copy;
}

/** Pairs judged link or review, strongest first; `left` is the person, `right` a candidate. */
export function scoreCandidates(
  model: MatchModel,
  record: PersonRecord,
  candidates: readonly PersonRecord[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): ScoredPair[] {
  return scoreNormalisedCandidates(model, normalisePerson(record), candidates.map(normalisePerson), Infinity, thresholds);
}

/**
 * `scoreCandidates` over people normalised already (an arrival's candidates are kept normalised),
 * the strongest `limit` pairs only: their evidence is worked out, the other pairs' never is.
 */
export function scoreNormalisedCandidates(
  model: MatchModel,
  person: NormalisedPerson,
  known: readonly NormalisedPerson[],
  limit = Infinity,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): ScoredPair[] {
  const frequencies = new TermFrequencies();
  for (const candidate of known) frequencies.add(candidate);
  // One comparison vector for all candidates; the few pairs returned are compared again for theirs.
  const levels = new Uint8Array(COMPARISONS.length);
  const kept: { candidate: NormalisedPerson; score: PairScore }[] = [];
  for (const candidate of known) {
    if (candidate.id === person.id) continue;
    const score = scoreLevels(model, frequencies, thresholds, person, comparePeople(person, candidate, levels));
    if (score.decision !== 'ignore') kept.push({ candidate, score });
  }
  kept.sort((a, b) => b.score.weight - a.score.weight);
  if (kept.length > limit) kept.length = limit;
  return kept.map(({ candidate, score }) => {
    comparePeople(person, candidate, levels);
    return {
      left: person.id,
      right: candidate.id,
      ...score,
      evidence: explainLevels(model, frequencies, person, levels),
      levels: copyOf(levels),
    };
  });
}
