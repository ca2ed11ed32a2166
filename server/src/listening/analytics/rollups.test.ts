/**
 * The rollups dashboards read agree with a direct count over the mentions — after live ingest,
 * after marking mentions irrelevant and back, after retroactive matching of a new query and after a
 * changed query forgets its mentions — and the breakdown and top-N endpoints answer what a direct
 * count answers, over a range that spans two months.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import type { VolumeChart } from './analytics.schema.js';
import { volumeRows } from './analytics.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
type Chart = { rows: Record<string, string | number | null>[]; approximate?: { unseenAtMost: number } };
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const FROM = '2026-10-15T00:00:00.000Z';
const TO = '2026-11-20T00:00:00.000Z';
const BRANDS = ['acme', 'globex', 'acme and globex', 'initech'];
const ADJECTIVES = ['great', 'awful', 'fine', 'broken', 'lovely'];

/** 48 posts every 16 hours from 20 October: across the month boundary, a few authors writing most. */
function posts(): Record<string, unknown>[] {
  return Array.from({ length: 48 }, (_, i) =>
    mastodonStatus(`r${i}`, {
      text: `${BRANDS[i % BRANDS.length]} is ${ADJECTIVES[i % ADJECTIVES.length]} #tag${i % 7} #tag${(i * 3) % 5}${i % 4 === 0 ? ' #launch' : ''}`,
      account: [1, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i % 12],
      createdAt: new Date(Date.UTC(2026, 9, 20) + i * 16 * 3_600_000),
    }),
  );
}

async function saveQuery(ws: TestWorkspace, name: string, query: string, kind: string): Promise<string> {
  const saved = await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name, query, kind });
  expect(saved.statusCode, saved.body).toBe(201);
  return json<{ id: string }>(saved).id;
}

async function rows<T>(sql: string, params: unknown[]): Promise<T[]> {
  return (await t.db.query<T>(sql, params)).rows;
}

/** Rows as sorted JSON lines, so two result sets compare whatever their order and numeric types. */
const lines = (list: Record<string, unknown>[]) =>
  list.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])))).sort();

const COUNTED = "relevance <> 'irrelevant'";
const HASHTAGS_OF_MENTIONS = `FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
  CROSS JOIN LATERAL (SELECT DISTINCT lower(regexp_replace(h, '^#', '')) AS term FROM jsonb_array_elements_text(m.enrichment->'nlp'->'hashtags') h) t
  WHERE mn.workspace_id = $1 AND mn.${COUNTED}`;

/** Every rollup the dashboards read, against the same counts made from the mentions. */
async function expectRollupsMatchMentions(workspaceId: string) {
  const w = [workspaceId];
  expect(
    lines(
      await rows(
        'SELECT query_id, day::text, network, language, mentions, positive, negative, neutral FROM mention_daily WHERE workspace_id = $1 AND mentions <> 0',
        w,
      ),
    ),
  ).toEqual(
    lines(
      await rows(
        `SELECT query_id, ((sent_at AT TIME ZONE 'UTC')::date)::text AS day, network, coalesce(language, '') AS language, count(*) AS mentions,
                count(*) FILTER (WHERE sentiment = 'positive') AS positive, count(*) FILTER (WHERE sentiment = 'negative') AS negative,
                count(*) FILTER (WHERE sentiment = 'neutral') AS neutral
           FROM mentions WHERE workspace_id = $1 AND ${COUNTED} GROUP BY 1, 2, 3, 4`,
        w,
      ),
    ),
  );
  expect(
    lines(
      await rows('SELECT query_id, day::text, mentions, negative FROM mention_daily_volume WHERE workspace_id = $1 AND mentions <> 0', w),
    ),
  ).toEqual(
    lines(
      await rows(
        `SELECT query_id, ((sent_at AT TIME ZONE 'UTC')::date)::text AS day, count(*) AS mentions, count(*) FILTER (WHERE sentiment = 'negative') AS negative
           FROM mentions WHERE workspace_id = $1 AND ${COUNTED} GROUP BY 1, 2`,
        w,
      ),
    ),
  );
  const hour = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24')`;
  expect(
    lines(
      await rows(
        `SELECT query_id, ${hour('bucket')} AS hour, network, language, mentions, negative FROM mention_hourly_breakdowns
          WHERE workspace_id = $1 AND mentions <> 0`,
        w,
      ),
    ),
  ).toEqual(
    lines(
      await rows(
        `SELECT query_id, ${hour('sent_at')} AS hour, network, coalesce(language, '') AS language, count(*) AS mentions,
                count(*) FILTER (WHERE sentiment = 'negative') AS negative
           FROM mentions WHERE workspace_id = $1 AND ${COUNTED} GROUP BY 1, 2, 3, 4`,
        w,
      ),
    ),
  );
  const termHours = (kind: string) =>
    rows<Record<string, unknown>>(
      `SELECT query_id, ${hour('bucket')} AS hour, term, mentions FROM mention_term_hours WHERE workspace_id = $1 AND kind = '${kind}' AND mentions <> 0`,
      w,
    );
  expect(lines(await termHours('hashtag'))).toEqual(
    lines(
      await rows(
        `SELECT mn.query_id, ${hour('mn.sent_at')} AS hour, t.term, count(*) AS mentions ${HASHTAGS_OF_MENTIONS} GROUP BY 1, 2, 3`,
        w,
      ),
    ),
  );
  expect(lines(await termHours('author'))).toEqual(
    lines(
      await rows(
        `SELECT query_id, ${hour('sent_at')} AS hour, author_identity_id::text AS term, count(*) AS mentions
           FROM mentions WHERE workspace_id = $1 AND ${COUNTED} AND author_identity_id IS NOT NULL GROUP BY 1, 2, 3`,
        w,
      ),
    ),
  );
  const months = (scope: string, kind: string, from: string) =>
    rows<Record<string, unknown>>(
      `SELECT ${scope} AS query_id, to_char(date_trunc('month', mn.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS month, ${kind === 'author' ? 'mn.author_identity_id::text' : 't.term'} AS term, count(*) AS mentions
         ${from} GROUP BY 1, 2, 3`,
      w,
    );
  const stored = (kind: string) =>
    rows<Record<string, unknown>>(
      `SELECT query_id, to_char(month, 'YYYY-MM-DD') AS month, term, mentions FROM mention_term_months
        WHERE workspace_id = $1 AND kind = '${kind}' AND mentions <> 0`,
      w,
    );
  const authored = `FROM mentions mn WHERE mn.workspace_id = $1 AND mn.${COUNTED} AND mn.author_identity_id IS NOT NULL`;
  expect(lines(await stored('author'))).toEqual(
    lines([...(await months('query_id', 'author', authored)), ...(await months('NULL::uuid', 'author', authored))]),
  );
  expect(lines(await stored('hashtag'))).toEqual(
    lines([
      ...(await months('mn.query_id', 'hashtag', HASHTAGS_OF_MENTIONS)),
      ...(await months('NULL::uuid', 'hashtag', HASHTAGS_OF_MENTIONS)),
    ]),
  );
}

/** What a direct count over the mentions ranks first in the range, for a scope of queries. */
async function directTop(workspaceId: string, of: 'author' | 'hashtag', queryIds: string[], limit: number) {
  const from =
    of === 'author'
      ? `FROM mentions mn WHERE mn.workspace_id = $1 AND mn.${COUNTED} AND mn.author_identity_id IS NOT NULL`
      : HASHTAGS_OF_MENTIONS;
  const term = of === 'author' ? 'mn.author_identity_id::text' : 't.term';
  return rows<{ term: string; mentions: number }>(
    `SELECT ${term} AS term, count(*)::int AS mentions ${from}
        AND mn.query_id = ANY($2::uuid[]) AND mn.sent_at >= $3 AND mn.sent_at < $4
      GROUP BY 1 ORDER BY 2 DESC, ${term} COLLATE "C" LIMIT $5`,
    [workspaceId, queryIds, FROM, TO, limit],
  );
}

async function expectChartsMatchMentions(ws: TestWorkspace, queries: Record<string, { id: string; kind: string }>) {
  const range = `from=${FROM}&to=${TO}`;
  const all = Object.values(queries).map((q) => q.id);
  const scopes: [string, string[]][] = [
    ['', all],
    [
      '&kind=competitor',
      Object.values(queries)
        .filter((q) => q.kind === 'competitor')
        .map((q) => q.id),
    ],
    [`&queryId=${queries.acme!.id}`, [queries.acme!.id]],
  ];
  for (const [scope, ids] of scopes) {
    for (const limit of [1, 3]) {
      const authors = json<Chart>(
        await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/top?${range}&of=author&limit=${limit}${scope}`),
      );
      expect(authors.approximate).toBeUndefined();
      expect(authors.rows.map((r) => ({ term: r.identityId, mentions: r.mentions }))).toEqual(
        await directTop(ws.workspaceId, 'author', ids, limit),
      );
      const tags = json<Chart>(
        await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/top?${range}&of=hashtag&limit=${limit}${scope}`),
      );
      expect(tags.approximate).toBeUndefined();
      expect(tags.rows.map((r) => ({ term: r.hashtag, mentions: r.mentions }))).toEqual(
        await directTop(ws.workspaceId, 'hashtag', ids, limit),
      );
    }
    // Daily volume over a range starting and ending mid-day: whole days and the edge hours.
    let compared = 0;
    for (const [from, to] of [
      ['2026-10-21T13:30:00.000Z', '2026-11-18T05:00:00.000Z'],
      ['2026-10-22T01:00:00.000Z', '2026-10-23T20:00:00.000Z'],
      ['2026-10-23T06:00:00.000Z', '2026-10-23T10:00:00.000Z'],
    ]) {
      const volume = json<VolumeChart>(
        await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/volume?from=${from}&to=${to}&interval=day${scope}`),
      );
      const perDay = await rows<{ at: string; queryId: string; mentions: number; negative: number }>(
        `SELECT to_char(date_trunc('day', sent_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS at, query_id AS "queryId",
                count(*)::int AS mentions, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative
           FROM mentions WHERE workspace_id = $1 AND ${COUNTED} AND query_id = ANY($2::uuid[])
            AND sent_at >= $3 AND sent_at < $4 GROUP BY 1, 2`,
        [ws.workspaceId, ids, from, to],
      );
      compared += perDay.length;
      // A bucket whose mentions were all marked irrelevant stays, at zero, as it did in the hourly chart.
      const shown = volumeRows(volume).filter((r) => r.mentions !== 0);
      expect(lines(shown.map((r) => ({ at: r.at, queryId: r.queryId, mentions: r.mentions, negative: r.negative })))).toEqual(
        lines(perDay),
      );
    }
    expect(compared).toBeGreaterThan(2);
    const byNetwork = json<Chart>(
      await send(ws.owner.headers, 'GET', `/api/v1/listening/analytics/breakdown?${range}&by=language${scope}`),
    );
    const direct = await rows<{ language: string; mentions: number; negative: number }>(
      `SELECT coalesce(nullif(language, ''), 'unknown') AS language, count(*)::int AS mentions, count(*) FILTER (WHERE sentiment = 'negative')::int AS negative
         FROM mentions WHERE workspace_id = $1 AND ${COUNTED} AND query_id = ANY($2::uuid[]) AND sent_at >= $3 AND sent_at < $4 GROUP BY 1`,
      [ws.workspaceId, ids, FROM, TO],
    );
    expect(lines(byNetwork.rows.map((r) => ({ language: r.language, mentions: r.mentions, negative: r.negative })))).toEqual(lines(direct));
  }
}

describe('listening rollups', () => {
  it('agree with the mentions after ingest, relevance marks, retroactive matching and a changed query', async () => {
    const ws = await buildWorkspace(t.db);
    const queries: Record<string, { id: string; kind: string }> = {
      acme: { id: await saveQuery(ws, 'Acme', 'acme', 'brand'), kind: 'brand' },
      globex: { id: await saveQuery(ws, 'Globex', 'globex', 'competitor'), kind: 'competitor' },
    };
    const content = posts()
      .map((s) => JSON.stringify(s))
      .join('\n');
    expect((await send(ws.owner.headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content: content + '\n' })).statusCode).toBe(
      200,
    );
    const { rows: stored } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mentions WHERE workspace_id = $1', [
      ws.workspaceId,
    ]);
    expect(stored[0]!.n).toBe(48);
    await expectRollupsMatchMentions(ws.workspaceId);
    await expectChartsMatchMentions(ws, queries);

    const { rows: marked } = await t.db.query<{ id: string }>(
      `SELECT id FROM mentions WHERE workspace_id = $1 AND author_identity_id IN
         (SELECT author_identity_id FROM mentions WHERE workspace_id = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
       ORDER BY sent_at LIMIT 5`,
      [ws.workspaceId],
    );
    const bulk = (relevance: string, ids: string[]) =>
      send(ws.owner.headers, 'POST', '/api/v1/listening/mentions/bulk', { ids, relevance });
    expect(
      (
        await bulk(
          'irrelevant',
          marked.map((m) => m.id),
        )
      ).statusCode,
    ).toBe(200);
    await expectRollupsMatchMentions(ws.workspaceId);
    await expectChartsMatchMentions(ws, queries);
    expect(
      (
        await bulk(
          'relevant',
          marked.slice(0, 2).map((m) => m.id),
        )
      ).statusCode,
    ).toBe(200);
    await expectRollupsMatchMentions(ws.workspaceId);

    queries.initech = { id: await saveQuery(ws, 'Initech', 'initech OR globex', 'competitor'), kind: 'competitor' };
    await t.jobs.runDue();
    await expectRollupsMatchMentions(ws.workspaceId);
    await expectChartsMatchMentions(ws, queries);

    // Marked irrelevant before the change: one mention the new text still matches (kept, still out of the counts), one it does not.
    const { rows: initechMentions } = await t.db.query<{ id: string; text: string }>(
      `SELECT mn.id, m.text FROM mentions mn JOIN messages m ON m.workspace_id = mn.workspace_id AND m.id = mn.message_id
        WHERE mn.workspace_id = $1 AND mn.query_id = $2 ORDER BY mn.sent_at`,
      [ws.workspaceId, queries.initech.id],
    );
    const stays = initechMentions.find((m) => m.text.startsWith('initech'))!;
    const goes = initechMentions.find((m) => m.text.startsWith('globex'))!;
    expect((await bulk('irrelevant', [stays.id, goes.id])).statusCode).toBe(200);
    await expectRollupsMatchMentions(ws.workspaceId);

    const changed = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/queries/${queries.initech.id}`, { query: 'initech' });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectRollupsMatchMentions(ws.workspaceId);
    await t.jobs.runDue();
    await expectRollupsMatchMentions(ws.workspaceId);
    await expectChartsMatchMentions(ws, queries);
    const { rows: after } = await t.db.query<{ id: string; relevance: string }>(
      'SELECT id, relevance FROM mentions WHERE workspace_id = $1 AND query_id = $2',
      [ws.workspaceId, queries.initech.id],
    );
    expect(after.find((m) => m.id === stays.id)?.relevance).toBe('irrelevant');
    expect(after.some((m) => m.id === goes.id)).toBe(false);
    expect(after).toHaveLength(initechMentions.filter((m) => m.text.startsWith('initech')).length);
  });
});
