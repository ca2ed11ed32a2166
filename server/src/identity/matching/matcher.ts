/**
 * Incremental matching: people are added to an in-memory index (blocking keys → people, value
 * frequencies), and a newly arrived person is compared with the people sharing a key, returning
 * the best candidates with their scores and evidence.
 */
import { BlockIndex, blockingKeys } from './blocking.js';
import { comparePeople } from './comparisons.js';
import { priorModel, type MatchModel } from './model.js';
import { normalisePerson } from './normalise-person.js';
import type { NormalisedPerson, PersonRecord } from './person.js';
import { DEFAULT_THRESHOLDS, explainLevels, scoreLevels, type ScoredPair, type Thresholds } from './scoring.js';
import { TermFrequencies } from './term-frequency.js';

export interface MatcherOptions {
  /** A fitted model (see resolveAll); the prior model until one is given. */
  model?: MatchModel;
  thresholds?: Thresholds;
  /** Keys shared by more people than this are not used to find candidates. */
  maxBlockSize?: number;
}

export interface Matcher {
  add(record: PersonRecord): void;
  /** Known people who may be this person, strongest first (ignored ones left out), at most `limit`. */
  match(record: PersonRecord, limit?: number): ScoredPair[];
  readonly size: number;
}

export function createMatcher(options: MatcherOptions = {}): Matcher {
  const model = options.model ?? priorModel();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const people: NormalisedPerson[] = [];
  const index = new BlockIndex(options.maxBlockSize ?? 50);
  const frequencies = new TermFrequencies();
  const levels = new Uint8Array(model.fields.length);

  return {
    get size() {
      return people.length;
    },
    add(record) {
      const person = normalisePerson(record);
      index.add(people.length, blockingKeys(person));
      frequencies.add(person);
      people.push(person);
    },
    match(record, limit = 10) {
      const person = normalisePerson(record);
      const found: ScoredPair[] = [];
      for (const position of index.candidates(blockingKeys(person))) {
        const known = people[position]!;
        if (known.id === person.id) continue;
        comparePeople(person, known, levels);
        const score = scoreLevels(model, frequencies, thresholds, person, levels);
        if (score.decision === 'ignore') continue;
        found.push({
          left: person.id,
          right: known.id,
          ...score,
          evidence: explainLevels(model, frequencies, person, levels),
          levels: Array.from(levels),
        });
      }
      return found.sort((a, b) => b.weight - a.weight).slice(0, limit);
    },
  };
}
