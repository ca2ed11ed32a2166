import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../channels/index.js';
import type { Db } from '../../platform/db/db.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace } from '../../platform/testing/test-app.js';
import { mastodonJsonl } from '../testing/mastodon-statuses.js';
import { createInProcessPipeline } from '../transport/in-process.js';
import { PGLITE_STATISTICS_TARGET } from './table-statistics.js';

// A database of its own: the statistics are the whole table's.
let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(() => db?.close());

const estimatedRows = async (table: string) =>
  (await db.query<{ n: number }>(`SELECT reltuples::int AS n FROM pg_class WHERE relname = $1`, [table])).rows[0]!.n;

describe('table statistics during ingestion', () => {
  it('analyses the tables the pipeline fills once they have grown from nothing', async () => {
    const ws = await buildWorkspace(db);
    // Never analysed: the planner knows nothing of the rows about to come.
    expect(await estimatedRows('messages')).toBeLessThanOrEqual(0);
    const pipeline = createInProcessPipeline(db);
    const { messages } = await parseFile('mastodon', mastodonJsonl(3_000));
    await pipeline.submit({ source: { workspaceId: ws.workspaceId, channelId: null, kind: 'file' }, messages });
    await pipeline.close();
    expect(await estimatedRows('messages')).toBeGreaterThanOrEqual(2_000);
    expect(await estimatedRows('conversations')).toBeGreaterThan(0);
    // Matching on arrival's links and review pairs, and listening's mentions: analysed (-1 is never), though none were written here.
    for (const table of ['identity_links', 'duplicate_candidates', 'mentions'])
      expect(await estimatedRows(table), table).toBeGreaterThanOrEqual(0);
  });

  it("samples a tenth as much on PGlite, whose one session the analysis holds, and PostgreSQL's default elsewhere", async () => {
    // The test above analysed 3,000 messages sent at as many different times.
    const { rows } = await db.query<{ bounds: number }>(
      `SELECT cardinality(histogram_bounds::text::text[])::int AS bounds FROM pg_stats WHERE tablename = 'messages' AND attname = 'sent_at'`,
    );
    expect(rows[0]!.bounds).toBe(db.kind === 'pglite' ? PGLITE_STATISTICS_TARGET + 1 : 101);
  });

  it('gathers statistics only of the columns queries filter or sort by', async () => {
    // The test above filled and analysed the tables; events are analysed by autovacuum, so here.
    await db.exec('ANALYZE events');
    const { rows } = await db.query<{ table: string; column: string }>(
      `SELECT tablename AS table, attname AS column FROM pg_stats WHERE tablename IN ('messages', 'events')`,
    );
    const gathered = (table: string) => rows.filter((row) => row.table === table).map((row) => row.column);
    expect(gathered('messages')).toEqual(expect.arrayContaining(['network', 'external_id', 'conversation_id', 'sent_at', 'search_vector']));
    for (const payload of ['text', 'html', 'enrichment', 'attachments', 'metrics']) expect(gathered('messages')).not.toContain(payload);
    expect(gathered('events')).toEqual(expect.arrayContaining(['type', 'subject_id']));
    expect(gathered('events')).not.toContain('data');
  });
});
