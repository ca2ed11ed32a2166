/**
 * Keyword alerts count what Rapport stored since they last counted, matched word by word: a post
 * fetched after the check its post time falls before still fires (once), a French "routage" is no
 * "outage", neither the history a new query is matched against nor what arrived while the alert
 * was paused fires it, and two checks at once count a mention once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { hear, saveQuery } from '../testing/listening-api.js';
import { checkAlert, SETTLE_MS } from './alert-check.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await dropQueuedDeliveries(t.db);
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A keyword alert on the brand queries, created `createdAgo` ms ago, to check at any time and pause or resume. */
async function keywordAlert(ws: TestWorkspace, keyword: string, createdAgo = 0) {
  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    t.app.inject({ method, url, headers: ws.owner.headers, payload });
  const saved = await send('POST', '/api/v1/listening/alerts', {
    name: keyword,
    queryKind: 'brand',
    trigger: 'keyword',
    keyword,
    cooldownMinutes: 5,
  });
  expect(saved.statusCode, saved.body).toBe(201);
  const { id } = json<{ id: string }>(saved);
  await t.db.query(
    `UPDATE listening_alerts SET created_at = created_at - $3::int * interval '1 millisecond' WHERE workspace_id = $1 AND id = $2`,
    [ws.workspaceId, id, createdAgo],
  );
  return {
    check: async (at: number) => (await checkAlert(t.db, t.deps.config, ws.workspaceId, id, new Date(at)))?.reason ?? null,
    setActive: async (isActive: boolean) =>
      expect((await send('PATCH', `/api/v1/listening/alerts/${id}`, { isActive })).statusCode).toBe(200),
  };
}

describe('keyword alerts', () => {
  it('count a mention stored after the check its post time falls before, exactly once', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const alert = await keywordAlert(ws, 'outage', 2 * HOUR);
    const checked = Date.now();
    expect(await alert.check(checked)).toBeNull();
    // The feed is polled a quarter of an hour after the post: ten minutes before the check above.
    await hear(ws, [mastodonStatus('late', { text: 'acme outage in Paris', createdAt: new Date(checked - 10 * MINUTE) })]);
    expect(await alert.check(checked + 5 * MINUTE)).toBe('1 new mention contains “outage”');
    expect(await alert.check(checked + 15 * MINUTE)).toBeNull();
  });

  it('match whole words as queries do, not parts of words', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const alert = await keywordAlert(ws, 'outage');
    await hear(ws, [
      mastodonStatus('fr', { text: 'acme : le routage des paquets est lent', createdAt: new Date() }),
      mastodonStatus('en', { text: 'ACME OUTAGE, again!', createdAt: new Date() }),
    ]);
    expect(await alert.check(Date.now() + SETTLE_MS)).toBe('1 new mention contains “outage”');
  });

  it('leave out posts from before the alert or older than a day when a new query is matched against history', async () => {
    const ws = await buildWorkspace(t.db);
    const alert = await keywordAlert(ws, 'outage', 3 * DAY);
    const checked = Date.now();
    expect(await alert.check(checked)).toBeNull();
    // Stored before any query listened for them: matched only when the query is saved.
    await hear(ws, [
      mastodonStatus('h1', { text: 'acme outage last week', createdAt: new Date(checked - 5 * DAY) }),
      mastodonStatus('h2', { text: 'acme outage the day before yesterday', createdAt: new Date(checked - 2 * DAY) }),
      mastodonStatus('h3', { text: 'acme outage this morning', createdAt: new Date(checked - 2 * HOUR) }),
    ]);
    await saveQuery(ws, 'acme');
    await t.jobs.runDue();
    expect(await alert.check(checked + 5 * MINUTE)).toBe('1 new mention contains “outage”');
  });

  it('count, once resumed, only what is stored from then on', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const alert = await keywordAlert(ws, 'outage', HOUR);
    expect(await alert.check(Date.now())).toBeNull();
    await alert.setActive(false);
    await hear(ws, [mastodonStatus('paused', { text: 'acme outage while paused', createdAt: new Date() })]);
    await alert.setActive(true);
    await hear(ws, [mastodonStatus('resumed', { text: 'acme outage once resumed', createdAt: new Date() })]);
    expect(await alert.check(Date.now() + SETTLE_MS)).toBe('1 new mention contains “outage”');
  });

  it('fire once when two checks race over the same mentions', async () => {
    const ws = await buildWorkspace(t.db);
    await saveQuery(ws, 'acme');
    const alert = await keywordAlert(ws, 'outage');
    await hear(ws, [mastodonStatus('race', { text: 'acme outage', createdAt: new Date() })]);
    const at = Date.now() + SETTLE_MS;
    const reasons = await Promise.all([alert.check(at), alert.check(at + 1)]);
    expect(reasons.filter((reason) => reason !== null)).toEqual(['1 new mention contains “outage”']);
  });

  it('refuse a keyword with nothing to search for, naming the field', async () => {
    const ws = await buildWorkspace(t.db);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/listening/alerts',
      headers: ws.owner.headers,
      payload: { name: 'Bangs', queryKind: 'brand', trigger: 'keyword', keyword: '!!!' },
    });
    expect(saved.statusCode, saved.body).toBe(400);
    expect(json<{ errors: { field: string }[] }>(saved).errors.map((e) => e.field)).toEqual(['keyword']);
  });
});
