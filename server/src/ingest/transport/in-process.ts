/**
 * The in-process transport: batches go straight into the pipeline, a bounded number at a time. A
 * submission waits for a free slot (back-pressure: a fast producer slows to the database's pace
 * instead of piling batches up in memory) and resolves only once every part of it is committed.
 * The next batch is read while one commits (`createBatchRunner`).
 */
import type { Db } from '../../platform/db/db.js';
import { trackedPipeline } from './tracked-pipeline.js';
import type { IngestBatch, IngestPipeline, IngestReport } from '../ingest.contract.js';
import type { IngestOptions } from '../pipeline/ingest-batch.js';
import { createBatchRunner } from './batch-runner.js';

export const DEFAULT_BATCH_SIZE = 1_000;

export interface InProcessOptions extends Omit<IngestOptions, 'enrichers' | 'steps'> {
  /** Batches committing at once; more than the connection pool can serve only queues. */
  concurrency?: number;
  /** Messages per transaction; larger submissions are split. */
  batchSize?: number;
  /** Read at every batch, so enrichers registered after the pipeline was made still run. */
  enrichers?: () => IngestOptions['enrichers'];
  /** Read at every batch, like the enrichers. */
  steps?: () => IngestOptions['steps'];
}

/**
 * Batches a NATS worker holds at once unless told otherwise: one. Two batches once waited for each
 * other's new authors and threads (414 msg/s at four against 783 at one, 6,000 messages, load 7);
 * since they hold back what another batch holds, two workers neither gain nor lose on two cores
 * (docs/benchmarks.md, session 29), and more than one batch per worker is not measured.
 */
export const DEFAULT_CONCURRENCY = 1;

/**
 * Batches committing at once in process unless told otherwise. PGlite has one connection: one. On
 * PostgreSQL two, so that one batch's statements run while the process reads and enriches for the
 * other: 2,439 and 2,485 msg/s against 2,127 and 2,131 at one, the same CPU per message, receipt →
 * visible p99 319-435 ms (30,000 messages, alternating, load 1.9-2.2, docs/benchmarks.md session 30).
 */
export function defaultInProcessConcurrency(db: Db): number {
  return db.kind === 'postgres' ? 2 : 1;
}

export function emptyReport(): IngestReport {
  return { received: 0, ingested: 0, duplicates: 0, rejected: 0, conversationsCreated: 0, deleted: 0 };
}

export function addReports(a: IngestReport, b: IngestReport): IngestReport {
  return {
    received: a.received + b.received,
    ingested: a.ingested + b.ingested,
    duplicates: a.duplicates + b.duplicates,
    rejected: a.rejected + b.rejected,
    conversationsCreated: a.conversationsCreated + b.conversationsCreated,
    deleted: (a.deleted ?? 0) + (b.deleted ?? 0),
  };
}

/**
 * Splits a submission into transactions of at most `size` messages. Rejections and profiles ride
 * with the first part; deletions come last, on their own, so they apply after every insert of the
 * submission has committed (a status and its deletion in one file end deleted).
 */
export function splitBatch(batch: IngestBatch, size: number): { parts: IngestBatch[]; deletions: IngestBatch | null } {
  const { deletions, ...rest } = batch;
  const parts: IngestBatch[] = [];
  for (let start = 0; start === 0 || start < batch.messages.length; start += size) {
    const messages = batch.messages.slice(start, start + size);
    parts.push(start === 0 ? { ...rest, messages } : { source: batch.source, messages, payload: batch.payload });
  }
  return { parts, deletions: deletions?.length ? { source: batch.source, messages: [], deletions } : null };
}

export function createInProcessPipeline(db: Db, options: InProcessOptions = {}): IngestPipeline {
  const concurrency = Math.max(1, options.concurrency ?? defaultInProcessConcurrency(db));
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const runner = createBatchRunner(db, concurrency, batchSize);

  function run(batch: IngestBatch): Promise<IngestReport> {
    return runner.run(batch, { ...options, enrichers: options.enrichers?.() ?? [], steps: options.steps?.() ?? [] });
  }

  async function submitAll(batch: IngestBatch): Promise<IngestReport> {
    const { parts, deletions } = splitBatch(batch, batchSize);
    const settled = await Promise.allSettled(parts.map(run));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    let report = settled.reduce((sum, s) => (s.status === 'fulfilled' ? addReports(sum, s.value) : sum), emptyReport());
    if (deletions) report = addReports(report, await run(deletions));
    return report;
  }

  return trackedPipeline(submitAll, () => runner.settled());
}
