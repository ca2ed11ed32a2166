/**
 * Spike detection against a robust seasonal baseline. The baseline is the same window at the same
 * time of day on previous days: its median is what we expect, and its spread is the median
 * absolute deviation (scaled to a standard deviation), floored by the Poisson noise of a count so a
 * flat history of small numbers does not make every blip a spike. Medians ignore the odd past
 * spike, which means and standard deviations do not.
 */
export interface SpikeInput {
  observed: number;
  /** Counts in the comparable past windows, one per day. */
  history: readonly number[];
  /** How many spreads above the expected count a spike must be. */
  sensitivity: number;
  /** Fewer mentions than this never fire, whatever the baseline. */
  minMentions: number;
}

export interface SpikeVerdict {
  fired: boolean;
  expected: number;
  threshold: number;
  observed: number;
  /** Plain language: why it fired or not. */
  reason: string;
}

/** Fewer comparable windows than this is not a baseline. */
export const MIN_HISTORY = 3;
const MAD_TO_SD = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function detectSpike({ observed, history, sensitivity, minMentions }: SpikeInput): SpikeVerdict {
  if (history.length < MIN_HISTORY) {
    return {
      fired: false,
      expected: 0,
      threshold: 0,
      observed,
      reason: `not enough history yet (${history.length} of ${MIN_HISTORY} days)`,
    };
  }
  const expected = median(history);
  const spread = Math.max(MAD_TO_SD * median(history.map((v) => Math.abs(v - expected))), Math.sqrt(Math.max(expected, 1)));
  const threshold = expected + sensitivity * spread;
  const fired = observed >= minMentions && observed > threshold;
  const heard = `${observed} ${observed === 1 ? 'mention' : 'mentions'}`;
  const reason = fired
    ? `${heard} against ${round(expected)} expected at this time of day (threshold ${round(threshold)})`
    : observed < minMentions
      ? `${heard}, below the minimum of ${minMentions}`
      : `${heard} is within the usual range (expected ${round(expected)}, threshold ${round(threshold)})`;
  return { fired, expected: round(expected), threshold: round(threshold), observed, reason };
}
