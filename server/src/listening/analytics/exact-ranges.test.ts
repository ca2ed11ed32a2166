/**
 * Every dashboard card counts the same mentions: those sent from `from` to `to`, to the minute —
 * the volume chart by hour and by day, the breakdowns by channel and language, the top hashtags
 * and authors — over ranges that start and end inside hours and days, as "the last 24 hours" does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { hear, saveQuery } from '../testing/listening-api.js';
import type { VolumeChart } from './analytics.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
type Chart = { rows: Record<string, string | number | null>[] };

/**
 * 72 posts 47 minutes apart from 19 October 18:00 UTC, a few in the last day and a half before `now`,
 * and one dated two minutes after it (its author's clock is ahead), which no range ending now counts.
 */
function posts(now: number): Record<string, unknown>[] {
  const at = [
    ...Array.from({ length: 72 }, (_, i) => Date.UTC(2026, 9, 19, 18) + i * 47 * MINUTE),
    ...[10 * MINUTE, 5 * HOUR, 20 * HOUR, 30 * HOUR, -2 * MINUTE].map((ago) => now - ago),
  ];
  return at.map((sent, i) => ({
    ...mastodonStatus(`x${i}`, { text: `acme news ${i} #tag${i % 5}`, account: i % 7, createdAt: new Date(sent) }),
    language: i % 3 ? 'en' : 'fr',
  }));
}

async function direct(workspaceId: string, from: string, to: string) {
  const inRange = `FROM mentions mn WHERE mn.workspace_id = $1 AND mn.relevance <> 'irrelevant' AND mn.sent_at >= $2 AND mn.sent_at < $3`;
  const query = async <T>(sql: string) => (await t.db.query<T>(sql, [workspaceId, from, to])).rows;
  const [{ total }] = (await query<{ total: number }>(`SELECT count(*)::int AS total ${inRange}`)) as [{ total: number }];
  const languages = await query<{ language: string; mentions: number }>(
    `SELECT coalesce(mn.language, 'unknown') AS language, count(*)::int AS mentions ${inRange} GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const hashtags = await query<{ term: string; mentions: number }>(
    `SELECT lower(regexp_replace(h, '^#', '')) AS term, count(*)::int AS mentions ${inRange.replace('FROM mentions mn', "FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id CROSS JOIN LATERAL jsonb_array_elements_text(m.enrichment->'nlp'->'hashtags') h")}
      GROUP BY 1 ORDER BY 2 DESC, lower(regexp_replace(h, '^#', '')) COLLATE "C" LIMIT 10`,
  );
  const authors = await query<{ term: string; mentions: number }>(
    `SELECT mn.author_identity_id::text AS term, count(*)::int AS mentions ${inRange} GROUP BY 1 ORDER BY 2 DESC, mn.author_identity_id::text COLLATE "C" LIMIT 10`,
  );
  return { total, languages, hashtags, authors };
}

async function expectCardsAgree(ws: TestWorkspace, from: string, to: string) {
  const get = async <T>(path: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/listening/analytics/${path}&from=${from}&to=${to}`,
      headers: ws.owner.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return json<T>(response);
  };
  const expected = await direct(ws.workspaceId, from, to);
  const range = `${from}..${to}`;
  expect(expected.total, range).toBeGreaterThan(0);
  for (const interval of ['hour', 'day']) {
    const volume = await get<VolumeChart>(`volume?interval=${interval}`);
    expect(
      volume.series.flatMap((s) => s.mentions).reduce((sum, n) => sum + n, 0),
      `${range} by ${interval}`,
    ).toBe(expected.total);
  }
  const byNetwork = await get<Chart>('breakdown?by=network');
  expect(
    byNetwork.rows.map((r) => [r.network, r.mentions]),
    range,
  ).toEqual([['mastodon', expected.total]]);
  const byLanguage = await get<Chart>('breakdown?by=language');
  expect(
    byLanguage.rows.map((r) => ({ language: r.language, mentions: r.mentions })),
    range,
  ).toEqual(expected.languages);
  const hashtags = await get<Chart>('top?of=hashtag');
  expect(
    hashtags.rows.map((r) => ({ term: r.hashtag, mentions: r.mentions })),
    range,
  ).toEqual(expected.hashtags);
  const authors = await get<Chart>('top?of=author');
  expect(
    authors.rows.map((r) => ({ term: r.identityId, mentions: r.mentions })),
    range,
  ).toEqual(expected.authors);
}

describe('dashboard cards', () => {
  it('count exactly the range asked for, whatever hour or minute it starts and ends at', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const now = Math.ceil(Date.now() / MINUTE) * MINUTE;
    await hear(ws, posts(now));

    for (const [from, to] of [
      ['2026-10-20T12:00:00.000Z', '2026-10-21T12:00:00.000Z'],
      ['2026-10-19T20:37:00.000Z', '2026-10-20T20:37:00.000Z'],
      ['2026-10-20T01:02:00.000Z', '2026-10-20T01:58:00.000Z'],
      ['2026-10-20T00:30:00.000Z', '2026-10-20T23:20:00.000Z'],
      ['2026-10-19T23:30:00.000Z', '2026-10-21T22:15:00.000Z'],
      // The last 24 hours, as the dashboard asks for them: ending at the current minute.
      [new Date(now - 24 * HOUR).toISOString(), new Date(now).toISOString()],
      [new Date(now - 40 * 24 * HOUR).toISOString(), new Date(now).toISOString()],
    ]) {
      await expectCardsAgree(ws, from!, to!);
    }
  });
});
