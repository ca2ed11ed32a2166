/**
 * Volume and share of voice by day and week in the viewer's time zone: a day starts at local
 * midnight (Berlin's moves with summer time, Kolkata's falls in the middle of a UTC hour), and a
 * mention lands on the day it was sent there; without a time zone the days are UTC days.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import type { VolumeChart } from './analytics.schema.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const RANGE = 'from=2026-10-19T00:00:00.000Z&to=2026-10-28T00:00:00.000Z';

/** When each post was sent; the one at 18:10 is marked irrelevant, so it counts nowhere. */
const SENT = {
  p1: '2026-10-20T21:30:00Z', // Berlin 20 Oct 23:30, Kolkata 21 Oct 03:00
  p2: '2026-10-20T22:30:00Z', // Berlin 21 Oct 00:30
  p3: '2026-10-21T12:00:00Z',
  p4: '2026-10-21T18:10:00Z', // Kolkata 21 Oct 23:40, irrelevant
  p5: '2026-10-21T18:40:00Z', // Kolkata 22 Oct 00:10: the same UTC hour as p4, the next day there
  p6: '2026-10-25T23:30:00Z', // Berlin 26 Oct 00:30, an hour after its midnight once summer time ended
};

async function workspaceWithPosts(): Promise<TestWorkspace> {
  const ws = await buildWorkspace(t.db);
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/listening/queries',
    headers: ws.owner.headers,
    payload: { name: 'Acme', query: 'acme', kind: 'brand' },
  });
  const content = Object.entries(SENT)
    .map(([id, at]) => JSON.stringify(mastodonStatus(id, { text: `acme update ${id}`, createdAt: new Date(at) })))
    .join('\n');
  const ingested = await t.app.inject({
    method: 'POST',
    url: '/api/v1/ingest/files',
    headers: ws.owner.headers,
    payload: { format: 'mastodon', content },
  });
  expect(ingested.statusCode, ingested.body).toBe(200);
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM mentions WHERE workspace_id = $1 AND sent_at = $2', [
    ws.workspaceId,
    new Date(SENT.p4),
  ]);
  const marked = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/listening/mentions/${rows[0]!.id}`,
    headers: ws.owner.headers,
    payload: { relevance: 'irrelevant' },
  });
  expect(marked.statusCode, marked.body).toBe(200);
  return ws;
}

const get = (ws: TestWorkspace, url: string) => t.app.inject({ method: 'GET', url, headers: ws.owner.headers });

async function volume(ws: TestWorkspace, params: string): Promise<Record<string, number>> {
  const response = await get(ws, `/api/v1/listening/analytics/volume?${RANGE}&${params}`);
  expect(response.statusCode, response.body).toBe(200);
  const chart = json<VolumeChart>(response);
  const [series] = chart.series;
  // Every mention has a sentiment: the three counts add up to the mentions in each interval.
  chart.at.forEach((_, i) => expect(series!.positive[i]! + series!.negative[i]! + series!.neutral[i]!).toBe(series!.mentions[i]));
  return Object.fromEntries(chart.at.map((at, i) => [at, series!.mentions[i]!]));
}

/** The same counts made from the posts themselves with luxon. */
function expected(zone: string, unit: 'day' | 'week'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [id, at] of Object.entries(SENT)) {
    if (id === 'p4') continue;
    const start = DateTime.fromISO(at, { zone }).startOf(unit).toUTC().toISO()!;
    counts[start] = (counts[start] ?? 0) + 1;
  }
  return counts;
}

describe('listening analytics in a time zone', () => {
  it('counts each day from local midnight, including across a change of clocks and in a zone half an hour off UTC', async () => {
    const ws = await workspaceWithPosts();
    expect(await volume(ws, 'interval=day')).toEqual({
      '2026-10-20T00:00:00.000Z': 2,
      '2026-10-21T00:00:00.000Z': 2,
      '2026-10-25T00:00:00.000Z': 1,
    });
    expect(await volume(ws, 'interval=day&timeZone=UTC')).toEqual(await volume(ws, 'interval=day'));
    expect(await volume(ws, 'interval=day&timeZone=Europe/Berlin')).toEqual({
      '2026-10-19T22:00:00.000Z': 1,
      '2026-10-20T22:00:00.000Z': 3,
      '2026-10-25T23:00:00.000Z': 1,
    });
    expect(await volume(ws, 'interval=day&timeZone=Asia/Kolkata')).toEqual({
      '2026-10-20T18:30:00.000Z': 3,
      '2026-10-21T18:30:00.000Z': 1,
      '2026-10-25T18:30:00.000Z': 1,
    });
    // Weeks from Monday midnight there: 19 October 2026 is a Monday.
    expect(await volume(ws, 'interval=week&timeZone=Asia/Kolkata')).toEqual({
      '2026-10-18T18:30:00.000Z': 4,
      '2026-10-25T18:30:00.000Z': 1,
    });
    for (const zone of ['Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham']) {
      for (const unit of ['day', 'week'] as const) {
        expect(await volume(ws, `interval=${unit}&timeZone=${zone}`), `${zone} by ${unit}`).toEqual(expected(zone, unit));
      }
    }
  });

  it('gives share of voice the same days, and refuses a time zone it does not know, naming the parameter', async () => {
    const ws = await workspaceWithPosts();
    const share = await get(ws, `/api/v1/listening/analytics/share-of-voice?${RANGE}&interval=day&timeZone=Asia/Kolkata`);
    expect(share.statusCode, share.body).toBe(200);
    const rows = json<{ rows: { at: string | null; mentions: number }[] }>(share).rows.filter((r) => r.at !== null);
    expect(Object.fromEntries(rows.map((r) => [r.at, r.mentions]))).toEqual(expected('Asia/Kolkata', 'day'));

    for (const timeZone of ['Mars/Olympus_Mons', 'Europe/Berlin;DROP', '+02:00']) {
      const refused = await get(ws, `/api/v1/listening/analytics/volume?${RANGE}&timeZone=${encodeURIComponent(timeZone)}`);
      expect(refused.statusCode, `${timeZone}: ${refused.body}`).toBe(400);
      // The schema names the query string's parameter; the zone check after it, like the range's, names the parameter alone.
      expect(json<{ errors: { field: string }[] }>(refused).errors).toEqual([
        { field: expect.stringMatching(/^(querystring\.)?timeZone$/), reason: expect.any(String) },
      ]);
    }
  });
});
