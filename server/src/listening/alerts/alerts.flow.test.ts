/**
 * Alerts against real mentions: a burst well above the same hour on earlier days fires once (the
 * cool-down holds the next check back), says expected vs observed, and is delivered in-app, by
 * e-mail through a real SMTP server and by a signed webhook to a real HTTP server.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpServer, type TestHttpServer } from '../../channels/testing/http-server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../channels/testing/smtp-receiver.js';
import { mastodonStatus } from '../../ingest/testing/mastodon-statuses.js';
import { dropQueuedDeliveries } from '../../inbox/testing/conversations.js';
import { buildWorkspace, json, testApp, type TestApp } from '../../platform/testing/test-app.js';
import { checkAlert, SETTLE_MS } from './alert-check.js';

let t: TestApp;
let hooks: TestHttpServer;
let smtp: SmtpReceiver;
beforeAll(async () => {
  t = await testApp();
  hooks = await startTestHttpServer();
  hooks.route('/alerts', { status: 204, body: '' });
  smtp = await startSmtpReceiver({ user: 'relay', password: 'relay-pass' });
});
afterAll(async () => {
  await hooks.close();
  await smtp.close();
  await dropQueuedDeliveries(t.db);
});

type Headers = Record<string, string>;
const send = (headers: Headers, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function ingest(headers: Headers, statuses: Record<string, unknown>[]) {
  const content = statuses.map((s) => JSON.stringify(s)).join('\n');
  expect((await send(headers, 'POST', '/api/v1/ingest/files', { format: 'mastodon', content })).statusCode).toBe(200);
}

describe('listening alerts', () => {
  it('fires on a volume spike against the seasonal baseline, delivers everywhere, then cools down', async () => {
    const ws = await buildWorkspace(t.db);
    const query = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' }),
    );
    const now = Date.now();
    const history = [];
    // Two mentions in this hour on each of the last seven days: the usual level.
    for (let day = 1; day <= 7; day++) {
      for (let i = 0; i < 2; i++)
        history.push(
          mastodonStatus(`d${day}-${i}`, { text: `acme note ${day} ${i}`, createdAt: new Date(now - day * DAY - (i + 1) * 600_000) }),
        );
    }
    const burst = Array.from({ length: 25 }, (_, i) =>
      mastodonStatus(`b${i}`, { text: `acme is on fire ${i}`, account: i, createdAt: new Date(now - (i + 1) * 60_000) }),
    );
    await ingest(ws.owner.headers, [...history, ...burst]);
    // The query's history matched (its backfill done): till then a spike alert waits.
    await t.jobs.runDue();

    const created = await send(ws.owner.headers, 'POST', '/api/v1/listening/alerts', {
      name: 'Acme spike',
      queryId: query.id,
      trigger: 'volume',
      notifyEmails: ['pr@example.test'],
      webhookUrl: `${hooks.url}/alerts`,
      allowPrivateNetwork: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const alert = json<{ id: string }>(created);

    const config = { ...t.deps.config, smtpUrl: `smtp://relay:relay-pass@127.0.0.1:${smtp.port}` };
    const firing = await checkAlert(t.db, config, ws.workspaceId, alert.id, new Date(now));
    expect(firing).not.toBeNull();
    expect(firing!.observed).toBe(25);
    expect(firing!.expected).toBe(2);
    expect(firing!.reason).toMatch(/25 mentions against 2 expected/);
    expect(firing!.deliveries.map((d) => [d.channel, d.ok])).toEqual([
      ['in-app', true],
      ['email', true],
      ['webhook', true],
    ]);

    expect(smtp.mails.at(-1)!.to).toEqual(['pr@example.test']);
    expect(smtp.mails.at(-1)!.raw).toContain('Acme spike');
    const call = hooks.requests.at(-1)!;
    const secret = json<{ secret: string }>(
      await send(ws.owner.headers, 'GET', `/api/v1/listening/alerts/${alert.id}/webhook-secret`),
    ).secret;
    expect(call.headers['x-rapport-signature']).toBe(`sha256=${createHmac('sha256', secret).update(call.body).digest('hex')}`);
    expect(JSON.parse(call.body)).toMatchObject({ type: 'listening.alert', firing: { observed: 25, expected: 2 } });
    const notes = json<{ data: { kind: string; body: string }[] }>(await send(ws.owner.headers, 'GET', '/api/v1/notifications'));
    expect(notes.data.some((n) => n.kind === 'listening.alert' && n.body.includes('25 mentions'))).toBe(true);

    // Checked again five minutes later, the spike is still there but the cool-down holds it back.
    expect(await checkAlert(t.db, config, ws.workspaceId, alert.id, new Date(now + 5 * 60_000))).toBeNull();
    const history1 = json<{ data: { observed: number; reason: string }[] }>(
      await send(ws.owner.headers, 'GET', '/api/v1/listening/alerts/history'),
    ).data;
    expect(history1).toHaveLength(1);
  });

  it('stays quiet at the usual level, and fires a keyword alert once per burst', async () => {
    const ws = await buildWorkspace(t.db);
    const query = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' }),
    );
    const now = Date.now();
    const statuses = [];
    for (let day = 0; day <= 5; day++) {
      for (let i = 0; i < 3; i++)
        statuses.push(
          mastodonStatus(`q${day}-${i}`, { text: `acme daily ${day} ${i}`, createdAt: new Date(now - day * DAY - (i + 1) * 600_000) }),
        );
    }
    const keyword = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/alerts', {
        name: 'Recall',
        queryId: query.id,
        trigger: 'keyword',
        keyword: 'recall',
        cooldownMinutes: 5,
      }),
    );
    statuses.push(mastodonStatus('recall', { text: 'acme recall announced', createdAt: new Date() }));
    await ingest(ws.owner.headers, statuses);
    const volume = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/alerts', { name: 'Volume', queryKind: 'brand', trigger: 'volume' }),
    );
    expect(await checkAlert(t.db, t.deps.config, ws.workspaceId, volume.id, new Date(now))).toBeNull();

    const checkedAt = Date.now() + SETTLE_MS;
    const fired = await checkAlert(t.db, t.deps.config, ws.workspaceId, keyword.id, new Date(checkedAt));
    expect(fired?.reason).toBe('1 new mention contains “recall”');
    // Later checks count only what was stored since, so the same mention does not fire again.
    expect(await checkAlert(t.db, t.deps.config, ws.workspaceId, keyword.id, new Date(checkedAt + 10 * 60_000))).toBeNull();
  });

  it('refuses alerts that watch nothing, go nowhere, or let an agent reach the local network', async () => {
    const ws = await buildWorkspace(t.db);
    const agent = await ws.member('agent');
    const post = (headers: Headers, body: object) => send(headers, 'POST', '/api/v1/listening/alerts', body);
    expect((await post(ws.owner.headers, { name: 'x', trigger: 'volume' })).statusCode).toBe(400);
    expect((await post(ws.owner.headers, { name: 'x', queryKind: 'brand', trigger: 'keyword' })).statusCode).toBe(400);
    expect((await post(ws.owner.headers, { name: 'x', queryKind: 'brand', trigger: 'volume', notifyInApp: false })).statusCode).toBe(400);
    const local = { name: 'x', queryKind: 'brand', trigger: 'volume', webhookUrl: 'http://127.0.0.1:9/x', allowPrivateNetwork: true };
    expect((await post(agent.headers, local)).statusCode).toBe(403);
  });

  it('refuses a blank name or keyword, naming the field, on create and on change', async () => {
    const ws = await buildWorkspace(t.db);
    const post = (body: object) => send(ws.owner.headers, 'POST', '/api/v1/listening/alerts', body);
    const problems = (response: { body: string }) => json<{ errors: { field: string; reason: string }[] }>(response as never).errors;
    const blankName = await post({ name: '   ', queryKind: 'brand', trigger: 'volume' });
    expect(blankName.statusCode, blankName.body).toBe(400);
    expect(problems(blankName)).toEqual([{ field: 'name', reason: 'must not be blank' }]);
    const blankKeyword = await post({ name: 'Recall', queryKind: 'brand', trigger: 'keyword', keyword: ' \t ' });
    expect(blankKeyword.statusCode, blankKeyword.body).toBe(400);
    expect(problems(blankKeyword)).toEqual([{ field: 'keyword', reason: 'must not be blank' }]);

    const saved = await post({ name: ' Recall ', queryKind: 'brand', trigger: 'keyword', keyword: ' recall ' });
    expect(saved.statusCode, saved.body).toBe(201);
    const alert = json<{ id: string; name: string; keyword: string }>(saved);
    expect(alert).toMatchObject({ name: 'Recall', keyword: 'recall' });
    const renamed = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/alerts/${alert.id}`, { name: '  ' });
    expect(renamed.statusCode, renamed.body).toBe(400);
    expect(problems(renamed)).toEqual([{ field: 'name', reason: 'must not be blank' }]);
    const rekeyed = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/alerts/${alert.id}`, { keyword: '  ' });
    expect(rekeyed.statusCode, rekeyed.body).toBe(400);
    expect(problems(rekeyed)).toEqual([{ field: 'keyword', reason: 'must not be blank' }]);
  });

  it('refuses a webhook on the local network at save as channels do, and tells why a delivery failed', async () => {
    const ws = await buildWorkspace(t.db);
    const admin = await ws.member('admin');
    const post = (headers: Headers, webhookUrl: string, allowPrivateNetwork?: boolean) =>
      send(headers, 'POST', '/api/v1/listening/alerts', {
        name: 'Hook',
        queryKind: 'brand',
        trigger: 'volume',
        webhookUrl,
        ...(allowPrivateNetwork === undefined ? {} : { allowPrivateNetwork }),
      });
    for (const url of [
      'http://127.0.0.1/x',
      'http://169.254.169.254/latest',
      'http://localhost:8080/',
      'http://[::1]/x',
      'http://0x7f000001/',
    ]) {
      const refused = await post(ws.owner.headers, url);
      expect(refused.statusCode, `${url}: ${refused.body}`).toBe(400);
      const [problem] = json<{ errors: { field: string; reason: string }[] }>(refused).errors;
      expect(problem!.field).toBe('webhookUrl');
      expect(problem!.reason).toMatch(
        /^is on the private network \(.+\); turn on “Allow addresses on the private network” \(allowPrivateNetwork\) to reach it$/,
      );
    }
    expect((await post(admin.headers, 'http://127.0.0.1:9/x', true)).statusCode).toBe(201);
    const saved = json<{ id: string }>(
      await send(ws.owner.headers, 'POST', '/api/v1/listening/alerts', {
        name: 'Launch',
        queryKind: 'brand',
        trigger: 'keyword',
        keyword: 'launch',
        webhookUrl: 'https://hooks.example.test/alerts',
      }),
    );
    const moved = await send(ws.owner.headers, 'PATCH', `/api/v1/listening/alerts/${saved.id}`, { webhookUrl: 'http://10.0.0.7/hook' });
    expect(moved.statusCode, moved.body).toBe(400);

    // An alert saved before this rule still points at the server itself: its delivery fails, and says why.
    await t.db.query(`UPDATE listening_alerts SET webhook_url = 'http://127.0.0.1:8080/x' WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      saved.id,
    ]);
    await send(ws.owner.headers, 'POST', '/api/v1/listening/queries', { name: 'Acme', query: 'acme', kind: 'brand' });
    await ingest(ws.owner.headers, [mastodonStatus('w1', { text: 'acme launch', createdAt: new Date() })]);
    const fired = await checkAlert(t.db, t.deps.config, ws.workspaceId, saved.id, new Date(Date.now() + SETTLE_MS));
    expect(fired).not.toBeNull();
    const history = json<{ data: { deliveries: { channel: string; ok: boolean; detail: string }[] }[] }>(
      await send(ws.owner.headers, 'GET', `/api/v1/listening/alerts/history?alertId=${saved.id}`),
    ).data;
    const webhook = history[0]!.deliveries.find((d) => d.channel === 'webhook')!;
    expect(webhook.ok).toBe(false);
    expect(webhook.detail).toMatch(/127\.0\.0\.1.*loopback/);
  });
});
