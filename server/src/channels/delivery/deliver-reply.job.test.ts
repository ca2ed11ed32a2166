import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { buildApp, type Built } from '../../app.js';
import { modules } from '../../modules.js';
import type { Db } from '../../platform/db/db.js';
import { createLogger } from '../../platform/observability/logger.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace, json, testConfig, type TestWorkspace } from '../../platform/testing/test-app.js';
import { ingestPipeline } from '../../ingest/index.js';
import { parseFile } from '../index.js';
import { corpusFile } from '../testing/corpora.js';
import { forbidPrivateNetwork } from '../testing/private-network.js';
import { startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.js';
import { startTestHttpServer, type TestHttpServer } from '../testing/http-server.js';
import { deliverReply } from './deliver-reply.job.js';

// A database of its own, so running due jobs runs only this file's.
let db: Db;
let built: Built;
let smtp: SmtpReceiver;
let http: TestHttpServer;
let ws: TestWorkspace;
const SECRET = testConfig().secret;
const log = createLogger('silent');

beforeAll(async () => {
  db = await openFreshDb();
  built = await buildApp({ config: testConfig(), db, log, modules, webDir: null });
  await built.app.ready();
  smtp = await startSmtpReceiver({ user: 'support', password: 'mail-password' });
  http = await startTestHttpServer();
});

beforeEach(async () => {
  ws = await buildWorkspace(db);
});

afterAll(async () => {
  await smtp.close();
  await http.close();
  await built.close();
  await db.close();
});

async function createChannel(payload: object): Promise<{ id: string }> {
  const response = await built.app.inject({ method: 'POST', url: '/api/v1/channels', headers: ws.owner.headers, payload });
  expect(response.statusCode, response.body).toBe(201);
  return json(response);
}

const emailChannel = (port: number, extra: object = {}) =>
  createChannel({
    kind: 'email',
    name: 'Support',
    config: {
      address: 'support@rapport.example',
      smtp: { host: '127.0.0.1', port, security: 'none' },
      allowPrivateNetwork: true,
      ...extra,
    },
    credentials: { smtpUser: 'support', smtpPassword: 'mail-password' },
  });

/** Takes a recorded e-mail in through the pipeline, as the mailbox reader would, and returns its conversation. */
async function receiveEmail(channelId: string): Promise<string> {
  const parsed = await parseFile('eml', corpusFile('email', 'mail__plain_emails__raw_email_reply.eml'));
  await ingestPipeline(built.deps).submit({
    source: { workspaceId: ws.workspaceId, channelId, kind: 'poll', format: 'eml' },
    messages: parsed.messages,
  });
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND channel_id = $2`, [
    ws.workspaceId,
    channelId,
  ]);
  return rows[0]!.id;
}

async function reply(conversationId: string, text: string): Promise<string> {
  const response = await built.app.inject({
    method: 'POST',
    url: `/api/v1/conversations/${conversationId}/replies`,
    headers: ws.owner.headers,
    payload: { text },
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ id: string }>(response).id;
}

async function delivery(messageId: string) {
  const { rows } = await db.query<{ delivery_status: string; external_id: string | null; delivery_error: string | null }>(
    `SELECT delivery_status, external_id, delivery_error FROM messages WHERE workspace_id = $1 AND id = $2`,
    [ws.workspaceId, messageId],
  );
  return rows[0]!;
}

const itemsOut = async (channelId: string) =>
  json<{ health: { itemsOut: number } }>(
    await built.app.inject({ method: 'GET', url: `/api/v1/channels/${channelId}`, headers: ws.owner.headers }),
  ).health.itemsOut;

describe('delivering replies by e-mail', () => {
  it('tests the SMTP login, and refuses a private server unless the channel allows it', async () => {
    const test = async (id: string) =>
      json(await built.app.inject({ method: 'POST', url: `/api/v1/channels/${id}/test`, headers: ws.owner.headers }));
    const good = await emailChannel(smtp.port);
    expect(await test(good.id)).toMatchObject({ ok: true, code: null });
    const wrong = await createChannel({
      kind: 'email',
      name: 'Wrong password',
      config: {
        address: 'support@rapport.example',
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' },
        allowPrivateNetwork: true,
      },
      credentials: { smtpUser: 'support', smtpPassword: 'guess' },
    });
    expect(await test(wrong.id)).toMatchObject({ ok: false, code: 'auth_failed' });
    const strict = await emailChannel(smtp.port);
    await forbidPrivateNetwork(db, ws.workspaceId, strict.id);
    expect(await test(strict.id)).toMatchObject({ ok: false, code: 'ssrf_refused' });
  });

  it('sends a threaded reply over SMTP and marks it sent, once', async () => {
    const channel = await emailChannel(smtp.port);
    const conversationId = await receiveEmail(channel.id);
    const messageId = await reply(conversationId, 'Thanks for writing, we are on it.');

    await built.jobs.runDue(new Date());
    expect(smtp.mails).toHaveLength(1);
    const sent = smtp.mails[0]!;
    expect(sent.from).toBe('support@rapport.example');
    expect(sent.to).toEqual(['xxxxxxxx@xxx.org']);
    const mail = await simpleParser(sent.raw);
    expect(mail.subject).toBe('Re: Test reply email');
    expect(mail.from?.value[0]).toMatchObject({ address: 'support@rapport.example', name: 'Support' });
    expect(mail.inReplyTo).toBe('<473FFE27.20003@xxx.org>');
    const references = [mail.references ?? []].flat();
    expect(references[0]).toBe('<473FF3B8.9020707@xxx.org>');
    expect(references.at(-1)).toBe('<473FFE27.20003@xxx.org>');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@rapport\.example>$/);
    expect(mail.text?.trim()).toBe('Thanks for writing, we are on it.');

    expect(await delivery(messageId)).toEqual({ delivery_status: 'sent', external_id: mail.messageId!.slice(1, -1), delivery_error: null });
    expect(await itemsOut(channel.id)).toBe(1);

    // Run again (a redelivered job): nothing is sent twice.
    await deliverReply(db, { secret: SECRET }, { workspaceId: ws.workspaceId, now: new Date(), log, finalAttempt: false }, messageId);
    expect(smtp.mails).toHaveLength(1);
  });

  it('fails a reply the server refuses for good, and retries one it could not reach', async () => {
    const refusing = await startSmtpReceiver({ user: 'support', password: 'mail-password', rejectRecipients: true });
    const channel = await emailChannel(refusing.port);
    const conversationId = await receiveEmail(channel.id);
    try {
      const refused = await reply(conversationId, 'Hello?');
      await built.jobs.runDue(new Date());
      expect(await delivery(refused)).toMatchObject({ delivery_status: 'failed', delivery_error: expect.stringMatching(/550/) });
    } finally {
      await refusing.close();
    }

    // Nothing listens on the closed server's port any more: a transient failure, retried later.
    const retried = await reply(conversationId, 'Second try');
    const now = new Date();
    await built.jobs.runDue(now);
    expect((await delivery(retried)).delivery_status).toBe('queued');
    const { rows: jobs } = await db.query<{ status: string; attempts: number; run_at: Date }>(
      `SELECT status, attempts, run_at FROM jobs WHERE payload->>'messageId' = $1`,
      [retried],
    );
    expect(jobs[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect(jobs[0]!.run_at.getTime()).toBeGreaterThanOrEqual(now.getTime() + 30_000);

    // The last attempt gives up and says why.
    await deliverReply(db, { secret: SECRET }, { workspaceId: ws.workspaceId, now: new Date(), log, finalAttempt: true }, retried);
    expect(await delivery(retried)).toMatchObject({ delivery_status: 'failed', delivery_error: expect.stringMatching(/SMTP server/) });
  });
});

describe('delivering replies through a generic webhook', () => {
  it('POSTs the reply, signed, to the outbound URL and keeps the id the receiver gives', async () => {
    const secret = 'generic-webhook-secret-789';
    http.route('/outbound', { contentType: 'application/json', body: JSON.stringify({ externalId: 'widget-msg-77' }) });
    const channel = await createChannel({
      kind: 'webhook',
      name: 'Chat widget',
      config: {
        mapping: { externalId: '/id', text: '/text', authorId: '/from', authorName: '/name' },
        outboundUrl: `${http.url}/outbound`,
        allowPrivateNetwork: true,
      },
      credentials: { secret },
    });
    const inbound = JSON.stringify({ id: 'evt-1', text: 'Do you ship to Norway?', from: 'visitor-9', name: 'Vera' });
    const delivered = await built.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${channel.id}`,
      headers: {
        'content-type': 'application/json',
        'x-rapport-signature': `sha256=${createHmac('sha256', secret).update(inbound).digest('hex')}`,
      },
      payload: inbound,
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM conversations WHERE workspace_id = $1 AND channel_id = $2`, [
      ws.workspaceId,
      channel.id,
    ]);
    const messageId = await reply(rows[0]!.id, 'We do, in 3 to 5 days.');

    await built.jobs.runDue(new Date());
    const request = http.requests.find((r) => r.url === '/outbound')!;
    expect(request.headers['x-rapport-signature']).toBe(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
    expect(JSON.parse(request.body)).toMatchObject({
      type: 'reply',
      messageId,
      inReplyTo: 'evt-1',
      recipient: { id: 'visitor-9', name: 'Vera' },
      text: 'We do, in 3 to 5 days.',
    });
    expect(await delivery(messageId)).toEqual({ delivery_status: 'sent', external_id: 'widget-msg-77', delivery_error: null });
  });
});
