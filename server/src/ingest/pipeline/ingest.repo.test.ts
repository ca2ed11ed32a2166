import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../platform/db/db.js';
import { parseFile } from '../../channels/index.js';
import { buildWorkspace, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { mastodonJsonl } from '../testing/mastodon-statuses.js';
import { createInProcessPipeline } from '../transport/in-process.js';
import * as repo from './ingest.repo.js';

let t: TestApp;
let workspaceId: string;
// A workspace with a few thousand messages, and statistics that know it: the plans of a workspace
// the planner believes empty say nothing (any index on workspace_id is as good as the right one).
beforeAll(async () => {
  t = await testApp();
  workspaceId = (await buildWorkspace(t.db)).workspaceId;
  const pipeline = createInProcessPipeline(t.db);
  const { messages } = await parseFile('mastodon', mastodonJsonl(3_000));
  await pipeline.submit({ source: { workspaceId, channelId: null, kind: 'file' }, messages });
  await pipeline.close();
  await t.db.exec('ANALYZE messages, conversations');
});

/** The plan of the first query `work` runs, with sequential scans priced out so an index that can serve it is shown. */
async function planOf(work: (tx: Queryable) => Promise<unknown>): Promise<string> {
  let plan = '';
  await t.db
    .transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const explaining: Queryable = {
        async query<Row>(sql: string, params?: readonly unknown[]) {
          const { rows } = await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params);
          plan ||= rows.map((row) => Object.values(row)[0]).join('\n');
          return { rows: [] as Row[], rowCount: 0 };
        },
      };
      await work(explaining);
      throw new Error('rollback');
    })
    .catch(() => undefined);
  return plan;
}

describe('ingest SQL plans', () => {
  const pairs: [string, string][] = [
    ['mastodon', '1'],
    ['mastodon', '2'],
  ];

  it('finds stored messages through the deduplication index', async () => {
    expect(await planOf((tx) => repo.storedMessages(tx, workspaceId, pairs))).toMatch(/messages_external/);
  });

  it('finds conversations by thread key through an index, never a scan of the table', async () => {
    const plan = await planOf((tx) => repo.conversationsByKey(tx, workspaceId, pairs));
    expect(plan).toMatch(/Index (Only )?Scan using conversations_\w+ on conversations/);
    expect(plan).not.toMatch(/Seq Scan on conversations/);
  });
});
