// A multinomial naive Bayes intent model over hashed features. Counts are kept apart from the
// log-probabilities so that a workspace's corrections can be added to the built-in counts and a new
// model derived in a few milliseconds, without retraining from text.

import { intentFeatures, MAX_FEATURES } from './intent-features.js';
import { INTENT_LABELS, type IntentLabel } from './intent-labels.js';

const BUCKET_BITS = 15;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;
/** Seven, spelled out as a type: `weighIntents` keeps one sum per intent by name and must be told of a new one. */
const CLASSES: 7 = INTENT_LABELS.length;
/** Additive smoothing per feature and class. */
const SMOOTHING = 0.5;

/**
 * How often each intent occurs in the traffic a brand hears, as priors: most messages are about
 * something else, and the seed set's class sizes (about equal) say nothing about that.
 */
const BASE_RATES: Record<IntentLabel, number> = {
  complaint: 0.12,
  question: 0.12,
  purchase: 0.04,
  praise: 0.1,
  idea: 0.04,
  spam: 0.08,
  other: 0.8,
};

/** Feature counts per class, the raw material a model is derived from. */
export interface IntentCounts {
  /** counts[bucket * CLASSES + class]. */
  readonly features: Float32Array;
  /** Messages seen per class (for the prior). */
  readonly messages: Float64Array;
}

/**
 * Log-likelihoods by feature bucket: `rows[rowOf[bucket] * CLASSES + class]`. Most buckets were never
 * reached by an example and hold the same smoothed row, so they all share row 0: the model is then
 * about 200 kB instead of 900 kB, and stays in cache next to the other analyses' tables.
 */
export interface IntentModel {
  readonly rowOf: Uint16Array;
  readonly rows: Float32Array;
  readonly logPrior: Float64Array;
}

export interface IntentExample {
  readonly text: string;
  readonly intent: IntentLabel;
}

export function emptyIntentCounts(): IntentCounts {
  return { features: new Float32Array((BUCKET_MASK + 1) * CLASSES), messages: new Float64Array(CLASSES) };
}

// Scratch buffer: classification is synchronous, so calls never overlap.
const features = new Uint32Array(MAX_FEATURES);

/** Adds `examples` to `counts` in place, each counting `weight` times. */
export function addExamples(counts: IntentCounts, examples: readonly IntentExample[], weight = 1): void {
  for (const { text, intent } of examples) {
    const label = INTENT_LABELS.indexOf(intent);
    const count = intentFeatures(text, features);
    for (let f = 0; f < count; f++) counts.features[(features[f]! & BUCKET_MASK) * CLASSES + label]! += weight;
    counts.messages[label]! += weight;
  }
}

export function copyCounts(counts: IntentCounts): IntentCounts {
  return { features: counts.features.slice(), messages: counts.messages.slice() };
}

/** Whether any example's feature fell in `bucket`; the others all get row 0 of the model. */
function isReached(counts: IntentCounts, bucket: number): boolean {
  for (let c = 0; c < CLASSES; c++) if (counts.features[bucket * CLASSES + c] !== 0) return true;
  return false;
}

export function deriveModel(counts: IntentCounts): IntentModel {
  const totals = new Float64Array(CLASSES);
  let vocabulary = 0;
  let reached = 0;
  for (let bucket = 0; bucket <= BUCKET_MASK; bucket++) {
    let seen = false;
    for (let c = 0; c < CLASSES; c++) {
      const value = counts.features[bucket * CLASSES + c]!;
      totals[c]! += value;
      if (value > 0) seen = true;
    }
    if (seen) vocabulary++;
    if (isReached(counts, bucket)) reached++;
  }
  // Each class is scaled to the mean class size: otherwise the small classes, whose counts are
  // spread over fewer words, give any rare word a higher probability, and news full of rare words
  // reads as spam or purchase intent.
  let meanTotal = 0;
  for (let c = 0; c < CLASSES; c++) meanTotal += totals[c]! / CLASSES;
  const denominator = meanTotal + SMOOTHING * vocabulary;
  const logLikelihood = (count: number, c: number) => {
    const scaled = totals[c]! > 0 ? (count * meanTotal) / totals[c]! : 0;
    return Math.log((scaled + SMOOTHING) / denominator);
  };
  const rowOf = new Uint16Array(BUCKET_MASK + 1);
  const rows = new Float32Array((reached + 1) * CLASSES);
  for (let c = 0; c < CLASSES; c++) rows[c] = logLikelihood(0, c);
  let row = 1;
  for (let bucket = 0; bucket <= BUCKET_MASK; bucket++) {
    if (!isReached(counts, bucket)) continue;
    rowOf[bucket] = row;
    for (let c = 0; c < CLASSES; c++) rows[row * CLASSES + c] = logLikelihood(counts.features[bucket * CLASSES + c]!, c);
    row++;
  }
  const logPrior = Float64Array.from(INTENT_LABELS, (label) => Math.log(BASE_RATES[label]));
  return { rowOf, rows, logPrior };
}

export interface IntentResult {
  readonly intent: IntentLabel;
  /** Probability of the chosen intent, 0–1. */
  readonly confidence: number;
  /** Probability of every intent; they sum to 1. */
  readonly scores: Record<IntentLabel, number>;
}

const joint = new Float64Array(CLASSES);

/**
 * Naive Bayes treats words as independent and so grows overconfident with every word; dividing the
 * log-odds by this much per feature gives probabilities that mean something to a reader.
 */
function temperature(featureCount: number): number {
  return 1 + featureCount / 6;
}

const NOTHING_TO_READ: IntentResult = {
  intent: 'other',
  confidence: 1,
  scores: { complaint: 0, question: 0, purchase: 0, praise: 0, idea: 0, spam: 0, other: 1 },
};

/**
 * Fills `joint` with each intent's probability (not yet divided by `sum`) and returns the best
 * intent's index and that sum, or nothing when the text has no word to read.
 */
function weighIntents(text: string, model: IntentModel): { best: number; sum: number } | undefined {
  const count = intentFeatures(text, features);
  if (count === 0) return undefined;
  const { rowOf, rows, logPrior } = model;
  // One local per intent rather than a loop over `joint`: the sums stay in registers instead of
  // being read and written back for every feature (the same additions, in the same order).
  let complaint = logPrior[0]!;
  let question = logPrior[1]!;
  let purchase = logPrior[2]!;
  let praise = logPrior[3]!;
  let idea = logPrior[4]!;
  let spam = logPrior[5]!;
  let other = logPrior[6]!;
  for (let f = 0; f < count; f++) {
    const base = rowOf[features[f]! & BUCKET_MASK]! * CLASSES;
    complaint += rows[base]!;
    question += rows[base + 1]!;
    purchase += rows[base + 2]!;
    praise += rows[base + 3]!;
    idea += rows[base + 4]!;
    spam += rows[base + 5]!;
    other += rows[base + 6]!;
  }
  joint[0] = complaint;
  joint[1] = question;
  joint[2] = purchase;
  joint[3] = praise;
  joint[4] = idea;
  joint[5] = spam;
  joint[6] = other;
  let best = 0;
  for (let c = 1; c < CLASSES; c++) if (joint[c]! > joint[best]!) best = c;
  const scale = 1 / temperature(count);
  const top = joint[best]!;
  let sum = 0;
  for (let c = 0; c < CLASSES; c++) {
    joint[c] = Math.exp((joint[c]! - top) * scale);
    sum += joint[c]!;
  }
  return { best, sum };
}

const share = (c: number, sum: number) => Math.round((joint[c]! / sum) * 1000) / 1000;

export function classifyWithModel(text: string, model: IntentModel): IntentResult {
  const weighed = weighIntents(text, model);
  if (weighed === undefined) return NOTHING_TO_READ;
  const { best, sum } = weighed;
  const scores = {} as Record<IntentLabel, number>;
  for (let c = 0; c < CLASSES; c++) scores[INTENT_LABELS[c]!] = share(c, sum);
  return { intent: INTENT_LABELS[best]!, confidence: scores[INTENT_LABELS[best]!], scores };
}

/** The most likely intent alone, as `classifyWithModel` gives it, for callers that store no other score. */
export function likeliestIntent(text: string, model: IntentModel): Pick<IntentResult, 'intent' | 'confidence'> {
  const weighed = weighIntents(text, model);
  if (weighed === undefined) return NOTHING_TO_READ;
  return { intent: INTENT_LABELS[weighed.best]!, confidence: share(weighed.best, weighed.sum) };
}
