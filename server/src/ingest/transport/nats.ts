/**
 * The NATS JetStream transport, used when NATS_URL is set: `submit` publishes batches to a durable
 * work-queue stream and resolves once JetStream has stored them; `rapport worker` processes consume
 * the stream and acknowledge a batch only after its transaction commits. A worker that dies before
 * acknowledging leaves the batch to be redelivered to another, and deduplication makes the second
 * delivery change nothing, so no batch is lost or doubled.
 */
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type JsMsg } from '@nats-io/jetstream';
import type { Db } from '../../platform/db/db.js';
import { RapportError } from '../../platform/http/errors.js';
import { trackedPipeline } from './tracked-pipeline.js';
import type { IngestBatch, IngestPipeline, IngestReport } from '../ingest.contract.js';
import { ingestBatch, type IngestOptions } from '../pipeline/ingest-batch.js';
import { createBatchRunner } from './batch-runner.js';
import { addReports, DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, emptyReport, splitBatch } from './in-process.js';
import { DEFAULT_STREAM } from './stream-name.js';

const CONSUMER = 'rapport-ingest-workers';
/** Room left under the server's max_payload for headers and framing. */
const PAYLOAD_HEADROOM = 8 * 1024;

export interface NatsOptions {
  url: string;
  stream?: string;
  /** How long a worker may hold a batch before JetStream hands it to another. */
  ackWaitMs?: number;
}

const subjectOf = (stream: string) => `${stream.toLowerCase()}.batch`;

async function ensureStream(nc: NatsConnection, stream: string, ackWaitMs: number): Promise<void> {
  const jsm = await jetstreamManager(nc);
  await jsm.streams
    .info(stream)
    .catch(() =>
      jsm.streams.add({ name: stream, subjects: [subjectOf(stream)], retention: RetentionPolicy.Workqueue, storage: StorageType.File }),
    );
  await jsm.consumers.info(stream, CONSUMER).catch(() =>
    jsm.consumers.add(stream, {
      durable_name: CONSUMER,
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(ackWaitMs),
      max_ack_pending: 1_000,
    }),
  );
}

const DATE_FIELDS = new Set(['sentAt', 'receivedAt', 'deletedAt']);

export function encodeBatch(batch: IngestBatch): string {
  return JSON.stringify(batch);
}

export function decodeBatch(data: string): IngestBatch {
  return JSON.parse(data, (key, value: unknown) =>
    DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
  ) as IngestBatch;
}

/** Halves a part until it fits in one NATS message; a single message too large for any is returned apart. */
function fit(batch: IngestBatch, limit: number): { fitting: string[]; oversized: IngestBatch[] } {
  const encoded = encodeBatch(batch);
  if (Buffer.byteLength(encoded) <= limit) return { fitting: [encoded], oversized: [] };
  if (batch.messages.length <= 1) return { fitting: [], oversized: [batch] };
  const half = Math.ceil(batch.messages.length / 2);
  const a = fit({ ...batch, messages: batch.messages.slice(0, half) }, limit);
  const b = fit({ source: batch.source, messages: batch.messages.slice(half) }, limit);
  return { fitting: [...a.fitting, ...b.fitting], oversized: [...a.oversized, ...b.oversized] };
}

/**
 * Parser rejections are dead-lettered at once, here, because their evidence is the raw file, which
 * is too large to queue; a message too large for any NATS message is ingested here too. Everything
 * else is queued, so the report counts those messages as received only.
 */
export async function createNatsPipeline(db: Db, options: NatsOptions & IngestOptions): Promise<IngestPipeline> {
  const stream = options.stream ?? DEFAULT_STREAM;
  const nc = await connect({ servers: options.url, name: 'rapport-ingest-publisher' });
  await ensureStream(nc, stream, options.ackWaitMs ?? 60_000);
  const js = jetstream(nc);
  const limit = nc.info!.max_payload - PAYLOAD_HEADROOM;

  async function publishAll(batch: IngestBatch): Promise<IngestReport> {
    const { rejected, payload, ...queued } = batch;
    let report = emptyReport();
    if (rejected?.length) report = await ingestBatch(db, { source: batch.source, messages: [], rejected, payload }, options);
    const { parts, deletions } = splitBatch(queued, DEFAULT_BATCH_SIZE);
    for (const part of [...parts, ...(deletions ? [deletions] : [])]) {
      if (part.messages.length === 0 && !part.profiles?.length && !part.deletions?.length) continue;
      const { fitting, oversized } = fit(part, limit);
      for (const data of fitting) await js.publish(subjectOf(stream), data);
      for (const alone of oversized) report = addReports(report, await ingestBatch(db, alone, options));
      report = addReports(report, { ...emptyReport(), received: part.messages.length - oversized.length });
    }
    return report;
  }

  return trackedPipeline(publishAll, async () => void (await nc.drain()));
}

export interface IngestWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Finishes the batch in hand, acknowledges it, and stops. */
  stop(): Promise<void>;
  /** Drops the connection at once, acknowledging nothing more: what a killed process does. */
  crash(): Promise<void>;
}

export interface WorkerOptions extends NatsOptions, IngestOptions {
  /**
   * Batches in hand at once (default `DEFAULT_CONCURRENCY`, as in process). More than one overlaps a
   * batch's acknowledgement and the next fetch with another batch's transaction; it pays where
   * batches share few new authors (see `DEFAULT_CONCURRENCY`).
   */
  concurrency?: number;
  onCommitted?: (report: IngestReport) => void;
  onError?: (error: unknown) => void;
}

/**
 * Consumes batches a bounded number at a time; each is ingested, committed, then acknowledged, so
 * a batch in hand when the worker dies is redelivered, and deduplication makes that harmless.
 */
export async function startIngestWorker(db: Db, options: WorkerOptions): Promise<IngestWorker> {
  const stream = options.stream ?? DEFAULT_STREAM;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const nc = await connect({ servers: options.url, name: 'rapport-ingest-worker' });
  await ensureStream(nc, stream, options.ackWaitMs ?? 60_000);
  const consumer = await jetstream(nc).consumers.get(stream, CONSUMER);
  // Pulls no more than it can start soon, so batches do not sit in this process while their ack time runs out.
  const messages = await consumer.consume({ max_messages: 2 * concurrency + 1 });
  // As in process: the next batch is read while one commits, and the tables keep their statistics.
  const runner = createBatchRunner(db, concurrency, DEFAULT_BATCH_SIZE);

  async function handle(message: JsMsg): Promise<void> {
    let batch: IngestBatch;
    try {
      batch = decodeBatch(message.string());
    } catch (error) {
      options.onError?.(error);
      message.term('not a batch');
      return;
    }
    try {
      const report = await runner.run(batch, options);
      await message.ackAck();
      options.onCommitted?.(report);
    } catch (error) {
      options.onError?.(error);
      if (nc.isClosed()) return;
      // A batch the pipeline refuses (its channel is gone) fails the same way every time; anything else may pass later.
      if (error instanceof RapportError) message.term(error.message);
      else message.nak(5_000);
    }
  }

  const inHand = new Set<Promise<void>>();
  const done = (async () => {
    for await (const message of messages) {
      // One more batch per committing one is read ahead.
      if (inHand.size >= 2 * concurrency) await Promise.race(inHand);
      const handled: Promise<void> = handle(message)
        .catch((error: unknown) => options.onError?.(error))
        .finally(() => inHand.delete(handled));
      inHand.add(handled);
    }
    await Promise.all(inHand);
  })();

  return {
    done,
    async stop() {
      await messages.close();
      await done;
      await runner.settled();
      await nc.drain();
    },
    async crash() {
      await nc.close();
      await done.catch(() => undefined);
    },
  };
}
