/**
 * Keeps the planner's statistics of the tables the pipeline fills up to date. PostgreSQL plans by
 * statistics and caches per connection the plans of foreign-key checks: a table that grew from
 * nothing keeps its "empty table, scan it" plans until it is analysed, and every inserted message
 * then scans all conversations. Autovacuum analyses on a server in time only if it is on and
 * awake; PGlite has none. So the pipeline analyses the tables whenever they have doubled since
 * the last time (and at the first few thousand rows): a few analyses in a table's life, each a
 * sample, never a blocking lock for writers.
 *
 * On PGlite an analysis holds the one session everything else waits for: all seven tables in one
 * statement held it 1.1-1.5 s at 75,000 messages, and every request and batch waited behind it
 * (the ingest bench's latency tail). There each table is analysed in a turn of its own, as
 * background work, from a tenth of the sample (`default_statistics_target` 10: messages 58-78 ms
 * against 494-617); enough to leave the empty-table plans behind, and the maintenance job's
 * `VACUUM (ANALYZE)` gathers full statistics of the most grown table every ten minutes. On
 * PostgreSQL an analysis runs in a backend of its own and holds no one up: full samples.
 */
import { backgroundDb, type Db } from '../../platform/db/db.js';

// Contacts and their match keys too: matching on arrival adds a contact for every new e-mail sender.
// Its links and review pairs as well, which the pipeline fills and nothing else analyses on PGlite:
// a reviewer's link settles the identity's open pairs, and its plan, cached while the pair table was
// near empty, scanned it whole for good (measured when arrivals' links settled pairs too: on PGlite
// 4.7 -> 7.7 ms at the median over 6,000 arrivals; 3.7 with the tables analysed). And the mentions
// listening matches in the same batches: never analysed, the stream's filtered pages were planned
// as if a filter matched two mentions, and sorted all 20,000 it matched (95 ms at 100,000 against 2).
const TABLES = [
  'social_identities',
  'conversations',
  'messages',
  'contacts',
  'contact_match_keys',
  'identity_links',
  'duplicate_candidates',
  'mentions',
];

/** PGlite's sample size for the pipeline's analyses (PostgreSQL's default is 100). */
export const PGLITE_STATISTICS_TARGET = 10;

async function analyse(db: Db): Promise<void> {
  if (db.kind !== 'pglite') return db.exec(`ANALYZE ${TABLES.join(', ')}`);
  const background = backgroundDb(db);
  for (const table of TABLES) {
    await background.transaction(async (tx) => {
      await tx.query(`SET LOCAL default_statistics_target = ${PGLITE_STATISTICS_TARGET}`);
      await tx.query(`ANALYZE ${table}`);
    });
  }
}

export interface TableStatistics {
  /** Counts rows the pipeline added; analyses in the background when enough have been. */
  added(rows: number): void;
  /** Resolves when a running analysis is done. */
  settled(): Promise<void>;
}

export function keepTableStatistics(db: Db, firstAfterRows = 2_000): TableStatistics {
  let sinceLast = 0;
  let total = 0;
  let running: Promise<void> | null = null;
  return {
    added(rows) {
      sinceLast += rows;
      total += rows;
      if (running || sinceLast < Math.max(firstAfterRows, total - sinceLast)) return;
      sinceLast = 0;
      running = analyse(db)
        .catch(() => undefined)
        .finally(() => (running = null));
    },
    settled: () => running ?? Promise.resolve(),
  };
}
