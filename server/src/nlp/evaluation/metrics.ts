/**
 * Quality measures for the text-understanding models (sentiment, intent, language), used by
 * `npm run eval`: correlation for scores, and accuracy, per-class precision/recall/F1, macro and
 * weighted averages and a confusion matrix for labels. Generic over string labels.
 */

/** Pearson correlation coefficient; 0 when either side has no variance (nothing to correlate). */
export function pearsonCorrelation(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new Error(`cannot correlate ${xs.length} values with ${ys.length}`);
  const count = xs.length;
  if (count === 0) return 0;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index < count; index++) {
    sumX += xs[index] ?? 0;
    sumY += ys[index] ?? 0;
  }
  const meanX = sumX / count;
  const meanY = sumY / count;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let index = 0; index < count; index++) {
    const dx = (xs[index] ?? 0) - meanX;
    const dy = (ys[index] ?? 0) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return 0;
  return covariance / Math.sqrt(varianceX * varianceY);
}

export interface ClassScores<Label extends string> {
  label: Label;
  precision: number;
  recall: number;
  f1: number;
  /** How many items truly have this label. */
  support: number;
  /** How many items were given this label. */
  predicted: number;
}

export interface ClassificationReport<Label extends string> {
  /** One row per label, in the order of `labels`. */
  classes: ClassScores<Label>[];
  accuracy: number;
  macroF1: number;
  /** Precision, recall and F1 averaged with each class weighted by its support. */
  weightedPrecision: number;
  weightedRecall: number;
  weightedF1: number;
  total: number;
}

export interface ConfusionMatrix<Label extends string> {
  labels: Label[];
  /** counts[gold][predicted], indexed like `labels`. */
  counts: number[][];
}

function checkPairs(gold: readonly string[], predicted: readonly string[]): void {
  if (gold.length !== predicted.length) {
    throw new Error(`${gold.length} true labels but ${predicted.length} predictions`);
  }
}

/** Every label that occurs on either side, sorted, when the caller does not fix the list. */
export function labelsOf<Label extends string>(gold: readonly Label[], predicted: readonly Label[]): Label[] {
  return [...new Set([...gold, ...predicted])].sort();
}

export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  checkPairs(gold, predicted);
  if (gold.length === 0) return 0;
  let correct = 0;
  for (let index = 0; index < gold.length; index++) if (gold[index] === predicted[index]) correct++;
  return correct / gold.length;
}

export function confusionMatrix<Label extends string>(
  gold: readonly Label[],
  predicted: readonly Label[],
  labels: readonly Label[] = labelsOf(gold, predicted),
): ConfusionMatrix<Label> {
  checkPairs(gold, predicted);
  const position = new Map(labels.map((label, index) => [label, index]));
  const counts = labels.map(() => labels.map(() => 0));
  for (let index = 0; index < gold.length; index++) {
    const row = position.get(gold[index] as Label);
    const column = position.get(predicted[index] as Label);
    if (row === undefined || column === undefined) continue;
    const cells = counts[row];
    if (cells) cells[column] = (cells[column] ?? 0) + 1;
  }
  return { labels: [...labels], counts };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * Per-class precision, recall and F1 (0 where undefined, as scikit-learn reports them), with
 * accuracy and the macro and support-weighted averages. `labels` fixes which classes are reported
 * and averaged; by default, every label seen in either list.
 */
export function classificationReport<Label extends string>(
  gold: readonly Label[],
  predicted: readonly Label[],
  labels: readonly Label[] = labelsOf(gold, predicted),
): ClassificationReport<Label> {
  const { counts } = confusionMatrix(gold, predicted, labels);
  const classes = labels.map((label, index): ClassScores<Label> => {
    const row = counts[index] ?? [];
    const truePositives = row[index] ?? 0;
    const support = row.reduce((sum, count) => sum + count, 0);
    const given = counts.reduce((sum, cells) => sum + (cells[index] ?? 0), 0);
    const precision = ratio(truePositives, given);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support, predicted: given };
  });
  const totalSupport = classes.reduce((sum, scores) => sum + scores.support, 0);
  const weighted = (pick: (scores: ClassScores<Label>) => number): number =>
    ratio(
      classes.reduce((sum, scores) => sum + pick(scores) * scores.support, 0),
      totalSupport,
    );
  return {
    classes,
    accuracy: accuracy(gold, predicted),
    macroF1: ratio(
      classes.reduce((sum, scores) => sum + scores.f1, 0),
      classes.length,
    ),
    weightedPrecision: weighted((scores) => scores.precision),
    weightedRecall: weighted((scores) => scores.recall),
    weightedF1: weighted((scores) => scores.f1),
    total: gold.length,
  };
}
