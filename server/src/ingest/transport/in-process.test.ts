import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedMessage } from '../../channels/index.js';
import { buildTestApp, buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { ingestPipeline } from '../app-pipeline.js';
import type { IngestBatch } from '../ingest.contract.js';
import { watchedTransactions as watched } from '../testing/watched-transactions.js';
import { createInProcessPipeline, splitBatch } from './in-process.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const message = (i: number): NormalisedMessage => ({
  channel: 'rss',
  externalId: `entry-${i}`,
  author: { externalId: 'blog', handle: 'blog', displayName: 'The Blog' },
  text: `Entry ${i}`,
  sentAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  direction: 'in',
  isPrivate: false,
  attachments: [],
  raw: { format: 'rss', index: i },
});

const batchOf = (workspaceId: string, messages: NormalisedMessage[], extra: Partial<IngestBatch> = {}): IngestBatch => ({
  source: { workspaceId, channelId: null, kind: 'file', format: 'rss' },
  messages,
  ...extra,
});

async function messageCount(workspaceId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1', [workspaceId]);
  return rows[0]!.n;
}

describe('in-process ingest pipeline', () => {
  it('splits large submissions, keeps rejections on the first part and deletions after every insert', () => {
    const batch = batchOf('w', [1, 2, 3, 4, 5].map(message), {
      rejected: [{ index: null, code: 'malformed', reason: 'bad' }],
      deletions: [{ channel: 'rss', externalId: 'entry-1', raw: { format: 'rss', index: 9 } }],
      payload: 'raw',
    });
    const { parts, deletions } = splitBatch(batch, 2);
    expect(parts.map((p) => p.messages.length)).toEqual([2, 2, 1]);
    expect(parts.map((p) => p.rejected?.length ?? 0)).toEqual([1, 0, 0]);
    expect(parts.every((p) => p.deletions === undefined)).toBe(true);
    expect(deletions).toMatchObject({ messages: [], deletions: batch.deletions });
    expect(splitBatch(batchOf('w', []), 2).parts).toHaveLength(1);
  });

  it('commits a submission in batches, at most `concurrency` at a time, before resolving', async () => {
    const ws = await buildWorkspace(t.db);
    const { db, seen } = watched(t.db);
    const pipeline = createInProcessPipeline(db, { concurrency: 2, batchSize: 100 });
    const messages = Array.from({ length: 1_050 }, (_, i) => message(i));
    const reports = await Promise.all([
      pipeline.submit(batchOf(ws.workspaceId, messages.slice(0, 700))),
      pipeline.submit(
        batchOf(ws.workspaceId, messages.slice(600), {
          deletions: [{ channel: 'rss', externalId: 'entry-1049', raw: { format: 'rss', index: 0 } }],
        }),
      ),
    ]);
    // One transaction per batch, and one more when the two batches holding messages 600-699 commit side
    // by side: the second holds back the threads the first is creating and commits them after it.
    expect(seen.total).toBeGreaterThanOrEqual(7 + 5 + 1);
    expect(seen.total).toBeLessThanOrEqual(7 + 5 + 1 + 1);
    expect(seen.most).toBeLessThanOrEqual(2);
    expect(reports[0]!.ingested + reports[1]!.ingested).toBe(1_050);
    expect(reports[0]!.duplicates + reports[1]!.duplicates).toBe(100);
    expect(reports[1]!.deleted).toBe(1);
    expect(await messageCount(ws.workspaceId)).toBe(1_049);
    await pipeline.close();
  });

  it('reads the next batch while one commits, and threads its replies onto what the batch ahead stored', async () => {
    const ws = await buildWorkspace(t.db);
    const order: string[] = [];
    const pipeline = createInProcessPipeline(t.db, {
      batchSize: 2,
      enrichers: () => [{ name: 'probe', enrich: (m) => void order.push(`read ${m.externalId}`) }],
      onTimings: () => order.push('committed'),
    });
    const reply = { ...message(3), inReplyToExternalId: 'entry-1' };
    const report = await pipeline.submit(batchOf(ws.workspaceId, [message(1), message(2), reply, message(4)]));
    expect(report).toMatchObject({ ingested: 4, conversationsCreated: 3 });
    // The second batch was read before the first one committed.
    expect(order.indexOf('read entry-3')).toBeLessThan(order.indexOf('committed'));
    const { rows } = await t.db.query<{ external_id: string; conversation_id: string }>(
      'SELECT external_id, conversation_id FROM messages WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    const conversationOf = new Map(rows.map((r) => [r.external_id, r.conversation_id]));
    expect(conversationOf.get('entry-3')).toBe(conversationOf.get('entry-1'));
    await pipeline.close();
  });

  it('drains batches in flight on close and refuses new ones', async () => {
    const ws = await buildWorkspace(t.db);
    const pipeline = createInProcessPipeline(t.db, { batchSize: 50 });
    const pending = pipeline.submit(
      batchOf(
        ws.workspaceId,
        Array.from({ length: 200 }, (_, i) => message(i)),
      ),
    );
    await pipeline.close();
    expect(await messageCount(ws.workspaceId)).toBe(200);
    await expect(pending).resolves.toMatchObject({ ingested: 200 });
    await expect(pipeline.submit(batchOf(ws.workspaceId, [message(1)]))).rejects.toThrow(/closed/);
  });

  it("gives every domain the app's one pipeline, closed with the app", async () => {
    const built = await buildTestApp();
    const pipeline = ingestPipeline(built.deps);
    expect(ingestPipeline(built.deps)).toBe(pipeline);
    const ws = await buildWorkspace(t.db);
    await expect(pipeline.submit(batchOf(ws.workspaceId, [message(1)]))).resolves.toMatchObject({ ingested: 1 });
    await built.close();
    await expect(pipeline.submit(batchOf(ws.workspaceId, [message(2)]))).rejects.toThrow(/closed/);
  });
});
