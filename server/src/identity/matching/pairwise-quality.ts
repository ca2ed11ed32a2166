/**
 * Pairwise quality of a deduplication against known entities: precision, recall and F1 over
 * unordered pairs of records, the usual measure for record linkage. Used by the FEBRL eval, and
 * later by reviewers' decisions.
 */

export interface PairwiseQuality {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

function pairsWithin(size: number): number {
  return (size * (size - 1)) / 2;
}

/** `clusters` are predicted groups of record ids; `entityOf` gives each id's true entity. */
export function pairwiseQuality(clusters: readonly (readonly string[])[], entityOf: ReadonlyMap<string, string>): PairwiseQuality {
  const entitySizes = new Map<string, number>();
  for (const entity of entityOf.values()) entitySizes.set(entity, (entitySizes.get(entity) ?? 0) + 1);
  let truePairs = 0;
  for (const size of entitySizes.values()) truePairs += pairsWithin(size);
  let predictedPairs = 0;
  let correctPairs = 0;
  for (const cluster of clusters) {
    predictedPairs += pairsWithin(cluster.length);
    const byEntity = new Map<string, number>();
    for (const id of cluster) {
      const entity = entityOf.get(id) ?? `unknown:${id}`;
      byEntity.set(entity, (byEntity.get(entity) ?? 0) + 1);
    }
    for (const size of byEntity.values()) correctPairs += pairsWithin(size);
  }
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}
