/**
 * A mailbox end to end: mail delivered to a real IMAP server (Dovecot) is polled into the inbox,
 * an agent's reply leaves through a real SMTP receiver threaded to it, and the customer's answer to
 * that reply comes back into the same conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { buildApp, type Built } from '../../../app.js';
import { modules } from '../../../modules.js';
import type { Db } from '../../../platform/db/db.js';
import { createLogger } from '../../../platform/observability/logger.js';
import { openFreshDb } from '../../../platform/testing/test-db.js';
import { buildWorkspace, json, testConfig, type TestWorkspace } from '../../../platform/testing/test-app.js';
import { ingestPipeline } from '../../../ingest/index.js';
import { pollDueChannels, type SyncDeps } from '../../sync/poll.job.js';
import { startDovecot, type Dovecot, type TestMailbox } from '../../testing/dovecot.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../testing/smtp-receiver.js';

const MAILBOX: TestMailbox = { user: 'support@rapport.example', password: 'imap-password' };

function customerMail(
  id: string,
  subject: string,
  text: string,
  extraHeaders: string[] = [],
  date = new Date('2026-12-01T10:00:00Z'),
): string {
  return [
    'From: Dana Customer <dana@customer.example>',
    'To: support@rapport.example',
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    `Date: ${date.toUTCString()}`,
    ...extraHeaders,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
  ].join('\r\n');
}

// A database of its own: the poller and the job runner see every workspace's due work.
let db: Db;
let built: Built;
let dovecot: Dovecot;
let smtp: SmtpReceiver;
let ws: TestWorkspace;
let sync: SyncDeps;
let channelId: string;
let clock = Date.now();
const tick = () => new Date((clock += 120_000));

beforeAll(async () => {
  db = await openFreshDb();
  const config = testConfig();
  built = await buildApp({ config, db, log: createLogger('silent'), modules, webDir: null });
  await built.app.ready();
  sync = { db, secret: config.secret, log: createLogger('silent'), pipeline: () => ingestPipeline(built.deps) };
  [dovecot, smtp] = await Promise.all([startDovecot([MAILBOX]), startSmtpReceiver({ user: 'support', password: 'smtp-password' })]);
  ws = await buildWorkspace(db);
});

afterAll(async () => {
  await dovecot?.stop();
  await smtp?.close();
  await built?.close();
  await db?.close();
});

const api = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
  const response = await built.app.inject({ method, url, headers: ws.owner.headers, ...(payload ? { payload } : {}) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return json<T>(response);
};

interface Conversation {
  id: string;
  subject: string;
  messageCount: number;
  identity: { email: string | null; displayName: string } | null;
}

describe('an e-mail channel with IMAP and SMTP', () => {
  it('tests both servers, then polls new mail into conversations', async () => {
    const channel = await api<{ id: string }>('POST', '/api/v1/channels', {
      kind: 'email',
      name: 'Support',
      config: {
        address: MAILBOX.user,
        imap: { host: '127.0.0.1', port: dovecot.port, security: 'none' },
        smtp: { host: '127.0.0.1', port: smtp.port, security: 'none' },
        allowPrivateNetwork: true,
      },
      credentials: { imapPassword: MAILBOX.password, smtpUser: 'support', smtpPassword: 'smtp-password' },
    });
    channelId = channel.id;
    expect(await api('POST', `/api/v1/channels/${channelId}/test`)).toMatchObject({ ok: true, message: expect.stringContaining('IMAP') });

    await dovecot.deliver(MAILBOX, customerMail('order-1@customer.example', 'Broken kettle', 'My kettle arrived broken.'));
    await dovecot.deliver(MAILBOX, customerMail('order-2@customer.example', 'Invoice copy', 'Could you send the invoice again?'));
    expect(await pollDueChannels(sync, tick())).toBe(1);

    const list = await api<{ data: Conversation[] }>('GET', '/api/v1/conversations?view=all');
    expect(list.data.map((c) => c.subject).sort()).toEqual(['Broken kettle', 'Invoice copy']);
    expect(list.data[0]!.identity).toMatchObject({ email: 'dana@customer.example', displayName: 'Dana Customer' });
    const health = await api<{ health: { itemsIn: number; state: string } }>('GET', `/api/v1/channels/${channelId}`);
    expect(health.health).toMatchObject({ itemsIn: 2, state: 'ok' });

    // Polled again with nothing new: nothing is read twice.
    await pollDueChannels(sync, tick());
    expect((await api<{ data: Conversation[] }>('GET', '/api/v1/conversations?view=all')).data).toHaveLength(2);
  });

  it('sends the reply threaded over SMTP, and files the customer’s answer in the same conversation', async () => {
    const list = await api<{ data: Conversation[] }>('GET', '/api/v1/conversations?view=all&q=kettle');
    const conversation = list.data[0]!;
    await api('PATCH', `/api/v1/conversations/${conversation.id}`, { assigneeId: ws.owner.userId });
    await api('POST', `/api/v1/conversations/${conversation.id}/replies`, { text: 'Sorry about that, a new kettle is on its way.' });
    await built.jobs.runDue(new Date());

    expect(smtp.mails).toHaveLength(1);
    const sent = await simpleParser(smtp.mails[0]!.raw);
    expect(sent.subject).toBe('Re: Broken kettle');
    expect(sent.to && !Array.isArray(sent.to) ? sent.to.value[0]!.address : null).toBe('dana@customer.example');
    expect(sent.inReplyTo).toBe('<order-1@customer.example>');
    expect([sent.references ?? []].flat()).toContain('<order-1@customer.example>');
    const ourId = sent.messageId!;

    await dovecot.deliver(
      MAILBOX,
      customerMail(
        'order-1-answer@customer.example',
        'Re: Broken kettle',
        'Thank you!',
        [`In-Reply-To: ${ourId}`, `References: <order-1@customer.example> ${ourId}`],
        new Date(Date.now() + 60_000),
      ),
    );
    await pollDueChannels(sync, tick());
    const after = await api<Conversation>('GET', `/api/v1/conversations/${conversation.id}`);
    expect(after.messageCount).toBe(3);
    const messages = await api<{ data: { direction: string; text: string; deliveryStatus: string | null }[] }>(
      'GET',
      `/api/v1/conversations/${conversation.id}/messages`,
    );
    expect(messages.data.map((m) => [m.direction, m.deliveryStatus])).toEqual([
      ['in', null],
      ['out', 'sent'],
      ['in', null],
    ]);
    expect((await api<{ data: Conversation[] }>('GET', '/api/v1/conversations?view=all')).data).toHaveLength(2);
  });
});
