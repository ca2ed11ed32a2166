/**
 * Top hashtags, entities, keywords and authors over any range without summing every (query, day,
 * term) row of it — at 5M mentions that was 360,000 to 1,600,000 rows per 30 days, and ~200,000
 * distinct authors. A threshold algorithm over ranked lists:
 *
 * 1. read the `depth` most counted terms of each monthly list the range touches (per query of the
 *    scope, or every query's list when the scope is the whole workspace);
 * 2. count each term read exactly over the range, from the daily term rollups;
 * 3. a term not read is at most the last count read in each list that was cut, summed over the
 *    lists (its range count is at most its monthly counts). If the last term shown beats that
 *    bound, the answer is exact, ties included; otherwise read deeper.
 *
 * After `MAX_DEPTH` the answer is marked approximate: the counts shown are still exact, but a term
 * not shown may have up to `unseenAtMost` mentions. A range's partial hours are counted from their
 * mentions (see exact-range.ts), once per answer, and added to the days' and hours' counts of step 2.
 */
import type { Queryable } from '../../platform/db/db.js';
import { understoodTerms, type UnderstoodTermKind } from '../mentions/mention-facts.js';
import * as repo from './analytics.repo.js';
import { rangeParts, type SignedSpan } from './exact-range.js';

const MAX_DEPTH = 1_000;
const FIRST_DEPTH_PER_ROW = 4;

export interface TopTerms {
  rows: { term: string; mentions: number }[];
  exact: boolean;
  /** The most mentions a term not shown can have; 0 when every term was read. */
  unseenAtMost: number;
}

/** The first day of every UTC month from `from`'s to the last instant before `to`. */
export function monthsOf(from: Date, to: Date): string[] {
  const last = new Date(to.getTime() - 1);
  const months: string[] = [];
  for (let y = from.getUTCFullYear(), m = from.getUTCMonth(); y * 12 + m <= last.getUTCFullYear() * 12 + last.getUTCMonth(); m++) {
    months.push(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10));
  }
  return months;
}

/** The bound on terms not read: lists cut at `depth` contribute their last count, exhausted lists nothing. */
export function unseenBound(ranked: readonly repo.RankedTerm[], depth: number): number {
  const lists = new Map<string, { read: number; last: number }>();
  for (const r of ranked) {
    const key = `${r.queryId ?? '*'}|${r.month}`;
    const list = lists.get(key) ?? { read: 0, last: Infinity };
    list.read += 1;
    list.last = Math.min(list.last, r.mentions);
    lists.set(key, list);
  }
  let bound = 0;
  for (const list of lists.values()) if (list.read >= depth) bound += list.last;
  return bound;
}

const byCount = (a: { term: string; mentions: number }, b: { term: string; mentions: number }) =>
  b.mentions - a.mentions || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * The terms of `kind` of the mentions sent in the spans, each counted with its span's sign: the
 * terms the rollups counted for them (understoodTerms), an author's from the mention alone.
 */
async function termsInSpans(
  db: Queryable,
  workspaceId: string,
  queryIds: readonly string[] | null,
  kind: UnderstoodTermKind | 'author',
  spans: readonly SignedSpan[],
): Promise<Map<string, number>> {
  if (kind === 'author') return new Map((await repo.authorsInSpans(db, workspaceId, queryIds, spans)).map((r) => [r.term, r.mentions]));
  const counts = new Map<string, number>();
  for (const { sign, sources } of await repo.termSourcesInSpans(db, workspaceId, queryIds, spans, kind)) {
    for (const term of understoodTerms(sources, kind)) counts.set(term, (counts.get(term) ?? 0) + sign);
  }
  return counts;
}

export async function topTerms(db: Queryable, scope: repo.Scope, kind: UnderstoodTermKind | 'author', limit: number): Promise<TopTerms> {
  const queryIds = scope.queryId ? [scope.queryId] : scope.kind ? await repo.queryIdsOfKind(db, scope.workspaceId, scope.kind) : null;
  if (queryIds?.length === 0) return { rows: [], exact: true, unseenAtMost: 0 };
  const months = monthsOf(scope.from, scope.to);
  const parts = rangeParts(scope.from, scope.to, scope.now);
  const read = async (depth: number) => {
    const ranked = await repo.rankedTerms(db, scope.workspaceId, kind, queryIds, months, depth);
    const candidates = [...new Set(ranked.map((r) => r.term))];
    const inRollups = await repo.termCounts(db, scope.workspaceId, queryIds, kind, candidates, parts);
    return { ranked, candidates, inRollups: new Map(inRollups.map((r) => [r.term, r.mentions])) };
  };
  let depth = limit * FIRST_DEPTH_PER_ROW;
  // The partial hours' mentions are read beside the first lists: on PostgreSQL the two run at once.
  const [inPartialHours, first] = await Promise.all([termsInSpans(db, scope.workspaceId, queryIds, kind, parts.mentions), read(depth)]);
  for (let lists = first; ; lists = await read(depth)) {
    const counted = lists.candidates
      .map((term) => ({ term, mentions: (lists.inRollups.get(term) ?? 0) + (inPartialHours.get(term) ?? 0) }))
      .filter((r) => r.mentions > 0)
      .sort(byCount);
    const rows = counted.slice(0, limit);
    const bound = unseenBound(lists.ranked, depth);
    const exact = bound === 0 || (rows.length === limit && rows[limit - 1]!.mentions > bound);
    if (exact || depth >= MAX_DEPTH) return { rows, exact, unseenAtMost: bound };
    depth = Math.min(depth * 4, MAX_DEPTH);
  }
}
