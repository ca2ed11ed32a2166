/**
 * The stream supervisor in a running server: a mailbox channel keeps an IMAP IDLE connection, so
 * mail delivered after the first poll arrives at once instead of at the next poll a minute later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Built } from '../../app.js';
import { modules } from '../../modules.js';
import type { Db } from '../../platform/db/db.js';
import { createLogger } from '../../platform/observability/logger.js';
import { openFreshDb } from '../../platform/testing/test-db.js';
import { buildWorkspace, json, testConfig, type TestWorkspace } from '../../platform/testing/test-app.js';
import { startDovecot, type Dovecot, type TestMailbox } from '../testing/dovecot.js';

const MAILBOX: TestMailbox = { user: 'help@rapport.example', password: 'imap-password' };
const mail = (n: number) =>
  [`From: Sam <sam${n}@customer.example>`, `Subject: Question ${n}`, `Message-ID: <q${n}@customer.example>`, '', `Question ${n}?`, ''].join(
    '\r\n',
  );

// A database of its own: the running server polls every workspace's channels.
let db: Db;
let built: Built;
let dovecot: Dovecot;
let ws: TestWorkspace;

beforeAll(async () => {
  db = await openFreshDb();
  built = await buildApp({ config: { ...testConfig(), jobPollMs: 100 }, db, log: createLogger('silent'), modules, webDir: null });
  await built.app.ready();
  dovecot = await startDovecot([MAILBOX]);
  ws = await buildWorkspace(db);
  await built.startBackground();
});

afterAll(async () => {
  await built?.close();
  await dovecot?.stop();
  await db?.close();
});

const subjects = async () => {
  const { rows } = await db.query<{ subject: string }>(`SELECT subject FROM conversations WHERE workspace_id = $1 ORDER BY subject`, [
    ws.workspaceId,
  ]);
  return rows.map((r) => r.subject);
};

describe('channel streams', () => {
  it('hears new mail over IMAP IDLE and takes it in at once, long before the next poll', async () => {
    await dovecot.deliver(MAILBOX, mail(1));
    const response = await built.app.inject({
      method: 'POST',
      url: '/api/v1/channels',
      headers: ws.owner.headers,
      payload: {
        kind: 'email',
        name: 'Help',
        config: {
          address: MAILBOX.user,
          imap: { host: '127.0.0.1', port: dovecot.port, security: 'none' },
          smtp: { host: '127.0.0.1', port: 25, security: 'none' },
          allowPrivateNetwork: true,
        },
        credentials: { imapPassword: MAILBOX.password },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const channel = json<{ id: string }>(response);
    await expect.poll(subjects, { timeout: 15_000 }).toEqual(['Question 1']);

    const { rows } = await db.query<{ next_poll_at: Date }>(`SELECT next_poll_at FROM channels WHERE id = $1`, [channel.id]);
    // The next regular poll is a minute away; the mail below must not wait for it.
    expect(new Date(rows[0]!.next_poll_at).getTime()).toBeGreaterThan(Date.now() + 30_000);
    await dovecot.deliver(MAILBOX, mail(2));
    await expect.poll(subjects, { timeout: 15_000 }).toEqual(['Question 1', 'Question 2']);
  });
});
