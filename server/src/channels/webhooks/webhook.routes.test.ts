import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, buildWorkspace, json, testApp, type TestApp, type TestWorkspace } from '../../platform/testing/test-app.js';
import { sealCredentials } from '../channel.credentials.js';
import { corpusFile } from '../testing/corpora.js';
import { createRefusalTally, refusalTally } from './refusal-tally.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const APP_SECRET = 'meta-app-secret-123';
const VERIFY_TOKEN = 'verify-me-please';
const CONSUMER_SECRET = 'x-consumer-secret-456';
const CHANNEL_SECRET = 'generic-webhook-secret-789';

const hmac = (secret: string, body: Buffer | string, encoding: 'hex' | 'base64') =>
  createHmac('sha256', secret).update(body).digest(encoding);

interface Report {
  received: number;
  ingested: number;
  duplicates: number;
  rejected: number;
}
interface Refusal {
  at: string;
  code: string;
  message: string;
}
interface ChannelBody {
  id: string;
  health: {
    state: string;
    errorCount: number;
    itemsIn: number;
    lastErrorAt: string | null;
    lagSeconds: number | null;
    recentErrors: { code: string }[];
    refusedDeliveries: { count: number; lastAt: string | null; recent: Refusal[] };
  };
}

async function channel(ws: TestWorkspace, payload: object): Promise<ChannelBody> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/channels', headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json<ChannelBody>(response);
}

/** The channel's health once the refusals tallied so far are written (every few seconds in a running server). */
async function health(ws: TestWorkspace, id: string) {
  await refusalTally(t.deps).flush();
  return json<ChannelBody>(await t.app.inject({ method: 'GET', url: `/api/v1/channels/${id}`, headers: ws.owner.headers })).health;
}

/**
 * Refused deliveries are listed newest first with their reasons, and leave the channel's own state
 * alone: a stranger calling the public URL must not make it look broken.
 */
function expectRefusedOnly(after: ChannelBody['health'], reasons: RegExp[]) {
  expect(after).toMatchObject({ errorCount: 0, lastErrorAt: null, recentErrors: [] });
  expect(after.state).not.toBe('failing');
  expect(after.refusedDeliveries.count).toBe(reasons.length);
  expect(after.refusedDeliveries.recent).toEqual(
    reasons.map((reason) => ({ at: expect.any(String), code: 'bad_signature', message: expect.stringMatching(reason) })),
  );
  expect(after.refusedDeliveries.lastAt).toBe(after.refusedDeliveries.recent[0]?.at);
}

const deliver = (id: string, body: Buffer | string, headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/webhooks/${id}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });

async function storedMessages(workspaceId: string, channelId: string): Promise<{ external_id: string; text: string }[]> {
  const { rows } = await t.db.query<{ external_id: string; text: string }>(
    `SELECT external_id, text FROM messages WHERE workspace_id = $1 AND channel_id = $2 ORDER BY external_id`,
    [workspaceId, channelId],
  );
  return rows;
}

describe('Meta webhooks', () => {
  it('answers the subscription handshake only with the right verify token', async () => {
    const ws = await buildWorkspace(t.db);
    const meta = await channel(ws, { kind: 'meta', name: 'Page', credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } });
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${meta.id}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${meta.id}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`,
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('ingests a signed delivery once, however often it is replayed, and refuses a forged one', async () => {
    const ws = await buildWorkspace(t.db);
    const meta = await channel(ws, { kind: 'meta', name: 'Page', credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } });
    // The recorded payload is tab-indented: a signature over re-serialised JSON would not match.
    const body = corpusFile('meta-webhooks', 'botbuilder__Payload.json');
    const signature = `sha256=${hmac(APP_SECRET, body, 'hex')}`;

    const first = await deliver(meta.id, body, { 'x-hub-signature-256': signature });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Report>(first)).toMatchObject({ received: 1, ingested: 1, duplicates: 0, rejected: 0 });
    const replay = await deliver(meta.id, body, { 'x-hub-signature-256': signature });
    expect(json<Report>(replay)).toMatchObject({ ingested: 0, duplicates: 1 });
    expect(await storedMessages(ws.workspaceId, meta.id)).toEqual([{ external_id: 'AAAA-BBBB-CCCC', text: 'text' }]);

    const tampered = Buffer.from(body.toString('utf8').replace('"text":"text"', '"text":"send me your password"'));
    const forged = await deliver(meta.id, tampered, { 'x-hub-signature-256': signature });
    expect(forged.statusCode).toBe(401);
    expect(json(forged)).toMatchObject({ code: 'bad_signature', detail: expect.stringMatching(/signature does not match the body/) });
    const unsigned = await deliver(meta.id, body, {});
    expect(unsigned.statusCode).toBe(401);
    expect(json(unsigned)).toMatchObject({ code: 'bad_signature', detail: expect.stringMatching(/x-hub-signature-256 header is missing/) });
    expect(await storedMessages(ws.workspaceId, meta.id)).toHaveLength(1);
    expectRefusedOnly(await health(ws, meta.id), [/header is missing/, /does not match the body/]);
    expect(await health(ws, meta.id)).toMatchObject({ itemsIn: 1 });
  });

  it('counts a stranger’s handshake with the wrong verify token as refused, not as the channel failing', async () => {
    const ws = await buildWorkspace(t.db);
    const meta = await channel(ws, { kind: 'meta', name: 'Page', credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } });
    const probe = await t.app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${meta.id}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`,
    });
    expect(probe.statusCode).toBe(401);
    expectRefusedOnly(await health(ws, meta.id), [/verify token/]);
  });

  it('asks the sender to deliver again later while the channel is paused, and takes the delivery in once it is resumed', async () => {
    const ws = await buildWorkspace(t.db);
    const meta = await channel(ws, { kind: 'meta', name: 'Page', credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } });
    const body = corpusFile('meta-webhooks', 'botbuilder__Payload.json');
    const signed = { 'x-hub-signature-256': `sha256=${hmac(APP_SECRET, body, 'hex')}` };
    const setStatus = (action: 'pause' | 'resume') =>
      t.app.inject({ method: 'POST', url: `/api/v1/channels/${meta.id}/${action}`, headers: ws.owner.headers });
    expect((await setStatus('pause')).statusCode).toBe(200);

    const held = await deliver(meta.id, body, signed);
    expect(held.statusCode, held.body).toBe(503);
    expect(held.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(held.headers['retry-after']).toBe('300');
    expect(json(held)).toMatchObject({ status: 503, code: 'channel_paused', detail: expect.stringMatching(/paused/) });
    // The signature is checked first: a forged delivery is refused as ever, and the handshake is answered.
    expect((await deliver(meta.id, body, { 'x-hub-signature-256': 'sha256=00' })).statusCode).toBe(401);
    const handshake = await t.app.inject({
      method: 'GET',
      url: `/api/v1/webhooks/${meta.id}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`,
    });
    expect(handshake.body).toBe('42');
    expect(await storedMessages(ws.workspaceId, meta.id)).toEqual([]);
    const paused = await health(ws, meta.id);
    expect(paused).toMatchObject({ state: 'paused', errorCount: 0, recentErrors: [] });
    expect(paused.refusedDeliveries.recent.map((r) => r.code)).toEqual(['bad_signature', 'channel_paused']);

    expect((await setStatus('resume')).statusCode).toBe(200);
    const redelivered = await deliver(meta.id, body, signed);
    expect(json<Report>(redelivered)).toMatchObject({ ingested: 1 });
    expect(await storedMessages(ws.workspaceId, meta.id)).toHaveLength(1);
  });

  it('answers 404 for unknown, removed and non-webhook channels', async () => {
    const ws = await buildWorkspace(t.db);
    const meta = await channel(ws, { kind: 'meta', name: 'Page', credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN } });
    const body = corpusFile('meta-webhooks', 'botbuilder__Payload.json');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/channels/${meta.id}`, headers: ws.owner.headers });
    expect((await deliver(meta.id, body, { 'x-hub-signature-256': `sha256=${hmac(APP_SECRET, body, 'hex')}` })).statusCode).toBe(404);
    expect((await deliver('00000000-0000-4000-8000-000000000000', body, {})).statusCode).toBe(404);
    const feed = await channel(ws, { kind: 'rss', name: 'Feed', config: { feedUrl: 'https://example.org/feed' }, status: 'paused' });
    expect((await deliver(feed.id, body, {})).statusCode).toBe(404);
  });
});

describe('X webhooks', () => {
  it('answers the CRC check and ingests signed v2 deliveries', async () => {
    const ws = await buildWorkspace(t.db);
    const x = await channel(ws, { kind: 'twitter', name: 'X account', credentials: { consumerSecret: CONSUMER_SECRET } });
    const crc = await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${x.id}?crc_token=challenge123` });
    expect(crc.statusCode).toBe(200);
    expect(json(crc)).toEqual({ response_token: `sha256=${hmac(CONSUMER_SECRET, 'challenge123', 'base64')}` });

    const body = corpusFile('twitter-v2', 'twarc-csv__two_tweets.jsonl');
    const delivered = await deliver(x.id, body, { 'x-twitter-webhooks-signature': `sha256=${hmac(CONSUMER_SECRET, body, 'base64')}` });
    expect(delivered.statusCode, delivered.body).toBe(200);
    const report = json<Report>(delivered);
    expect(report.ingested).toBeGreaterThan(0);
    expect(await storedMessages(ws.workspaceId, x.id)).toHaveLength(report.ingested);
    const wrong = await deliver(x.id, body, { 'x-twitter-webhooks-signature': `sha256=${hmac('not-the-secret', body, 'base64')}` });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong)).toMatchObject({ code: 'bad_signature', detail: expect.stringMatching(/does not match the body/) });
    expect(await storedMessages(ws.workspaceId, x.id)).toHaveLength(report.ingested);
    // A webhook channel waits for its sender: it is never "behind".
    expect(await health(ws, x.id)).toMatchObject({ state: 'ok', itemsIn: report.ingested, lagSeconds: null });
    expectRefusedOnly(await health(ws, x.id), [/does not match the body/]);
  });

  it('refuses unsigned deliveries and CRC checks without a token without turning a new channel red', async () => {
    const ws = await buildWorkspace(t.db);
    const x = await channel(ws, { kind: 'twitter', name: 'X account', credentials: { consumerSecret: CONSUMER_SECRET } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/webhooks/${x.id}` })).statusCode).toBe(401);
    const unsigned = await deliver(x.id, corpusFile('twitter-v2', 'twarc-csv__two_tweets.jsonl'), {});
    expect(unsigned.statusCode).toBe(401);
    expect(json(unsigned)).toMatchObject({ detail: expect.stringMatching(/x-twitter-webhooks-signature header is missing/) });
    const after = await health(ws, x.id);
    expect(after.state).toBe('new');
    expectRefusedOnly(after, [/header is missing/, /crc_token/]);
  });
});

describe('generic JSON webhooks', () => {
  const mapping = {
    itemsPath: '/events',
    mapping: {
      externalId: '/id',
      text: '/message/body',
      authorId: '/from/id',
      authorName: '/from/name',
      sentAt: '/ts',
      threadKey: '/conversation',
    },
  };

  it('maps items by JSON Pointer, dead-letters the bad ones and keeps the rest', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Chat widget', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const body = JSON.stringify({
      events: [
        {
          id: 'evt-1',
          message: { body: 'Hello, is anyone there?' },
          from: { id: 'visitor-9', name: 'Vera' },
          ts: 1764000000,
          conversation: 'c-1',
        },
        { id: 'evt-2', message: {}, from: { id: 'visitor-9' }, ts: '2025-11-24T16:00:00Z', conversation: 'c-1' },
      ],
    });
    const response = await deliver(hook.id, body, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(json<Report>(response)).toMatchObject({ received: 2, ingested: 1, rejected: 1 });
    // Senders label their bodies as they like; the bytes are what count.
    const relabelled = JSON.stringify({ events: [{ id: 'evt-3', message: { body: 'Sent as text' }, from: { id: 'visitor-9' } }] });
    const asText = await t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${hook.id}`,
      headers: { 'content-type': 'text/plain', 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, relabelled, 'hex')}` },
      payload: relabelled,
    });
    expect(json<Report>(asText)).toMatchObject({ ingested: 1 });
    expect(await storedMessages(ws.workspaceId, hook.id)).toEqual([
      { external_id: 'evt-1', text: 'Hello, is anyone there?' },
      { external_id: 'evt-3', text: 'Sent as text' },
    ]);
    const { rows } = await t.db.query<{ source: string; reason: string }>(
      `SELECT source, reason FROM dead_letters WHERE workspace_id = $1 AND channel_id = $2`,
      [ws.workspaceId, hook.id],
    );
    // The reason names the field and where the mapping looked for it.
    expect(rows).toEqual([{ source: 'webhook', reason: 'the item has no text (at /message/body)' }]);
  });

  it('acknowledges an unreadable but authentic delivery, dead-lettering it, and refuses a big one', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const body = '{"events": [ this is not json';
    const response = await deliver(hook.id, body, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` });
    expect(response.statusCode).toBe(200);
    expect(json<Report>(response)).toMatchObject({ ingested: 0, rejected: 1 });
    const { rows } = await t.db.query<{ payload: string }>(`SELECT payload FROM dead_letters WHERE workspace_id = $1 AND channel_id = $2`, [
      ws.workspaceId,
      hook.id,
    ]);
    expect(rows).toEqual([{ payload: body }]);
    expect((await health(ws, hook.id)).recentErrors[0]?.code).toBe('parse_error');

    const big = JSON.stringify({ events: [], padding: 'x'.repeat(1_100_000) });
    expect((await deliver(hook.id, big, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, big, 'hex')}` })).statusCode).toBe(413);
  });

  it('takes deliveries up to its own limit, whatever the server-wide one, and names that limit when refusing', async () => {
    const small = await buildTestApp({ RAPPORT_MAX_BODY_BYTES: '4096' });
    try {
      const ws = await buildWorkspace(t.db);
      const created = await small.app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: ws.owner.headers,
        payload: { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } },
      });
      const post = (body: string) =>
        small.app.inject({
          method: 'POST',
          url: `/api/v1/webhooks/${json<{ id: string }>(created).id}`,
          headers: { 'content-type': 'application/json', 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` },
          payload: body,
        });
      const events = (padding: number) => JSON.stringify({ events: [], padding: 'x'.repeat(padding) });
      expect((await post(events(10_000))).statusCode).toBe(200);
      const refused = await post(events(1_100_000));
      expect(refused.statusCode).toBe(413);
      expect(json(refused)).toMatchObject({
        code: 'body_too_large',
        detail: 'The body is larger than the 1,048,576 bytes this route takes',
      });
    } finally {
      await small.close();
    }
  });

  it('counts forged deliveries apart, while the channel stays healthy on its signed ones', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Chat widget', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const body = JSON.stringify({ events: [{ id: 'evt-1', message: { body: 'Hello' }, from: { id: 'visitor-1' } }] });
    const signed = await deliver(hook.id, body, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` });
    expect(json<Report>(signed)).toMatchObject({ ingested: 1 });
    const forged = JSON.stringify({ events: [{ id: 'evt-2', message: { body: 'Click this link' }, from: { id: 'mallory' } }] });
    for (let i = 0; i < 3; i++) {
      const refused = await deliver(hook.id, forged, { 'x-rapport-signature': `sha256=${hmac('guessed-secret', forged, 'hex')}` });
      expect(refused.statusCode).toBe(401);
    }
    expect((await deliver(hook.id, forged, {})).statusCode).toBe(401);
    const after = await health(ws, hook.id);
    expect(after).toMatchObject({ state: 'ok', itemsIn: 1 });
    expectRefusedOnly(after, [/x-rapport-signature header is missing/, /does not match/, /does not match/, /does not match/]);
    expect(await storedMessages(ws.workspaceId, hook.id)).toEqual([{ external_id: 'evt-1', text: 'Hello' }]);
  });

  it('keeps the secret out of every answer and the audit log', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/channels/${hook.id}`, headers: ws.owner.headers });
    expect(json(read)).toMatchObject({ hasCredentials: true });
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/audit-log?subjectId=${hook.id}`, headers: ws.owner.headers });
    const { rows } = await t.db.query<{ credentials: string }>(`SELECT credentials FROM channels WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      hook.id,
    ]);
    for (const text of [read.body, audit.body, rows[0]!.credentials]) expect(text).not.toContain(CHANNEL_SECRET);
  });
});

describe('refused deliveries under a flood', () => {
  const mapping = { itemsPath: '/events', mapping: { externalId: '/id', text: '/message/body', authorId: '/from/id' } };
  it('writes a burst of refusals as one update per channel, every one of them counted', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const other = await channel(ws, { kind: 'webhook', name: 'Chat', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    // Each statement outside a transaction, and each transaction, is one write.
    let writes = 0;
    const counted = {
      ...t.db,
      query: ((...args: Parameters<typeof t.db.query>) => {
        writes++;
        return t.db.query(...args);
      }) as typeof t.db.query,
      transaction: ((work: Parameters<typeof t.db.transaction>[0]) => {
        writes++;
        return t.db.transaction(work);
      }) as typeof t.db.transaction,
    };
    const tally = createRefusalTally({ db: counted, log: t.deps.log }, 60_000);
    const refusal = (n: number) => ({
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      code: 'bad_signature' as const,
      message: `forged ${n}`,
    });
    for (let n = 0; n < 200; n++) tally.note(ws.workspaceId, hook.id, refusal(n));
    tally.note(ws.workspaceId, other.id, refusal(0));
    expect(writes).toBe(0);
    await tally.flush();
    expect(writes).toBe(2);
    for (let n = 200; n < 250; n++) tally.note(ws.workspaceId, hook.id, refusal(n));
    await tally.close();
    expect(writes).toBe(3);

    const after = await health(ws, hook.id);
    expect(after.refusedDeliveries.count).toBe(250);
    expect(after.refusedDeliveries.lastAt).toBe(refusal(249).at);
    expect(after.refusedDeliveries.recent.map((r) => r.message)).toEqual(Array.from({ length: 20 }, (_, i) => `forged ${249 - i}`));
    expect((await health(ws, other.id)).refusedDeliveries.count).toBe(1);
    const { rows } = await t.db.query<{ data: { count: number } }>(
      `SELECT data FROM events WHERE workspace_id = $1 AND subject_id = $2 AND type = 'webhook.deliveries_refused' ORDER BY id`,
      [ws.workspaceId, hook.id],
    );
    expect(rows.map((r) => r.data.count)).toEqual([200, 50]);
  });

  it('answers forged requests without writing to the channel until the tally is written', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    const refusedCount = async () =>
      Number(
        (
          await t.db.query<{ refused_count: string }>('SELECT refused_count FROM channels WHERE workspace_id = $1 AND id = $2', [
            ws.workspaceId,
            hook.id,
          ])
        ).rows[0]!.refused_count,
      );
    for (let i = 0; i < 30; i++) expect((await deliver(hook.id, '{}', { 'x-rapport-signature': 'sha256=00' })).statusCode).toBe(401);
    expect(await refusedCount()).toBe(0);
    expect((await health(ws, hook.id)).refusedDeliveries.count).toBe(30);
  });
});

describe('a channel whose secrets no longer open', () => {
  const mapping = { itemsPath: '/events', mapping: { externalId: '/id', text: '/message/body', authorId: '/from/id' } };
  it('answers 503 with a stable code, and fails the channel on its own account once a minute', async () => {
    const ws = await buildWorkspace(t.db);
    const hook = await channel(ws, { kind: 'webhook', name: 'Form', config: mapping, credentials: { secret: CHANNEL_SECRET } });
    // The server secret changed since the channel was saved.
    await t.db.query(`UPDATE channels SET credentials = $3 WHERE workspace_id = $1 AND id = $2`, [
      ws.workspaceId,
      hook.id,
      sealCredentials('the-previous-server-secret-0123456789', hook.id, { secret: CHANNEL_SECRET }),
    ]);
    const body = JSON.stringify({ events: [{ id: 'evt-1', message: { body: 'Hello' }, from: { id: 'visitor-1' } }] });
    for (let i = 0; i < 3; i++) {
      const answered = await deliver(hook.id, body, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` });
      expect(answered.statusCode, answered.body).toBe(503);
      expect(json(answered)).toMatchObject({
        code: 'credentials_unreadable',
        title: 'Service Unavailable',
        detail: expect.stringMatching(/secrets can no longer be read/),
      });
    }
    const after = await health(ws, hook.id);
    expect(after).toMatchObject({ state: 'failing', errorCount: 1, refusedDeliveries: { count: 0 } });
    expect(after.recentErrors).toEqual([
      {
        at: expect.any(String),
        code: 'credentials_unreadable',
        message: expect.stringMatching(/secrets can no longer be read .*enter them again/),
      },
    ]);
    expect(await storedMessages(ws.workspaceId, hook.id)).toEqual([]);

    // Entering the secret again repairs the channel: the sender's next retry goes in.
    const repaired = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/channels/${hook.id}`,
      headers: ws.owner.headers,
      payload: { credentials: { secret: CHANNEL_SECRET } },
    });
    expect(repaired.statusCode, repaired.body).toBe(200);
    const retried = await deliver(hook.id, body, { 'x-rapport-signature': `sha256=${hmac(CHANNEL_SECRET, body, 'hex')}` });
    expect(json<Report>(retried)).toMatchObject({ ingested: 1 });
    expect((await health(ws, hook.id)).state).toBe('ok');
  });
});
