/**
 * Upkeep of the database the server runs on: finished jobs are pruned (every job leaves a row,
 * and an import or an ingest queues one per contact it touches), so are idempotency keys past the
 * day a retry may come in, and where nothing vacuums —
 * PGlite, or a PostgreSQL with autovacuum off — the most grown table is vacuumed and analysed, so
 * plans keep up with the data, dead row versions are reclaimed and GIN pending lists merged.
 */
import type { Db } from '../db/db.js';
import type { Logger } from '../observability/logger.js';
import * as repo from './maintenance.repo.js';
import { mostGrownTable } from './table-growth.js';

const DAY_MS = 86_400_000;
/** Done jobs are kept a week, failed ones a month (their last error is the diagnosis). */
export const KEEP_DONE_JOBS_MS = 7 * DAY_MS;
export const KEEP_FAILED_JOBS_MS = 30 * DAY_MS;
/** A retry comes within minutes; a day leaves room for a client's own backoff (Stripe keeps keys as long). */
export const KEEP_IDEMPOTENCY_KEYS_MS = DAY_MS;
/** Rows deleted per statement, and per run at most: a backlog is worked off over several runs. */
const PRUNE_CHUNK = 5_000;
const PRUNE_PER_RUN = 50_000;

export interface MaintenanceReport {
  jobsPruned: number;
  idempotencyKeysPruned: number;
  vacuumed: string | null;
}

export async function runMaintenance(db: Db, now: Date, log: Logger): Promise<MaintenanceReport> {
  const before = { done: new Date(now.getTime() - KEEP_DONE_JOBS_MS), failed: new Date(now.getTime() - KEEP_FAILED_JOBS_MS) };
  let jobsPruned = 0;
  for (;;) {
    const deleted = await repo.deleteFinishedJobs(db, before, PRUNE_CHUNK);
    jobsPruned += deleted;
    if (deleted < PRUNE_CHUNK || jobsPruned >= PRUNE_PER_RUN) break;
  }
  const keysBefore = new Date(now.getTime() - KEEP_IDEMPOTENCY_KEYS_MS);
  let idempotencyKeysPruned = 0;
  for (;;) {
    const deleted = await repo.deleteIdempotencyKeys(db, keysBefore, PRUNE_CHUNK);
    idempotencyKeysPruned += deleted;
    if (deleted < PRUNE_CHUNK || idempotencyKeysPruned >= PRUNE_PER_RUN) break;
  }
  let vacuumed: string | null = null;
  if (!(await repo.hasAutovacuum(db))) {
    vacuumed = mostGrownTable(await repo.tableSizes(db));
    if (vacuumed) await repo.vacuumTable(db, vacuumed);
  }
  if (jobsPruned > 0 || idempotencyKeysPruned > 0 || vacuumed)
    log.info({ jobsPruned, idempotencyKeysPruned, vacuumed }, 'database maintenance');
  return { jobsPruned, idempotencyKeysPruned, vacuumed };
}
