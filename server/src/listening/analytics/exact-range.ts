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

/** Spans in time order with those that touch joined: fewer index ranges to read. */
function joined(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && last.to.getTime() >= span.from.getTime()) last.to = at(Math.max(last.to.getTime(), span.to.getTime()));
    else out.push({ ...span });
  }
  return out;
}

/**
 * The range as whole UTC days of the daily rollups (`days`), whole UTC hours of the hourly ones
 * (`hours`, the rest of the partial days at its ends), and plus or minus the mentions of some spans.
 * A partial hour at an end is counted from its own mentions, or as the whole hour less the mentions
 * of the rest of it — whichever has fewer to read, judged by its minutes before `now` (nothing is
 * sent after it): "the last 24 hours" ending now reads the current hour as its rollup. So at most
 * half an hour of mentions is read at each end, and none when the range starts and ends on hours.
 */
export function rangeParts(from: Date, to: Date, now: Date): { days: Span; hours: Span[]; mentions: SignedSpan[] } {
  const past = (span: Span) => Math.max(0, Math.min(span.to.getTime(), now.getTime()) - span.from.getTime());
  const { whole: days, edges } = cutRange(from, to, DAY_MS);
  const hours: Span[] = [];
  const mentions: SignedSpan[] = [];
  for (const edge of edges) {
    const cut = cutRange(edge.from, edge.to, HOUR_MS);
    if (cut.whole.from < cut.whole.to) hours.push(cut.whole);
    for (const part of cut.edges) {
      const hourStart = Math.floor(part.from.getTime() / HOUR_MS) * HOUR_MS;
      const rest = [
        { from: at(hourStart), to: part.from },
        { from: part.to, to: at(hourStart + HOUR_MS) },
      ].filter((span) => span.from < span.to);
      if (past(part) <= rest.reduce((sum, span) => sum + past(span), 0)) {
        mentions.push({ ...part, sign: 1 });
        continue;
      }
      hours.push({ from: at(hourStart), to: at(hourStart + HOUR_MS) });
      mentions.push(...rest.map((span) => ({ ...span, sign: -1 as const })));
    }
  }
  return { days, hours: joined(hours), mentions };
}
