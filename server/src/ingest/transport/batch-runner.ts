/**
 * How a transport runs its batches: each is read (checked, enriched, its new authors stored) while
 * the batch ahead commits, `concurrency` batches commit at once, and the tables the commits fill
 * keep their planner statistics. Reading is mostly CPU and committing mostly database work, so a
 * batch read ahead costs the commit ahead little and saves its own reading time.
 *
 * Small batches waiting for their turn are read and committed as one (`mergeWaiting`): a batch
 * costs a transaction and a dozen statements whatever its size, so a stream of small ones (a
 * webhook per message, a poll every 100 ms) spent most of the database's time on that. Each
 * submission still gets its own report, and a merged batch that fails is run again submission by
 * submission, so one submission's failure is never another's.
 */
import type { Db } from '../../platform/db/db.js';
import type { IngestBatch, IngestReport, IngestSource } from '../ingest.contract.js';
import { commitBatchOutcome, readBatch, type CommitOutcome, type IngestOptions } from '../pipeline/ingest-batch.js';
import { keyOf } from '../pipeline/threading.js';
import { keepTableStatistics } from '../pipeline/table-statistics.js';
import { messageProblem } from '../../channels/index.js';

export interface BatchRunner {
  /** Resolves once the batch is committed. */
  run(batch: IngestBatch, options: IngestOptions): Promise<IngestReport>;
  /** Resolves when a running statistics pass is done. */
  settled(): Promise<void>;
}

interface Submission {
  batch: IngestBatch;
  options: IngestOptions;
  /** Run on its own: it failed in a merged batch. */
  alone?: boolean;
  resolve: (report: IngestReport) => void;
  reject: (error: unknown) => void;
}

/** `batchSize`: messages in a batch made of waiting submissions, at most (the size the transport cuts batches to). */
export function createBatchRunner(db: Db, concurrency: number, batchSize: number): BatchRunner {
  const waiting: Submission[] = [];
  let reading = 0;
  const committing = createSlots(concurrency);
  const statistics = keepTableStatistics(db);

  /** Reads and commits `batch` for the options given, with what became of each message. */
  async function readAndCommit(batch: IngestBatch, options: IngestOptions, readDone: () => void): Promise<CommitOutcome> {
    let read;
    try {
      read = await readBatch(db, batch, options);
      await committing.take();
    } finally {
      readDone();
    }
    try {
      const outcome = await commitBatchOutcome(db, read, options);
      statistics.added(outcome.report.ingested);
      return outcome;
    } finally {
      committing.give();
    }
  }

  async function runGroup(group: Submission[]): Promise<void> {
    let released = false;
    const readDone = () => {
      if (released) return;
      released = true;
      reading--;
      pump();
    };
    const first = group[0]!;
    if (group.length === 1) {
      await readAndCommit(first.batch, first.options, readDone).then((outcome) => first.resolve(outcome.report), first.reject);
      return;
    }
    try {
      const merged: IngestBatch = { source: first.batch.source, messages: group.flatMap((s) => s.batch.messages) };
      const outcome = await readAndCommit(merged, first.options, readDone);
      const reports = reportsOf(
        group.map((s) => s.batch),
        outcome,
      );
      group.forEach((submission, i) => submission.resolve(reports[i]!));
    } catch {
      // Each again on its own, first in line, so that a failure is its submission's alone.
      waiting.unshift(...group.map((submission) => ({ ...submission, alone: true })));
      readDone();
      pump();
    }
  }

  function pump(): void {
    while (reading < concurrency && waiting.length) {
      reading++;
      void runGroup(mergeWaiting(waiting, batchSize));
    }
  }

  return {
    run(batch, options) {
      return new Promise((resolve, reject) => {
        waiting.push({ batch, options, resolve, reject });
        pump();
      });
    },
    settled: () => statistics.settled(),
  };
}

function sameSource(a: IngestSource, b: IngestSource): boolean {
  return (
    a.workspaceId === b.workspaceId &&
    a.channelId === b.channelId &&
    a.kind === b.kind &&
    a.format === b.format &&
    a.purpose === b.purpose &&
    a.history === b.history
  );
}

/** Only messages: parser rejections keep their own payload on their dead letters, profiles and deletions their order. */
function messagesOnly(batch: IngestBatch): boolean {
  return !batch.rejected?.length && !batch.profiles?.length && !batch.deletions?.length;
}

/**
 * Takes the first waiting submission off `waiting`, with those after it that can join it: the
 * same source, messages only, up to `batchSize` messages in all. Others keep their place.
 */
export function mergeWaiting<T extends { batch: IngestBatch; alone?: boolean }>(waiting: T[], batchSize: number): T[] {
  const first = waiting.shift()!;
  const joins = (next: T) => !next.alone && messagesOnly(next.batch);
  if (!joins(first)) return [first];
  const group = [first];
  let size = first.batch.messages.length;
  for (let i = 0; i < waiting.length && size < batchSize;) {
    const next = waiting[i]!;
    if (!sameSource(next.batch.source, first.batch.source)) i++;
    // One that cannot join ends the group: the source's submissions stay in the order they came.
    else if (!joins(next) || size + next.batch.messages.length > batchSize) break;
    else {
      group.push(next);
      size += next.batch.messages.length;
      waiting.splice(i, 1);
    }
  }
  return group;
}

/**
 * Each submission's report from a merged batch's outcome, as if they had been committed one after
 * another in order: a message stored counts for the first submission holding it, a repeat in a
 * later one is a duplicate, an invalid message is rejected where it came.
 */
export function reportsOf(batches: readonly IngestBatch[], outcome: CommitOutcome): IngestReport[] {
  const counted = new Set<string>();
  return batches.map((batch) => {
    const report: IngestReport = {
      received: batch.messages.length,
      ingested: 0,
      duplicates: 0,
      rejected: 0,
      conversationsCreated: 0,
      deleted: 0,
    };
    for (const message of batch.messages) {
      if (messageProblem(message)) {
        report.rejected++;
        continue;
      }
      const key = keyOf(message.channel, message.externalId);
      if (counted.has(key)) {
        report.duplicates++;
        continue;
      }
      counted.add(key);
      if (outcome.stored.has(key)) report.ingested++;
      else report.duplicates++;
      if (outcome.startedConversations.has(key)) report.conversationsCreated++;
    }
    return report;
  });
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
