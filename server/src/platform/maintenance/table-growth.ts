/**
 * Which table a stand-in for autovacuum should vacuum next. PostgreSQL's `relpages` is the size a
 * table had at its last VACUUM or ANALYZE; a table much larger now has new rows the planner has
 * never seen, dead row versions nobody reclaims and GIN entries still pending. PGlite's own
 * activity counters stay at zero (it never reports them), so growth is the signal both engines give.
 */
export interface TableSize {
  table: string;
  /** Pages at the last VACUUM or ANALYZE (0 when never). */
  pagesThen: number;
  pagesNow: number;
}

/** Small tables are left alone, as autovacuum's base thresholds leave them. */
const MIN_PAGES = 16;
/** Autovacuum's default scale factor for vacuums: a fifth more than last time. */
const GROWTH = 0.2;

/** The table that grew most past the threshold, or none. One per run keeps each pause short. */
export function mostGrownTable(sizes: readonly TableSize[]): string | null {
  let chosen: TableSize | null = null;
  for (const size of sizes) {
    if (size.pagesNow < MIN_PAGES || size.pagesNow <= size.pagesThen * (1 + GROWTH)) continue;
    if (!chosen || size.pagesNow - size.pagesThen > chosen.pagesNow - chosen.pagesThen) chosen = size;
  }
  return chosen?.table ?? null;
}
