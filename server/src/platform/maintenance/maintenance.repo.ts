/** SQL of database upkeep: table sizes, vacuums and the pruning of finished jobs and old idempotency keys. */
import type { Db, Queryable } from '../db/db.js';
import { ident } from '../db/db.js';
import type { TableSize } from './table-growth.js';

/** Whether the server vacuums and analyses tables itself (PGlite has no autovacuum at all). */
export async function hasAutovacuum(db: Db): Promise<boolean> {
  if (db.kind === 'pglite') return false;
  const { rows } = await db.query<{ on: boolean }>(`SELECT current_setting('autovacuum') = 'on' AS on`);
  return rows[0]?.on ?? false;
}

export async function tableSizes(db: Queryable): Promise<TableSize[]> {
  const { rows } = await db.query<TableSize>(
    `SELECT c.relname AS "table", c.relpages AS "pagesThen",
            (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS "pagesNow"
       FROM pg_class c
      WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND c.relname ~ '^[a-z_][a-z0-9_]*$'`,
  );
  return rows;
}

/** VACUUM (ANALYZE) cannot run inside a transaction: this runs on the database itself. */
export async function vacuumTable(db: Db, table: string): Promise<void> {
  await db.exec(`VACUUM (ANALYZE) ${ident(table)}`);
}

/** Deletes up to `limit` jobs that finished before `before` (done, or failed for good); returns how many. */
export async function deleteFinishedJobs(db: Queryable, before: { done: Date; failed: Date }, limit: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM jobs WHERE id IN (
       SELECT id FROM jobs
        WHERE (status = 'done' AND created_at < $1) OR (status = 'failed' AND created_at < $2)
        LIMIT $3)`,
    [before.done, before.failed, limit],
  );
  return rowCount;
}

/** Deletes up to `limit` idempotency keys stored before `before`, in every workspace; returns how many. */
export async function deleteIdempotencyKeys(db: Queryable, before: Date, limit: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys WHERE (workspace_id, user_id, key) IN (
       SELECT workspace_id, user_id, key FROM idempotency_keys WHERE created_at < $1 LIMIT $2)`,
    [before, limit],
  );
  return rowCount;
}
