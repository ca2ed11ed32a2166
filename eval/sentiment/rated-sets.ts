/**
 * The human-rated sentences of Hutto & Gilbert (2014) copied into test/fixtures/eval/sentiment:
 * one item per line, `id <TAB> mean rating in [-4, 4] <TAB> text`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RatedSentence {
  id: string;
  /** Mean of about 20 human ratings, -4 (most negative) to +4. */
  rating: number;
  text: string;
}

export interface RatedSet {
  name: string;
  /** Whether the scorer's rules were adjusted while looking at this set (only the movie set). */
  usedForTuning: boolean;
  /** What the VADER reference implementation scores on the same file (the set's README). */
  reference: { r: number; weightedF1: number; accuracy: number };
  sentences: RatedSentence[];
}

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/eval/sentiment');

const sets = [
  {
    name: 'movie',
    file: 'movieReviewSnippets_GroundTruth.txt',
    usedForTuning: true,
    reference: { r: 0.428, weightedF1: 0.59, accuracy: 0.557 },
  },
  {
    name: 'amazon',
    file: 'amazonReviewSnippets_GroundTruth.txt',
    usedForTuning: false,
    reference: { r: 0.59, weightedF1: 0.626, accuracy: 0.565 },
  },
  {
    name: 'nyt',
    file: 'nytEditorialSnippets_GroundTruth.txt',
    usedForTuning: false,
    reference: { r: 0.503, weightedF1: 0.549, accuracy: 0.487 },
  },
] as const;

function parseRatedSentences(source: string, file: string): RatedSentence[] {
  const sentences: RatedSentence[] = [];
  source.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const [id, rating, ...rest] = line.split('\t');
    const value = Number(rating);
    if (!id || rest.length === 0 || rating === undefined || rating.trim() === '' || !Number.isFinite(value)) {
      throw new Error(`${file}:${index + 1}: expected "id<TAB>rating<TAB>text"`);
    }
    sentences.push({ id, rating: value, text: rest.join('\t') });
  });
  return sentences;
}

export function loadRatedSets(): RatedSet[] {
  return sets.map(({ name, file, usedForTuning, reference }) => ({
    name,
    usedForTuning,
    reference,
    sentences: parseRatedSentences(readFileSync(path.join(fixtures, file), 'utf8'), file),
  }));
}
