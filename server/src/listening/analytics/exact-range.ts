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
 * The range as whole units of `unit` ms (UTC hours or days) of a rollup, plus or minus the
 * mentions of some spans. A partial unit at an end is counted from its own mentions, or as the
 * whole unit less the mentions of the rest of it — whichever has fewer to read, judged by its time
 * before `now` (nothing is sent after it): "the last 24 hours" ending now reads the current hour as
 * its rollup. So at most half a unit of mentions is read at each end.
 */
export function unitParts(from: Date, to: Date, now: Date, unit: number): { whole: Span; mentions: SignedSpan[] } {
  const past = (span: Span) => Math.max(0, Math.min(span.to.getTime(), now.getTime()) - span.from.getTime());
  const { whole, edges } = cutRange(from, to, unit);
  let first = whole.from.getTime();
  let last = whole.to.getTime();
  const mentions: SignedSpan[] = [];
  for (const part of edges) {
    const unitStart = Math.floor(part.from.getTime() / unit) * unit;
    const rest = [
      { from: at(unitStart), to: part.from },
      { from: part.to, to: at(unitStart + unit) },
    ].filter((span) => span.from < span.to);
    if (past(part) <= rest.reduce((sum, span) => sum + past(span), 0)) {
      mentions.push({ ...part, sign: 1 });
      continue;
    }
    mentions.push(...rest.map((span) => ({ ...span, sign: -1 as const })));
    // The whole units and the edge units taken whole are one run: the edges touch the whole units.
    [first, last] = [Math.min(first, unitStart), Math.max(last, unitStart + unit)];
  }
  return { whole: { from: at(first), to: at(last) }, mentions };
}

/**
 * The range as whole UTC days of the daily rollups (`days`), whole UTC hours of the hourly ones
 * (`hours`: the partial days at its ends, see unitParts), and plus or minus the mentions of some
 * spans: at most half an hour of mentions at each end, and none when the range starts and ends on
 * whole hours. A range ending now counts today as its daily rollup less what is sent after now
 * (nothing, unless a clock is ahead): read as hours, today was up to 23 hours of every query's
 * hourly rows (14,000 rows of a breakdown at 5,000,000 mentions).
 */
export function rangeParts(from: Date, to: Date, now: Date): { days: Span; hours: Span[]; mentions: SignedSpan[] } {
  const { whole, edges } = cutRange(from, to, DAY_MS);
  let days = whole;
  const hours: Span[] = [];
  const mentions: SignedSpan[] = [];
  for (const edge of edges) {
    const dayStart = Math.floor(edge.from.getTime() / DAY_MS) * DAY_MS;
    if (edge.from.getTime() === dayStart && edge.to >= now) {
      const dayEnd = at(dayStart + DAY_MS);
      days = { from: days.from < days.to ? days.from : at(dayStart), to: dayEnd };
      mentions.push({ from: edge.to, to: dayEnd, sign: -1 });
      continue;
    }
    const part = unitParts(edge.from, edge.to, now, HOUR_MS);
    mentions.push(...part.mentions);
    if (part.whole.from >= part.whole.to) continue;
    // The two ends' hours meet at a midnight when the range holds no whole day: one span to read.
    const before = hours.at(-1);
    if (before && before.to.getTime() === part.whole.from.getTime()) before.to = part.whole.to;
    else hours.push(part.whole);
  }
  return { days, hours, mentions };
}
