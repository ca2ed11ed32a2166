/** The pairwise F1 figure both identity measurements report, with its parts as details. */
import type { PairwiseQuality } from '../../server/src/identity/matching/pairwise-quality.js';
import type { Figure } from '../lib/report.js';

export function f1Figure(id: string, label: string, quality: PairwiseQuality): Figure {
  const { f1, precision, recall, truePairs, predictedPairs } = quality;
  return { id, label, unit: '', value: f1, details: { precision, recall, truePairs, predictedPairs } };
}
