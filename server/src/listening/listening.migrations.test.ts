/**
 * Upgrading a database that has mentions but no hourly breakdowns or terms: the migration fills
 * them exactly as the pipeline would have kept them, relevance marks included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Built } from '../app.js';
import { mastodonStatus } from '../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../inbox/testing/conversations.js';
import { allMigrations, modules } from '../modules.js';
import type { Db } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { createLogger } from '../platform/observability/logger.js';
import { openFreshDb } from '../platform/testing/test-db.js';
import { buildWorkspace, testConfig } from '../platform/testing/test-app.js';

const HOURLY_DETAILS = 'listening/010-hourly-details';

let db: Db;
let built: Built;
beforeAll(async () => {
  db = await openFreshDb();
  built = await buildApp({ config: testConfig(), db, log: createLogger('silent'), modules, webDir: null });
  await built.app.ready();
});
afterAll(async () => {
  await dropQueuedDeliveries(db);
  await built?.app.close();
  await db?.close();
});

/** The workspace's hourly rows that count something, as comparable lines. */
async function hourlyDetails(workspaceId: string) {
  const hour = `to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')`;
  const { rows: breakdowns } = await db.query<Record<string, unknown>>(
    `SELECT query_id, ${hour} AS hour, network, language, mentions, positive, negative, neutral, round(sentiment_sum::numeric, 6)::text AS sum
       FROM mention_hourly_breakdowns WHERE workspace_id = $1 AND mentions <> 0 ORDER BY 1, 2, 3, 4`,
    [workspaceId],
  );
  const { rows: terms } = await db.query<Record<string, unknown>>(
    `SELECT query_id, ${hour} AS hour, kind, term, mentions FROM mention_term_hours
      WHERE workspace_id = $1 AND mentions <> 0 ORDER BY 1, 2, 3, term COLLATE "C"`,
    [workspaceId],
  );
  return { breakdowns, terms };
}

describe(HOURLY_DETAILS, () => {
  it('fills the hourly breakdowns and terms of the stored mentions as the pipeline keeps them', async () => {
    const ws = await buildWorkspace(db);
    const send = async (method: 'POST', url: string, payload: object) => {
      const response = await built.app.inject({ method, url, headers: ws.owner.headers, payload });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response;
    };
    for (const query of ['acme', 'globex']) await send('POST', '/api/v1/listening/queries', { name: query, query, kind: 'brand' });
    const statuses = Array.from({ length: 30 }, (_, i) =>
      mastodonStatus(`h${i}`, {
        text: `${i % 3 ? 'Acme' : 'Acme and Globex'} is ${i % 2 ? 'great' : 'awful'} #Launch${i % 4} #ÉTÉ via Berlin`,
        account: i % 5,
        createdAt: new Date(Date.UTC(2026, 9, 20, 6) + i * 41 * 60_000),
      }),
    );
    await send('POST', '/api/v1/ingest/files', { format: 'mastodon', content: statuses.map((s) => JSON.stringify(s)).join('\n') });
    const { rows: marked } = await db.query<{ id: string }>('SELECT id FROM mentions WHERE workspace_id = $1 ORDER BY sent_at LIMIT 4', [
      ws.workspaceId,
    ]);
    await send('POST', '/api/v1/listening/mentions/bulk', { ids: marked.map((m) => m.id), relevance: 'irrelevant' });
    const kept = await hourlyDetails(ws.workspaceId);
    expect(kept.breakdowns.length).toBeGreaterThan(10);
    expect(kept.terms.filter((r) => r.kind === 'hashtag').map((r) => r.term)).toContain('été');

    await db.exec(`DROP TABLE mention_hourly_breakdowns; DROP TABLE mention_term_hours`);
    await db.query('DELETE FROM schema_migrations WHERE id = $1', [HOURLY_DETAILS]);
    expect(await migrate(db, allMigrations())).toEqual([HOURLY_DETAILS]);
    expect(await hourlyDetails(ws.workspaceId)).toEqual(kept);
  });
});
