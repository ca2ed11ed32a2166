/**
 * A spike alert while a query's history is matched (backfill, newest first, a page at a time): the
 * last hour is complete long before the earlier days are, so a check in between would see a spike
 * that is not there. The alert waits, says so, and judges normally once the history is in — or once
 * the matching has been unfinished too long to be still running.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { matchQueryHistory } from '../mentions/backfill.job.js';
import { checkAlert, HISTORY_MATCHING_LIMIT_MS } from './alert-check.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DAYS = 7;
const ACME_PER_HOUR = 2;
const GLOBEX_PER_HOUR = 10;

type Method = 'GET' | 'POST';
const send = (ws: TestWorkspace, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });

async function ingest(ws: TestWorkspace, statuses: Record<string, unknown>[]) {
  const content = statuses.map((s) => JSON.stringify(s)).join('\n');
  expect((await send(ws, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content })).statusCode).toBe(200);
}

/** The same steady hour today and on each of the last days: 2 posts about Acme and 10 about Globex. */
function steadyHours(now: number) {
  const statuses = [];
  for (let day = 0; day <= DAYS; day++) {
    for (let i = 0; i < ACME_PER_HOUR + GLOBEX_PER_HOUR; i++) {
      const brand = i < ACME_PER_HOUR ? 'acme' : 'globex';
      const createdAt = new Date(now - day * DAY - (i + 1) * 3 * MINUTE);
      statuses.push(mastodonStatus(`d${day}-${i}`, { text: `${brand} daily note ${day} ${i}`, account: i + 1, createdAt }));
    }
  }
  return statuses;
}

/** A brand group already listened to (Acme, matched) and a second brand query, Globex, saved over that history. */
async function brandsWithNewQuery(now: number) {
  const ws = await buildWorkspace(t.db);
  const acme = await send(ws, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
  expect(acme.statusCode, acme.body).toBe(201);
  await ingest(ws, steadyHours(now));
  await t.jobs.runDue();
  const created = await send(ws, 'POST', '/api/v1/listening/queries', { name: 'Globex', query: 'globex', kind: 'brand' });
  expect(created.statusCode, created.body).toBe(201);
  const globex = json<{ id: string; query: string; updatedAt: string }>(created);
  const alert = json<{ id: string }>(
    await send(ws, 'POST', '/api/v1/listening/alerts', { name: 'Brand volume', queryKind: 'brand', trigger: 'volume', cooldownMinutes: 5 }),
  );
  return { ws, globex, alert };
}

/** The query's history matched 12 messages a page, a page each time the test asks. */
const matchedByPages = (workspaceId: string, query: { id: string; updatedAt: string; query: string }, now: number) =>
  matchQueryHistory(t.db, workspaceId, { queryId: query.id, updatedAt: query.updatedAt, query: query.query }, new Date(now), 12);

describe('a spike alert while a query’s history is being matched', () => {
  it('waits and says so while the baseline days are partial, then fires only on a real spike', async () => {
    const now = Date.now();
    const { ws, globex, alert } = await brandsWithNewQuery(now);
    const check = (at: number) => checkAlert(t.db, t.deps.config, ws.workspaceId, alert.id, new Date(at));
    const awaiting = async () => json<{ awaitingHistoryOf: string[] }>(await send(ws, 'GET', `/api/v1/listening/alerts/${alert.id}`));

    // One page of the newest messages is exactly this hour: Globex's 10 mentions of it, none on the earlier days yet.
    const pages = matchedByPages(ws.workspaceId, globex, now);
    expect((await pages.next()).done).toBe(false);
    const mentionsOfHour = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions WHERE workspace_id = $1 AND query_id = $2`,
      [ws.workspaceId, globex.id],
    );
    expect(mentionsOfHour.rows[0]!.n).toBe(GLOBEX_PER_HOUR);

    // 12 mentions this hour against 2 a day before: a spike only because Globex's history is not in yet.
    expect(await check(now)).toBeNull();
    expect(await awaiting()).toMatchObject({ awaitingHistoryOf: ['Globex'] });
    const asked = json<{ fired: boolean; awaitingHistoryOf: string[] }>(
      await send(ws, 'POST', `/api/v1/listening/alerts/${alert.id}/check`),
    );
    expect(asked).toMatchObject({ fired: false, awaitingHistoryOf: ['Globex'] });

    while (!(await pages.next()).done);
    expect(await awaiting()).toMatchObject({ awaitingHistoryOf: [] });
    // The whole history in, this hour is the usual one.
    expect(await check(now + MINUTE)).toBeNull();

    // A real burst about Globex fires.
    const burst = Array.from({ length: 30 }, (_, i) =>
      mastodonStatus(`burst-${i}`, { text: `globex outage ${i}`, account: 100 + i, createdAt: new Date(now - (i + 1) * MINUTE) }),
    );
    await ingest(ws, burst);
    const firing = await check(now + 2 * MINUTE);
    expect(firing?.observed).toBe(ACME_PER_HOUR + GLOBEX_PER_HOUR + 30);
    expect(firing?.expected).toBe(ACME_PER_HOUR + GLOBEX_PER_HOUR);
  });

  it('judges with the history there is once the matching has been unfinished too long (its job failed for good)', async () => {
    const now = Date.now();
    const { ws, globex, alert } = await brandsWithNewQuery(now);
    const pages = matchedByPages(ws.workspaceId, globex, now);
    await pages.next();
    await pages.return();
    await t.db.query('UPDATE listening_queries SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [
      ws.workspaceId,
      globex.id,
      new Date(now - HISTORY_MATCHING_LIMIT_MS - MINUTE),
    ]);
    expect(json<{ awaitingHistoryOf: string[] }>(await send(ws, 'GET', `/api/v1/listening/alerts/${alert.id}`)).awaitingHistoryOf).toEqual(
      [],
    );
    // The partial baseline is what there is: the alert speaks rather than staying silent for ever.
    const firing = await checkAlert(t.db, t.deps.config, ws.workspaceId, alert.id, new Date(now));
    expect(firing?.reason).toMatch(/^Volume spike: 12 mentions against 2 expected/);
  });
});
