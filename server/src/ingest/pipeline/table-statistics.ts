/**
 * Keeps the planner's statistics of the tables the pipeline fills up to date. PostgreSQL plans by
 * statistics and caches per connection the plans of foreign-key checks: a table that grew from
 * nothing keeps its "empty table, scan it" plans until it is analysed, and every inserted message
 * then scans all conversations. Autovacuum analyses on a server in time only if it is on and
 * awake; PGlite has none. So the pipeline analyses the tables whenever they have doubled since
 * the last time (and at the first few thousand rows): a few analyses in a table's life, each a
 * sample, never a blocking lock for writers.
 */
import type { Db } from '../../platform/db/db.js';

// Contacts and their match keys too: matching on arrival adds a contact for every new e-mail sender.
// Its links and review pairs as well, which the pipeline fills and nothing else analyses on PGlite:
// a reviewer's link settles the identity's open pairs, and its plan, cached while the pair table was
// near empty, scanned it whole for good (measured when arrivals' links settled pairs too: on PGlite
// 4.7 -> 7.7 ms at the median over 6,000 arrivals; 3.7 with the tables analysed).
const TABLES = 'social_identities, conversations, messages, contacts, contact_match_keys, identity_links, duplicate_candidates';

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
      running = db
        .exec(`ANALYZE ${TABLES}`)
        .catch(() => undefined)
        .finally(() => (running = null));
    },
    settled: () => running ?? Promise.resolve(),
  };
}
