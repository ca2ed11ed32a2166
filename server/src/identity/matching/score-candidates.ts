/**
 * Scores one person against candidates someone else already found (through stored keys), without
 * the matcher's own blocking. Value frequencies come from the candidates alone: an agreement on a
 * name many of them share weighs less than on one only this candidate has.
 */
import { comparePeople } from './comparisons.js';
import type { MatchModel } from './model.js';
import { normalisePerson } from './normalise-person.js';
import type { PersonRecord } from './person.js';
import { DEFAULT_THRESHOLDS, explainLevels, scoreLevels, type ScoredPair, type Thresholds } from './scoring.js';
import { TermFrequencies } from './term-frequency.js';

/** Pairs judged link or review, strongest first; `left` is the person, `right` a candidate. */
export function scoreCandidates(
  model: MatchModel,
  record: PersonRecord,
  candidates: readonly PersonRecord[],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): ScoredPair[] {
  const person = normalisePerson(record);
  const known = candidates.map(normalisePerson);
  const frequencies = new TermFrequencies();
  for (const candidate of known) frequencies.add(candidate);
  const pairs: ScoredPair[] = [];
  for (const candidate of known) {
    if (candidate.id === person.id) continue;
    const levels = comparePeople(person, candidate);
    const score = scoreLevels(model, frequencies, thresholds, person, levels);
    if (score.decision === 'ignore') continue;
    pairs.push({
      left: person.id,
      right: candidate.id,
      ...score,
      evidence: explainLevels(model, frequencies, person, levels),
      levels: Array.from(levels),
    });
  }
  return pairs.sort((a, b) => b.weight - a.weight);
}
