/**
 * How a transport runs its batches: each is read (checked, enriched, its new authors stored) while
 * the batch ahead commits, `concurrency` batches commit at once, and the tables the commits fill
 * keep their planner statistics. Reading is mostly CPU and committing mostly database work, so a
 * batch read ahead costs the commit ahead little and saves its own reading time.
 */
import type { Db } from '../../platform/db/db.js';
import type { IngestBatch, IngestReport } from '../ingest.contract.js';
import { commitBatch, readBatch, type IngestOptions } from '../pipeline/ingest-batch.js';
import { keepTableStatistics } from '../pipeline/table-statistics.js';

export interface BatchRunner {
  /** Resolves once the batch is committed. */
  run(batch: IngestBatch, options: IngestOptions): Promise<IngestReport>;
  /** Resolves when a running statistics pass is done. */
  settled(): Promise<void>;
}

export function createBatchRunner(db: Db, concurrency: number): BatchRunner {
  const reading = createSlots(concurrency);
  const committing = createSlots(concurrency);
  const statistics = keepTableStatistics(db);
  return {
    async run(batch, options) {
      await reading.take();
      let read;
      try {
        read = await readBatch(db, batch, options);
        await committing.take();
      } finally {
        reading.give();
      }
      try {
        const report = await commitBatch(db, read, options);
        statistics.added(report.ingested);
        return report;
      } finally {
        committing.give();
      }
    },
    settled: () => statistics.settled(),
  };
}

/** Slots handed out first come, first served; a given-back slot goes straight to the longest waiter. */
function createSlots(count: number) {
  let taken = 0;
  const waiting: (() => void)[] = [];
  return {
    async take(): Promise<void> {
      if (taken < count) {
        taken++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    give(): void {
      const next = waiting.shift();
      if (next) next();
      else taken--;
    },
  };
}
