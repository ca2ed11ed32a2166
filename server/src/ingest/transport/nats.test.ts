import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedMessage } from '../../channels/index.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildTestApp, buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { ingestPipeline } from '../app-pipeline.js';
import type { IngestBatch } from '../ingest.contract.js';
import { NATS_TEST_URL as NATS_URL, natsReachable } from '../testing/nats.js';
import { createNatsPipeline, decodeBatch, encodeBatch, startIngestWorker, type IngestWorker } from './nats.js';

const message = (i: number): NormalisedMessage => ({
  channel: 'bluesky',
  externalId: `at://did:plc:x/app.bsky.feed.post/${i}`,
  ...(i % 4 ? { inReplyToExternalId: `at://did:plc:x/app.bsky.feed.post/${i - (i % 4)}` } : {}),
  author: { externalId: `did:plc:${i % 50}`, handle: `u${i % 50}.bsky.social`, displayName: `U ${i % 50}` },
  text: `Post ${i}`,
  sentAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  receivedAt: new Date(Date.UTC(2026, 0, 2)),
  direction: 'in',
  isPrivate: false,
  attachments: [],
  raw: { format: 'jetstream', index: i, line: i + 1 },
});

describe('NATS batch encoding', () => {
  it('keeps dates as dates across the wire', () => {
    const batch: IngestBatch = {
      source: { workspaceId: 'w', channelId: null, kind: 'stream', format: 'jetstream' },
      messages: [message(1)],
      deletions: [
        { channel: 'bluesky', externalId: 'x', deletedAt: new Date('2026-01-03T00:00:00Z'), raw: { format: 'jetstream', index: 2 } },
      ],
    };
    expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
  });
});

describe("the app's pipeline with NATS_URL set", () => {
  it('goes through NATS when NATS_URL is set, and connects again after a failure', async () => {
    const built = await buildTestApp({ NATS_URL: 'nats://127.0.0.1:1' });
    const pipeline = ingestPipeline(built.deps);
    const batch: IngestBatch = { source: { workspaceId: 'w', channelId: null, kind: 'stream' }, messages: [message(1)] };
    await expect(pipeline.submit(batch)).rejects.toThrow(/ECONNREFUSED|connection/i);
    await expect(pipeline.submit(batch)).rejects.toThrow(/ECONNREFUSED|connection/i);
    await built.close();
    await expect(pipeline.submit(batch)).rejects.toThrow(/closed/);
  });
});

describe.runIf(await natsReachable())('NATS JetStream transport', () => {
  let t: TestApp;
  const stream = `RAPPORT_INGEST_TEST_${randomBytes(4).toString('hex').toUpperCase()}`;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => {
    const nc = await connect({ servers: NATS_URL });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  async function counts(workspaceId: string, db = t.db) {
    const { rows } = await db.query<{ messages: number; counted: number | null; dead: number }>(
      `SELECT (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS messages,
              (SELECT sum(message_count)::int FROM conversations WHERE workspace_id = $1) AS counted,
              (SELECT count(*)::int FROM dead_letters WHERE workspace_id = $1) AS dead`,
      [workspaceId],
    );
    return rows[0]!;
  }

  it('queues batches durably; two workers, one killed mid-stream, commit each message exactly once', { timeout: 120_000 }, async () => {
    const ws = await buildWorkspace(t.db);
    const options = { url: NATS_URL, stream, ackWaitMs: 1_500 };
    const pipeline = await createNatsPipeline(t.db, options);
    const source = { workspaceId: ws.workspaceId, channelId: null, kind: 'stream' as const, format: 'jetstream' as const };
    const all = Array.from({ length: 6_000 }, (_, i) => message(i));
    const queued = await pipeline.submit({
      source,
      messages: all,
      rejected: [{ index: null, line: 1, code: 'malformed', reason: 'not JSON' }],
      payload: '{oops',
    });
    // Rejections are dead-lettered at once; messages are only queued so far.
    expect(queued).toMatchObject({ received: 6_001, ingested: 0, rejected: 1 });
    await pipeline.submit({ source, messages: all.slice(0, 1_000) });
    await pipeline.close();
    expect(await counts(ws.workspaceId)).toEqual({ messages: 0, counted: null, dead: 1 });

    let crashed: Promise<void> | null = null;
    const workers: IngestWorker[] = [];
    const errors: unknown[] = [];
    workers.push(
      await startIngestWorker(t.db, {
        ...options,
        onCommitted: () => {
          crashed ??= workers[0]!.crash();
        },
      }),
    );
    // The second worker holds several batches at once; each is still acknowledged only once committed.
    workers.push(await startIngestWorker(t.db, { ...options, concurrency: 3, onError: (error) => errors.push(error) }));

    const deadline = Date.now() + 90_000;
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for (;;) {
      const info = await jsm.consumers.info(stream, 'rapport-ingest-workers');
      const now = await counts(ws.workspaceId);
      if (now.messages === 6_000 && info.num_pending === 0 && info.num_ack_pending === 0) break;
      if (Date.now() > deadline)
        throw new Error(`not drained: ${JSON.stringify({ now, pending: info.num_pending, acks: info.num_ack_pending })}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await nc.close();
    expect(crashed).not.toBeNull();
    await crashed;
    await workers[1]!.stop();
    expect(errors).toEqual([]);
    expect(await counts(ws.workspaceId)).toEqual({ messages: 6_000, counted: 6_000, dead: 1 });
  });

  it('keeps the statistics of the tables a worker fills, as the in-process pipeline does', { timeout: 60_000 }, async () => {
    // A database of its own: the statistics are the whole table's.
    const db = await openFreshDb();
    const own = `${stream}_STATS`;
    try {
      const ws = await buildWorkspace(db);
      const options = { url: NATS_URL, stream: own };
      const pipeline = await createNatsPipeline(db, options);
      const source = { workspaceId: ws.workspaceId, channelId: null, kind: 'stream' as const, format: 'jetstream' as const };
      await pipeline.submit({ source, messages: Array.from({ length: 3_000 }, (_, i) => message(i)) });
      await pipeline.close();
      const estimatedMessages = async () =>
        (await db.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'messages'`)).rows[0]!.n;
      // Never analysed: the planner knows nothing of the rows about to come.
      expect(await estimatedMessages()).toBeLessThanOrEqual(0);
      const worker = await startIngestWorker(db, options);
      for (const deadline = Date.now() + 45_000; (await counts(ws.workspaceId, db)).messages < 3_000;) {
        if (Date.now() > deadline) throw new Error('the worker did not drain the stream');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await worker.stop();
      expect(await estimatedMessages()).toBeGreaterThanOrEqual(2_000);
    } finally {
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(own).catch(() => undefined);
      await nc.close();
      await db.close();
    }
  });
});
