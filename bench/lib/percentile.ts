/** Nearest-rank percentile of values sorted ascending; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The same, rounded to a tenth, as the load reports print milliseconds. */
export function percentileToTenth(sorted: readonly number[], p: number): number {
  return Math.round(percentile(sorted, p) * 10) / 10;
}
