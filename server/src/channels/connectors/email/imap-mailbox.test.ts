import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { parseFile } from '../../formats.js';
import { corpusFile } from '../../testing/corpora.js';
import { startDovecot, type Dovecot, type TestMailbox } from '../../testing/dovecot.js';
import { openImap, readNewMail, watchMailbox, type ImapAccount } from './imap-mailbox.js';

const loopback = async () => '127.0.0.1';

function mail(n: number, subject = `Order ${n}`): string {
  return [
    `From: Customer ${n} <customer${n}@example.org>`,
    'To: support@example.test',
    `Subject: ${subject}`,
    `Message-ID: <m${n}@example.org>`,
    'Date: Tue, 01 Dec 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Where is my order number ${n}?`,
    '',
  ].join('\r\n');
}

describe('IMAP mailbox (against Dovecot)', () => {
  let dovecot: Dovecot;
  const mailbox: TestMailbox = { user: 'support@example.test', password: 'imap-secret' };
  const other: TestMailbox = { user: 'sales@example.test', password: 'sales-secret' };
  let account: ImapAccount;
  let client: ImapFlow;

  beforeAll(async () => {
    dovecot = await startDovecot([mailbox, other]);
    account = {
      host: 'mail.example.test',
      port: dovecot.port,
      security: 'none',
      user: mailbox.user,
      password: mailbox.password,
      mailbox: 'INBOX',
    };
    client = await openImap(account, loopback);
  });
  afterAll(async () => {
    await client?.logout().catch(() => undefined);
    await dovecot?.stop();
  });

  it('reads new mail in UID order, in bounded batches, and resumes after the last UID', async () => {
    expect(await readNewMail(client, 'INBOX', {}, 10)).toMatchObject({ mails: [], more: false });
    for (const n of [1, 2, 3]) await dovecot.deliver(mailbox, mail(n));

    const first = await readNewMail(client, 'INBOX', {}, 2);
    expect(first.mails.map((m) => m.uid)).toEqual([1, 2]);
    expect(first.more).toBe(true);
    expect(first.cursor).toMatchObject({ lastUid: 2 });
    expect(first.cursor.uidValidity).toMatch(/^\d+$/);

    const second = await readNewMail(client, 'INBOX', first.cursor, 2);
    expect(second.mails.map((m) => m.uid)).toEqual([3]);
    expect(second.more).toBe(false);
    // Nothing new: the newest message is not returned again although "4:*" names it.
    expect((await readNewMail(client, 'INBOX', second.cursor, 2)).mails).toEqual([]);

    const parsed = await parseFile('eml', second.mails[0]!.raw);
    expect(parsed.messages[0]).toMatchObject({
      channel: 'email',
      externalId: 'm3@example.org',
      author: { email: 'customer3@example.org', displayName: 'Customer 3' },
      title: 'Order 3',
    });
    expect(parsed.messages[0]!.text).toContain('Where is my order number 3?');
  });

  it('starts again from the first message when UIDVALIDITY changed', async () => {
    const result = await readNewMail(client, 'INBOX', { uidValidity: '1', lastUid: 99 }, 10);
    expect(result.mails.map((m) => m.uid)).toEqual([1, 2, 3]);
  });

  it('keeps attachments and recorded real-world mail intact through the server', async () => {
    await dovecot.deliver(other, corpusFile('email', 'mail__attachment_emails__attachment_pdf.eml'));
    const salesClient = await openImap({ ...account, user: other.user, password: other.password }, loopback);
    try {
      const { mails } = await readNewMail(salesClient, 'INBOX', {}, 10);
      const fromServer = await parseFile('eml', mails[0]!.raw);
      const fromFile = await parseFile('eml', corpusFile('email', 'mail__attachment_emails__attachment_pdf.eml'));
      expect(fromServer.messages[0]!.attachments).toEqual(fromFile.messages[0]!.attachments);
      expect(fromServer.messages[0]!.attachments.length).toBeGreaterThan(0);
    } finally {
      await salesClient.logout();
    }
  });

  it('hears of new mail through IDLE without polling', async () => {
    const announcements: number[] = [];
    const watch = await watchMailbox(account, loopback, () => announcements.push(Date.now()));
    try {
      expect(announcements).toHaveLength(0);
      await dovecot.deliver(mailbox, mail(4));
      await expect.poll(() => announcements.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    } finally {
      await watch.close();
    }
  });

  it('refuses a wrong password', async () => {
    await expect(openImap({ ...account, password: 'wrong' }, loopback)).rejects.toThrow();
  });
});
