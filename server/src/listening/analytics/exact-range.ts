/**
 * A dashboard range [from, to) cut into what the rollups count and what only the mentions
 * themselves can, so that every chart counts exactly the mentions sent in the range: whole UTC
 * hours or days from the rollups, the partial ones at its ends from their mentions.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface Span {
  from: Date;
  to: Date;
}

/** Mentions sent in a span, added to the rollups' counts (1) or taken from them (-1). */
export interface SignedSpan extends Span {
  sign: 1 | -1;
}

const at = (ms: number) => new Date(ms);

/**
 * The whole units of `unit` ms (UTC hours or days) inside [from, to) — an empty span when there is
 * none — and the partial units at its ends.
 */
export function cutRange(from: Date, to: Date, unit: number): { whole: Span; edges: Span[] } {
  const first = Math.ceil(from.getTime() / unit) * unit;
  const last = Math.floor(to.getTime() / unit) * unit;
  if (first > last) return { whole: { from: at(first), to: at(first) }, edges: [{ from, to }] };
  const edges = [
    { from, to: at(first) },
    { from: at(last), to },
  ].filter((span) => span.from < span.to);
  return { whole: { from: at(first), to: at(last) }, edges };
}

/**
 * The range as days of the daily rollups (`days`, UTC midnights) plus or minus the mentions of
 * some spans. A partial day at an end is counted from its own mentions, or as the whole day less
 * the mentions of the rest of it — whichever has fewer to read, judged by its hours before `now`
 * (nothing is sent after it): "the last 7 days" ending now reads today as its rollup.
 */
export function dayParts(from: Date, to: Date, now: Date): { days: Span; mentions: SignedSpan[] } {
  const past = (span: Span) => Math.max(0, Math.min(span.to.getTime(), now.getTime()) - span.from.getTime());
  const { whole, edges } = cutRange(from, to, DAY_MS);
  let first = whole.from.getTime();
  let last = whole.to.getTime();
  const mentions: SignedSpan[] = [];
  for (const part of edges) {
    const dayStart = Math.floor(part.from.getTime() / DAY_MS) * DAY_MS;
    const rest = [
      { from: at(dayStart), to: part.from },
      { from: part.to, to: at(dayStart + DAY_MS) },
    ].filter((span) => span.from < span.to);
    if (past(part) <= rest.reduce((sum, span) => sum + past(span), 0)) {
      mentions.push({ ...part, sign: 1 });
      continue;
    }
    mentions.push(...rest.map((span) => ({ ...span, sign: -1 as const })));
    // The whole days and the edge days taken whole are one run of days: the edges touch the whole days.
    [first, last] = [Math.min(first, dayStart), Math.max(last, dayStart + DAY_MS)];
  }
  return { days: { from: at(first), to: at(last) }, mentions };
}
