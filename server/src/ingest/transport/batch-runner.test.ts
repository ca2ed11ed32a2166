import { beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedMessage } from '../../channels/index.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import type { IngestBatch, IngestSource } from '../ingest.contract.js';
import { watchedTransactions } from '../testing/watched-transactions.js';
import { mergeWaiting } from './batch-runner.js';
import { createInProcessPipeline } from './in-process.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const message = (id: string, text = `Post ${id}`): NormalisedMessage => ({
  channel: 'mastodon',
  externalId: id,
  author: { externalId: `author-${id}`, handle: `author${id}`, displayName: `Author ${id}` },
  text,
  sentAt: new Date(Date.UTC(2026, 0, 1)),
  direction: 'in',
  isPrivate: false,
  attachments: [],
  raw: { format: 'mastodon', index: 0 },
});

const source = (workspaceId: string, extra: Partial<IngestSource> = {}): IngestSource => ({
  workspaceId,
  channelId: null,
  kind: 'webhook',
  ...extra,
});
const batch = (workspaceId: string, ids: string[], extra: Partial<IngestBatch> = {}): IngestBatch => ({
  source: source(workspaceId),
  messages: ids.map((id) => message(id)),
  ...extra,
});

async function storedIds(workspaceId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ external_id: string }>(
    'SELECT external_id FROM messages WHERE workspace_id = $1 ORDER BY external_id',
    [workspaceId],
  );
  return rows.map((r) => r.external_id);
}

describe('merging waiting submissions', () => {
  const waiting = (...batches: IngestBatch[]) => batches.map((b) => ({ batch: b }));

  it('joins the same source’s message-only submissions up to the batch size, keeping the source’s order', () => {
    const other = { ...batch('w', ['x']), source: source('w', { channelId: 'c' }) };
    const queue = waiting(batch('w', ['a', 'b']), other, batch('w', ['c']), batch('w', ['d', 'e']), batch('w', ['f']));
    expect(mergeWaiting(queue, 4).map((s) => s.batch.messages.map((m) => m.externalId))).toEqual([['a', 'b'], ['c']]);
    // The next one would have passed the size; it and everything after it wait, in order.
    expect(queue.map((s) => s.batch.messages.map((m) => m.externalId))).toEqual([['x'], ['d', 'e'], ['f']]);
  });

  it('never joins deletions, profiles or parser rejections, nor a submission running alone, and stops at them', () => {
    const withDeletion = batch('w', ['b'], {
      deletions: [{ channel: 'mastodon', externalId: 'a', raw: { format: 'mastodon', index: 0 } }],
    });
    const queue = waiting(batch('w', ['a']), withDeletion, batch('w', ['c']));
    expect(mergeWaiting(queue, 10)).toHaveLength(1);
    expect(mergeWaiting(queue, 10)).toHaveLength(1);
    const rejected = batch('w', [], { rejected: [{ index: 0, code: 'malformed', reason: 'bad' }] });
    expect(mergeWaiting(waiting(rejected, batch('w', ['d'])), 10)).toHaveLength(1);
    expect(mergeWaiting([{ batch: batch('w', ['e']), alone: true }, { batch: batch('w', ['f']) }], 10)).toHaveLength(1);
  });
});

describe('the in-process pipeline under many small submissions', () => {
  it.each([1, 2])(
    'commits those waiting behind the %i committing as one transaction, each submission with its own report',
    async (concurrency) => {
      const ws = await buildWorkspace(t.db);
      const { db, seen } = watchedTransactions(t.db);
      const pipeline = createInProcessPipeline(db, { concurrency });
      // Ten webhook deliveries at once; the fourth repeats a post of the third, the sixth holds an invalid one.
      const submissions = Array.from({ length: 10 }, (_, i) => batch(ws.workspaceId, [`p${i}a`, `p${i}b`]));
      submissions[3] = batch(ws.workspaceId, ['p3a', 'p2b']);
      submissions[5] = { ...batch(ws.workspaceId, ['p5a']), messages: [message('p5a'), { ...message('p5b'), externalId: '' }] };
      const reports = await Promise.all(submissions.map((s) => pipeline.submit(s)));

      // The first ones alone, those that waited behind them together: not ten transactions.
      expect(seen.total).toBe(concurrency + 1);
      expect(reports[2]).toMatchObject({ received: 2, ingested: 2, duplicates: 0, rejected: 0, conversationsCreated: 2 });
      expect(reports[3]).toMatchObject({ received: 2, ingested: 1, duplicates: 1, rejected: 0, conversationsCreated: 1 });
      expect(reports[5]).toMatchObject({ received: 2, ingested: 1, duplicates: 0, rejected: 1 });
      expect(reports.reduce((sum, r) => sum + r.ingested, 0)).toBe(18);
      expect(await storedIds(ws.workspaceId)).toHaveLength(18);
      await pipeline.close();
    },
  );

  it('runs a merged batch that fails again submission by submission: only the failing one fails', async () => {
    const ws = await buildWorkspace(t.db);
    const failing = {
      name: 'refuses-poison',
      run: async (_tx: unknown, _workspaceId: string, stored: readonly { message: NormalisedMessage }[]) => {
        if (stored.some((s) => s.message.externalId === 'poison')) throw new Error('poisoned');
      },
    };
    const pipeline = createInProcessPipeline(t.db, { steps: () => [failing] });
    const results = await Promise.allSettled([
      pipeline.submit(batch(ws.workspaceId, ['first'])),
      pipeline.submit(batch(ws.workspaceId, ['before'])),
      pipeline.submit(batch(ws.workspaceId, ['poison'])),
      pipeline.submit(batch(ws.workspaceId, ['after'])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'poisoned' });
    expect(await storedIds(ws.workspaceId)).toEqual(['after', 'before', 'first']);
    await pipeline.close();
  });
});
