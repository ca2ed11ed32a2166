/**
 * The inbox end to end: an admin connects a blog feed, a mailbox (real Dovecot and an SMTP
 * receiver) and a Mastodon account (a local server answering with recorded entities) in the UI;
 * conversations arrive live in an inbox already open in another tab; an agent assigns one and
 * replies by e-mail, and the reply reaches the SMTP receiver threaded to the customer's mail.
 * Every source carries script payloads, and none of them ever runs.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { simpleParser } from 'mailparser';
import type { Browser, Locator, Page } from 'playwright-core';
import { startDovecot, type Dovecot, type TestMailbox } from '../server/src/channels/testing/dovecot.js';
import { startTestHttpServer, type TestHttpServer } from '../server/src/channels/testing/http-server.js';
import { startMastodonServer, type MastodonTestServer } from '../server/src/channels/testing/mastodon-server.js';
import { startSmtpReceiver, type SmtpReceiver } from '../server/src/channels/testing/smtp-receiver.js';
import { addChannel, launchBrowser, openArea, signIn, startServer, type RunningServer } from './support.js';

const MAILBOX: TestMailbox = { user: 'support@rapport.example', password: 'imap-password' };
const SCRIPT = `<script>window.__pwned = 'script'</script><img src="x" onerror="window.__pwned = 'onerror'">`;

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Kettle blog</title>
  <id>urn:kettle-blog</id>
  <updated>2026-12-01T09:00:00Z</updated>
  <entry>
    <title>Our new kettle is here</title>
    <id>urn:kettle-blog:1</id>
    <link href="https://blog.example/new-kettle"/>
    <updated>2026-12-01T09:00:00Z</updated>
    <author><name>Blog Team</name></author>
    <content type="html">${SCRIPT.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}&lt;p&gt;Meet the kettle.&lt;/p&gt;</content>
  </entry>
</feed>`;

const MAIL = [
  'From: Dana Customer <dana@customer.example>',
  'To: support@rapport.example',
  'Subject: Broken kettle',
  'Message-ID: <kettle-1@customer.example>',
  'Date: Tue, 01 Dec 2026 10:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  `<p>My kettle arrived broken.</p>${SCRIPT}<a href="javascript:window.__pwned='link'">details</a>`,
  '',
].join('\r\n');

/** A mail from an exported mailbox, ingested as a file: its conversation has no channel to reply through. */
const IMPORTED_MAIL = [
  'From: Lee Archive <lee@customer.example>',
  'To: support@rapport.example',
  'Subject: How do I descale it?',
  'Message-ID: <descale-1@customer.example>',
  `Date: ${new Date().toUTCString()}`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'The kettle needs descaling; how?',
  '',
].join('\r\n');

let server: RunningServer;
let browser: Browser;
let admin: Page;
let inbox: Page;
let feeds: TestHttpServer;
let dovecot: Dovecot;
let smtp: SmtpReceiver;
let mastodon: MastodonTestServer;

beforeAll(async () => {
  [feeds, dovecot, smtp, mastodon] = await Promise.all([
    startTestHttpServer(),
    startDovecot([MAILBOX]),
    startSmtpReceiver({ user: 'support', password: 'smtp-password' }),
    startMastodonServer(),
  ]);
  feeds.route('/feed.atom', { contentType: 'application/atom+xml', body: FEED });
  await dovecot.deliver(MAILBOX, MAIL);
  mastodon.addStatus(
    { id: '501', text: `@rapport is the kettle dishwasher safe? &lt;script&gt;window.__pwned = 'toot'&lt;/script&gt;`, acct: 'kim' },
    { mention: true },
  );
  server = await startServer();
  browser = await launchBrowser();
  // Two sessions side by side: one in settings, one watching the inbox.
  admin = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  inbox = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  for (const page of [admin, inbox])
    page.on('dialog', (dialog) => void dialog.dismiss().then(() => expect.fail(`a dialog opened: ${dialog.message()}`)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await Promise.all([feeds?.close(), dovecot?.stop(), smtp?.close(), mastodon?.close()]);
});

async function addInboxChannel(kind: RegExp, name: string, fill: (dialog: Locator) => Promise<void>) {
  await addChannel(admin, kind, name, fill);
  await admin.getByRole('table', { name: 'Channels' }).getByRole('cell', { name }).first().waitFor();
}

async function choose(dialog: ReturnType<Page['getByRole']>, label: string, option: RegExp) {
  await dialog.getByLabel(label, { exact: true }).first().click();
  await admin.getByRole('option', { name: option }).click();
}

test('channels added in settings fill an open inbox live; no payload script runs', async () => {
  await signIn(inbox, server.baseUrl);
  await openArea(inbox, 'Inbox');
  const list = inbox.getByRole('list', { name: 'Conversations' });

  await signIn(admin, server.baseUrl);
  await openArea(admin, 'Settings');
  await admin.getByRole('tab', { name: 'Channels' }).click();

  await addInboxChannel(/RSS/, 'Kettle blog', async (dialog) => {
    await dialog.getByLabel('Feed URL').fill(`${feeds.url}/feed.atom`);
    await dialog.getByLabel('Allow addresses on the private network').check();
  });
  await addInboxChannel(/E-mail/, 'Support mailbox', async (dialog) => {
    await dialog.getByLabel('E-mail address').fill(MAILBOX.user);
    await dialog.getByLabel('IMAP server').fill('127.0.0.1');
    await dialog.getByLabel('IMAP port').fill(String(dovecot.port));
    await choose(dialog, 'IMAP security', /^None/);
    await dialog.getByLabel('IMAP password').fill(MAILBOX.password);
    await dialog.getByLabel('SMTP server').fill('127.0.0.1');
    await dialog.getByLabel('SMTP port').fill(String(smtp.port));
    await choose(dialog, 'SMTP security', /^None/);
    await dialog.getByLabel('SMTP user name').fill('support');
    await dialog.getByLabel('SMTP password').fill('smtp-password');
    await dialog.getByLabel('Allow addresses on the private network').check();
  });
  await addInboxChannel(/Mastodon/, 'Mastodon', async (dialog) => {
    await dialog.getByLabel('Server URL').fill(mastodon.url);
    await dialog.getByLabel('Access token').fill(mastodon.token);
    await dialog.getByLabel('Allow addresses on the private network').check();
  });

  // The other tab was never reloaded: these arrive over the live event stream.
  await list.getByRole('link', { name: /Broken kettle/ }).waitFor({ timeout: 30_000 });
  await list.getByRole('link', { name: /Our new kettle is here/ }).waitFor({ timeout: 30_000 });
  await list.getByRole('link', { name: /dishwasher safe/ }).waitFor({ timeout: 30_000 });

  for (const subject of [/Our new kettle is here/, /dishwasher safe/, /Broken kettle/]) {
    await list.getByRole('link', { name: subject }).click();
    await inbox.getByRole('log', { name: 'Messages' }).getByRole('article').first().waitFor();
  }
  await inbox.getByRole('log', { name: 'Messages' }).getByText('My kettle arrived broken.').waitFor();
  expect(await inbox.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await inbox.locator('[role="log"] script, [role="log"] [onerror], [role="log"] a[href^="javascript:"]').count()).toBe(0);
});

test('an agent assigns the mail to themself and replies; the reply leaves threaded', async () => {
  const conversation = inbox.getByRole('region', { name: 'Conversation' });
  await conversation.getByLabel('Assignee', { exact: true }).first().click();
  await inbox.getByRole('option', { name: /Demo/ }).first().click();
  await inbox.getByRole('navigation', { name: 'Inbox views' }).getByRole('button', { name: /Mine/ }).click();
  await inbox
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: /Broken kettle/ })
    .waitFor();

  await inbox.getByRole('tab', { name: 'Reply' }).click();
  await inbox.getByLabel('Reply to the customer').fill('So sorry, Dana. A new kettle is on its way.');
  await inbox.getByRole('button', { name: 'Send reply' }).click();
  await inbox.getByRole('log', { name: 'Messages' }).getByText('A new kettle is on its way.').waitFor();

  await expect.poll(() => smtp.mails.length, { timeout: 20_000 }).toBe(1);
  const sent = await simpleParser(smtp.mails[0]!.raw);
  expect(sent.subject).toBe('Re: Broken kettle');
  expect(sent.inReplyTo).toBe('<kettle-1@customer.example>');
  expect([sent.references ?? []].flat()).toContain('<kettle-1@customer.example>');
  expect(sent.text).toContain('A new kettle is on its way.');
  // The delivery is confirmed on the message once the channel took it.
  await inbox
    .getByRole('log', { name: 'Messages' })
    .getByText(/^Sent$/)
    .first()
    .waitFor({ timeout: 20_000 });
});

test('a conversation imported from a file says why it cannot be replied to, and still takes notes', async () => {
  const session = (await (await inbox.request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const imported = await inbox.request.post(`${server.baseUrl}/api/v1/ingest/files`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { format: 'eml', content: IMPORTED_MAIL },
  });
  expect(imported.status()).toBe(200);
  await inbox.getByRole('navigation', { name: 'Inbox views' }).getByRole('button', { name: /All/ }).click();
  await inbox
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: /descale/ })
    .click({ timeout: 30_000 });

  const composer = inbox.getByRole('region', { name: 'Composer' });
  await composer.getByRole('tab', { name: 'Reply' }).click();
  await composer.getByText('Replying is not possible here').waitFor();
  await composer.getByText(/imported from a file/).waitFor();
  expect(await composer.getByLabel('Reply to the customer').count()).toBe(0);
  await composer.getByRole('button', { name: 'Write a note' }).click();
  await composer.getByLabel('Internal note').fill('Imported from an export; I will call them instead.');
  await composer.getByRole('button', { name: 'Add note' }).click();
  await inbox.getByRole('log', { name: 'Messages' }).getByText('I will call them instead.').waitFor();
});
