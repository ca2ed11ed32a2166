/**
 * Where a sentiment score (−1…1) turns positive or negative: the one rule for a message's label and
 * for how an average of scores reads, so a message labelled positive is never called neutral elsewhere.
 *
 * The web app reads sentiment averages with this very module (it is bundled into the browser): it
 * imports nothing, and must stay so (a lint rule says it).
 */

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** A score this far from zero, either way, has a tone; closer, the words cancel out or carry none. */
const LABEL_THRESHOLD = 0.05;

export function sentimentLabel(score: number): SentimentLabel {
  if (score >= LABEL_THRESHOLD) return 'positive';
  if (score <= -LABEL_THRESHOLD) return 'negative';
  return 'neutral';
}
