/**
 * Turns the server's tokens, error and warnings for a query into the runs of text the query editor
 * paints behind its textarea. The runs always spell the current text exactly, even when the tokens
 * come from an older version of it (the check lags typing), so the caret never drifts from the paint.
 */
import type { QueryProblem, QueryToken } from './types';

export type SegmentProblem = 'error' | 'warning' | null;

export interface HighlightSegment {
  start: number;
  end: number;
  text: string;
  /** The token kind (term, operator, phrase…), or `plain` where no token covers the text. */
  kind: string;
  problem: SegmentProblem;
}

interface Span {
  start: number;
  end: number;
}

/** A problem at the very end of the text (a missing closing bracket) has nothing to underline: it gets a marker. */
const END_MARKER = '\u00a0';

function spanOf(problem: QueryProblem, length: number): Span {
  const start = Math.max(0, Math.min(problem.position, length));
  return { start, end: Math.min(length, start + Math.max(1, problem.length)) };
}

const covers = (span: Span | null, at: number) => span !== null && span.start <= at && at < span.end;

export function highlightSegments(
  text: string,
  tokens: readonly QueryToken[],
  error?: QueryProblem | null,
  warnings: readonly QueryProblem[] = [],
): HighlightSegment[] {
  const length = text.length;
  const clamp = (at: number) => Math.max(0, Math.min(at, length));
  const painted = tokens
    .map((t) => ({ kind: t.kind, start: clamp(t.start), end: clamp(t.end) }))
    .filter((t) => t.start < t.end)
    .sort((a, b) => a.start - b.start);
  const errorSpan = error ? spanOf(error, length) : null;
  const warningSpans = warnings.map((w) => spanOf(w, length));

  const cuts = new Set([0, length]);
  for (const span of [...painted, ...warningSpans, ...(errorSpan ? [errorSpan] : [])]) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const segments: HighlightSegment[] = [];
  let token = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (token < painted.length && painted[token]!.end <= start) token++;
    const covering = painted[token] && painted[token]!.start <= start ? painted[token]!.kind : 'plain';
    const problem: SegmentProblem = covers(errorSpan, start) ? 'error' : warningSpans.some((w) => covers(w, start)) ? 'warning' : null;
    segments.push({ start, end, text: text.slice(start, end), kind: covering, problem });
  }
  if (error && error.position >= length) segments.push({ start: length, end: length, text: END_MARKER, kind: 'plain', problem: 'error' });
  return segments;
}
