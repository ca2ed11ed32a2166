/**
 * Pages of a search ranked by relevance, read with a keyset on (rank, id) like a sorted list's. The
 * rank is a `real` the statement computes; the cursor carries that real's exact value and the next
 * statement compares it as a real, so the row a page ended on is neither read again nor skipped
 * (compared as the double the driver reads, it could round either way). Ties go by id.
 */
import type { Queryable } from '../../platform/db/db.js';
import type { RankedPosition } from './list-cursor.js';
import { inSearchMode, searchWithFallback, type SearchMode } from './search-text.js';

/** A row of a ranked statement: the rank is selected beside it as `"searchRank"`. */
export interface Ranked {
  id: string;
  searchRank: number;
}

/** A page of a ranked search and where the next one starts; null at the end. */
export interface RankedPage<Row> {
  rows: Row[];
  next: RankedPosition | null;
}

/**
 * The rows after `after` in the order `rank DESC, id` (ids ascending: sorted descending they took
 * the first page of a broad search 10% longer); pushes its values to `params`. Negated, the rank
 * orders as the ids do, so one row comparison holds both, and a real's negation is exact.
 */
export function afterRank(rank: string, id: string, after: RankedPosition, params: unknown[]): string {
  params.push(after.rank, after.id);
  return `(-(${rank}), ${id}) > (-$${params.length - 1}::real, $${params.length}::uuid)`;
}

/** The page of `rows`, read `limit + 1` to tell whether more follow, in `mode`. */
export function rankedPage<Row extends Ranked>(rows: Row[], limit: number, mode: SearchMode): RankedPage<Row> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  if (rows.length <= limit || !last) return { rows: page, next: null };
  // The driver reads the real as the double nearest its shortest decimal; fround gives the real back exactly.
  return { rows: page, next: { rank: Math.fround(last.searchRank), id: last.id, mode } };
}

/**
 * A page of a ranked search after `after`: the first page decides how the search selects
 * (searchWithFallback); every later page keeps the mode its cursor carries, whatever its own rows hold.
 */
export function rankedSearchPage<Row extends Ranked>(
  db: Queryable,
  after: RankedPosition | null,
  read: (mode: SearchMode, db: Queryable) => Promise<RankedPage<Row>>,
): Promise<RankedPage<Row>> {
  if (after) return inSearchMode(db, after.mode, (tx) => read(after.mode, tx));
  return searchWithFallback(db, read, (page) => page.rows.length > 0);
}
