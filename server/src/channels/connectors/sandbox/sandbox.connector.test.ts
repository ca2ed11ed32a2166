/**
 * Sandbox channels through the API: created without credentials for a network, tested, and a reply
 * sent through one going the whole delivery path (job, message marked sent, events, health) while
 * nothing leaves the server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type Built } from '../../../app.js';
import { modules } from '../../../modules.js';
import type { Db } from '../../../platform/db/db.js';
import { createLogger } from '../../../platform/observability/logger.js';
import { openFreshDb } from '../../../platform/testing/test-db.js';
import { buildWorkspace, json, testConfig, type TestWorkspace } from '../../../platform/testing/test-app.js';
import { ingestPipeline } from '../../../ingest/index.js';
import { mastodonJsonl } from '../../../ingest/testing/mastodon-statuses.js';
import { parseFile } from '../../index.js';
import { corpusFile } from '../../testing/corpora.js';

interface ChannelBody {
  id: string;
  kind: string;
  config: Record<string, unknown>;
  hasCredentials: boolean;
  health: { state: string; itemsIn: number; itemsOut: number; lastSuccessAt: string | null; errorCount: number };
}
interface ProblemBody {
  status: number;
  errors?: { field: string; reason: string }[];
}

// A database of its own, so running due jobs runs only this file's.
let db: Db;
let built: Built;
let ws: TestWorkspace;

beforeAll(async () => {
  db = await openFreshDb();
  built = await buildApp({ config: testConfig(), db, log: createLogger('silent'), modules, webDir: null });
  await built.app.ready();
});

beforeEach(async () => {
  ws = await buildWorkspace(db);
});

afterAll(async () => {
  await built.close();
  await db.close();
});

const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  built.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });

async function sandbox(network: string, name = `Sandbox ${network}`): Promise<ChannelBody> {
  const response = await send('POST', '/api/v1/channels', { kind: 'sandbox', name, config: { network } });
  expect(response.statusCode, response.body).toBe(201);
  return json<ChannelBody>(response);
}

const channel = async (id: string) => json<ChannelBody>(await send('GET', `/api/v1/channels/${id}`));

/** A recorded e-mail taken in through the pipeline by the channel, as `rapport ingest --channel` would; its conversation. */
async function receiveEmail(channelId: string): Promise<string> {
  const parsed = await parseFile('eml', corpusFile('email', 'mail__plain_emails__raw_email_reply.eml'));
  await ingestPipeline(built.deps).submit({
    source: { workspaceId: ws.workspaceId, channelId, kind: 'file', format: 'eml' },
    messages: parsed.messages,
  });
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND channel_id = $2`, [
    ws.workspaceId,
    channelId,
  ]);
  return rows[0]!.id;
}

describe('sandbox channels', () => {
  it('are created for a network without credentials, and their test says nothing is sent anywhere', async () => {
    const created = await sandbox('email', 'Demo e-mail (sandbox)');
    expect(created).toMatchObject({ kind: 'sandbox', config: { network: 'email' }, hasCredentials: false, health: { state: 'new' } });
    const test = await send('POST', `/api/v1/channels/${created.id}/test`);
    expect(json(test)).toEqual({
      ok: true,
      code: null,
      message: 'A sandbox for e-mail: replies are kept inside Rapport and sent nowhere.',
    });
    const listed = json<{ data: ChannelBody[] }>(await send('GET', '/api/v1/channels?kind=sandbox')).data;
    expect(listed.map((c) => c.id)).toEqual([created.id]);
  });

  it('name the field when the network is missing, unknown or not a network, and take no secrets', async () => {
    const cases: [object, { field: string; reason: RegExp }[]][] = [
      [{}, [{ field: 'config.network', reason: /^is required$/ }]],
      [{ config: { network: 'myspace' } }, [{ field: 'config.network', reason: /^must be one of: rss, email, mastodon/ }]],
      // A sandbox stands in for a network, not for another sandbox.
      [{ config: { network: 'sandbox' } }, [{ field: 'config.network', reason: /^must be one of: / }]],
      [
        { config: { network: 'email', smtp: { host: 'smtp.example.org' } } },
        [{ field: 'config.smtp', reason: /^is not a known setting$/ }],
      ],
      [
        { config: { network: 'email' }, credentials: { password: 'hunter2' } },
        [{ field: 'credentials.password', reason: /^is not a known setting$/ }],
      ],
    ];
    for (const [payload, errors] of cases) {
      const refused = await send('POST', '/api/v1/channels', { kind: 'sandbox', name: 'Sandbox', ...payload });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = json<ProblemBody>(refused);
      expect(body.errors).toHaveLength(errors.length);
      errors.forEach((error, i) => {
        expect(body.errors![i]!.field).toBe(error.field);
        expect(body.errors![i]!.reason).toMatch(error.reason);
      });
    }
    const created = await sandbox('mastodon');
    const changed = await send('PATCH', `/api/v1/channels/${created.id}`, { config: { network: 'bluesky ' } });
    expect(changed.statusCode, changed.body).toBe(400);
    expect(json<ProblemBody>(changed).errors?.map((e) => e.field)).toEqual(['config.network']);
    expect((await channel(created.id)).config).toEqual({ network: 'mastodon' });
  });

  it('receive no webhooks: without a secret the public URL would let anyone write into the inbox', async () => {
    const created = await sandbox('webhook');
    const delivery = await built.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${created.id}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ id: '1', text: 'hello', from: 'someone' }),
    });
    expect(delivery.statusCode).toBe(404);
    expect((await channel(created.id)).health).toMatchObject({ itemsIn: 0, errorCount: 0 });
  });

  it('take files of the network they stand in for through the file ingest, and refuse others', async () => {
    const toots = await sandbox('mastodon');
    const ingest = (payload: object) => send('POST', '/api/v1/ingest/files', payload);
    const ok = await ingest({ format: 'mastodon', content: mastodonJsonl(2), channelId: toots.id });
    expect(ok.statusCode, ok.body).toBe(200);
    const { rows } = await db.query<{ network: string; channel_id: string }>(
      'SELECT DISTINCT network, channel_id FROM conversations WHERE workspace_id = $1',
      [ws.workspaceId],
    );
    expect(rows).toEqual([{ network: 'mastodon', channel_id: toots.id }]);
    const wrong = await ingest({ format: 'rss', content: '<rss/>', channelId: toots.id });
    expect(wrong.statusCode).toBe(400);
    expect(json<ProblemBody>(wrong).errors).toEqual([
      { field: 'channelId', reason: 'is a sandbox channel for mastodon; rss files hold rss messages' },
    ]);
  });

  it('deliver a reply at once through the delivery job, tracked like any channel’s', async () => {
    const mail = await sandbox('email');
    const conversationId = await receiveEmail(mail.id);
    const conversation = json<{ network: string; channelId: string; replyUnavailable: string | null }>(
      await send('GET', `/api/v1/conversations/${conversationId}`),
    );
    expect(conversation).toMatchObject({ network: 'email', channelId: mail.id, replyUnavailable: null });

    const sent = await send('POST', `/api/v1/conversations/${conversationId}/replies`, { text: 'Thanks, we are on it.' });
    expect(sent.statusCode, sent.body).toBe(201);
    const reply = json<{ id: string; deliveryStatus: string }>(sent);
    expect(reply.deliveryStatus).toBe('queued');

    const before = new Date();
    await built.jobs.runDue(new Date());

    const messages = json<{ data: { id: string; deliveryStatus: string | null; deliveryError: string | null }[] }>(
      await send('GET', `/api/v1/conversations/${conversationId}/messages`),
    ).data;
    expect(messages.find((m) => m.id === reply.id)).toMatchObject({ deliveryStatus: 'sent', deliveryError: null });
    const { rows: stored } = await db.query<{ external_id: string }>(
      'SELECT external_id FROM messages WHERE workspace_id = $1 AND id = $2',
      [ws.workspaceId, reply.id],
    );
    expect(stored[0]!.external_id).toBe(reply.id);
    const { rows: events } = await db.query<{ type: string; data: { before?: unknown; after?: unknown } }>(
      `SELECT type, data FROM events WHERE workspace_id = $1 AND subject_id = $2 ORDER BY id`,
      [ws.workspaceId, reply.id],
    );
    expect(events.map((e) => e.type)).toEqual(['message.created', 'message.delivery_updated']);
    expect(events[1]!.data).toMatchObject({
      before: { deliveryStatus: 'queued' },
      after: { deliveryStatus: 'sent', externalId: reply.id },
    });

    const health = (await channel(mail.id)).health;
    expect(health).toMatchObject({ state: 'ok', itemsOut: 1, errorCount: 0 });
    expect(new Date(health.lastSuccessAt!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('hold replies while paused, like any channel, and deliver them once resumed', async () => {
    const mail = await sandbox('email');
    const conversationId = await receiveEmail(mail.id);
    await send('POST', `/api/v1/channels/${mail.id}/pause`);
    const reply = json<{ id: string }>(await send('POST', `/api/v1/conversations/${conversationId}/replies`, { text: 'Hello' }));
    await built.jobs.runDue(new Date());
    const status = async () =>
      (
        await db.query<{ delivery_status: string }>('SELECT delivery_status FROM messages WHERE workspace_id = $1 AND id = $2', [
          ws.workspaceId,
          reply.id,
        ])
      ).rows[0]!.delivery_status;
    expect(await status()).toBe('queued');
    expect((await channel(mail.id)).health.itemsOut).toBe(0);
    await send('POST', `/api/v1/channels/${mail.id}/resume`);
    // The retry waits out its backoff (30 s after the first attempt).
    await built.jobs.runDue(new Date(Date.now() + 60_000));
    expect(await status()).toBe('sent');
    expect((await channel(mail.id)).health.itemsOut).toBe(1);
  });
});
