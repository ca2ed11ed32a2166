/**
 * What an agent meets working the demo inbox on a laptop and a phone: the customer beside the
 * conversation, a merge that proposes the customer's other conversations and warns before a private
 * one goes into a public thread, a reply counted against its network's limit, labels refused by
 * name, the bulk actions, readable suggestions in both themes, sanitised links that no longer look
 * like links, a webhook channel paused only after a warning, and health badges a phone can read.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

interface ListedConversation {
  id: string;
  subject: string;
  preview: string;
  network: string;
  status: string;
  teamId: string | null;
  labels: string[];
  contactId: string | null;
  identity: { id: string } | null;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' })).newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, server.baseUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function call<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const session = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken },
    data,
  });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const conversations = async () => (await call<{ data: ListedConversation[] }>('GET', '/conversations?limit=100')).data;
const conversationNamed = async (words: RegExp) => (await conversations()).find((c) => words.test(c.subject || c.preview))!;

async function openConversation(id: string, heading: RegExp): Promise<void> {
  await page.goto(`${server.baseUrl}/inbox/${id}`);
  await page.getByRole('region', { name: 'Conversation' }).getByRole('heading', { name: heading }).waitFor();
}

/** WCAG's contrast ratio of two computed CSS colours (rgb or rgba, alpha ignored). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((part) => {
        const c = Number(part) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

test('on a laptop the customer is a third pane beside the conversation, not a drawer over it', async () => {
  const mail = await conversationNamed(/^Export times out/);
  await openConversation(mail.id, /Export times out/);
  const panel = page.getByRole('region', { name: 'Noor Haddad', exact: true });
  await panel.waitFor();
  expect(await page.getByRole('button', { name: 'Show customer details' }).count()).toBe(0);
  const composer = (await page.getByRole('region', { name: 'Composer' }).boundingBox())!;
  const customer = (await panel.boundingBox())!;
  expect(composer.x + composer.width).toBeLessThanOrEqual(customer.x);
});

test('merging proposes the customer’s other conversations, and warns before a private one goes into a public thread', async () => {
  const mail = await conversationNamed(/^Export times out/);
  const toot = await conversationNamed(/the new export keeps timing out/);
  // Her Mastodon account is linked to her contact: the same customer on two networks.
  await call('POST', `/contacts/${mail.contactId}/identities`, { identityId: toot.identity!.id });

  await openConversation(mail.id, /Export times out/);
  await page.getByRole('button', { name: 'More conversation actions' }).click();
  await page.getByRole('menuitem', { name: /Merge into/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge into another conversation' });
  expect(await dialog.getByRole('searchbox', { name: 'Find the conversation' }).inputValue()).toBe('');
  const own = dialog.getByRole('group', { name: 'Noor Haddad’s other conversations' });
  const thread = own.getByRole('radio', { name: /the new export keeps timing out/ });
  await thread.waitFor();
  expect(await dialog.getByText('Private into public').count()).toBe(0);

  await thread.check();
  await dialog.getByText('Private into public').waitFor();
  await dialog.getByText(/This conversation is private \(E-mail\), and the one you picked is public \(Mastodon\)/).waitFor();
  await dialog.getByRole('button', { name: 'Merge into the public conversation' }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
});

test('a reply is counted as its network counts, and one too long is not sent, saying why', async () => {
  const toot = await conversationNamed(/the new export keeps timing out/);
  await openConversation(toot.id, /the new export keeps timing out/);
  const composer = page.getByRole('region', { name: 'Composer' });
  const reply = composer.getByLabel('Reply to the customer');
  const send = composer.getByRole('button', { name: 'Send reply' });

  await reply.fill('x'.repeat(100));
  expect(await composer.getByText(/ left$/).count()).toBe(0);
  await reply.fill('x'.repeat(420));
  await composer.getByText('80 left').waitFor();
  expect(await send.isEnabled()).toBe(true);

  await reply.fill('x'.repeat(510));
  await composer.getByText('10 over').waitFor();
  await composer
    .getByText('Too long for Mastodon: it takes at most 500 characters, and this reply is 510. Shorten it by 10 to send it.')
    .waitFor();
  expect(await send.isDisabled()).toBe(true);
  await reply.fill('');
});

test('a label is at most 50 characters; a refused one is named by its text, kept in the input, and clear of the composer', async () => {
  const toot = await conversationNamed(/the new export keeps timing out/);
  await openConversation(toot.id, /the new export keeps timing out/);
  const labels = page.getByRole('region', { name: 'Conversation' }).locator('input[aria-label="Labels"]');
  expect(await labels.getAttribute('maxlength')).toBe('50');
  await labels.click();
  await labels.pressSequentially('x'.repeat(45));
  await page.getByText('5 of 50 characters left').waitFor();
  await labels.fill('');

  // Pasted text becomes labels at once, past the input's limit: the server refuses it.
  const long = 'y'.repeat(60);
  await labels.evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, long);
  const refusal = page.getByText(`The label “${long}” must be at most 50 characters`);
  await refusal.waitFor();
  expect(await labels.inputValue()).toBe(long);
  expect(await page.getByText(/^Labels \d+:/).count()).toBe(0);
  const send = (await page.getByRole('button', { name: 'Send reply' }).boundingBox())!;
  const said = (await refusal.boundingBox())!;
  expect(said.y + said.height).toBeLessThan(send.y);
});

test('the bulk actions set the team, add and remove a label, and set the status', async () => {
  const picked = [await conversationNamed(/^Invoice 7781 charged twice/), await conversationNamed(/switching our support team/)];
  const toolbar = page.getByRole('toolbar', { name: 'Bulk actions' });
  const select = async () => {
    await page.goto(`${server.baseUrl}/inbox`);
    const list = page.getByRole('list', { name: 'Conversations' });
    for (const c of picked) await list.getByRole('checkbox', { name: new RegExp((c.subject || c.preview).slice(0, 20)) }).check();
    await toolbar.waitFor();
  };
  const now = async () => (await conversations()).filter((c) => picked.some((p) => p.id === c.id));

  await select();
  await toolbar.getByRole('button', { name: 'Team' }).click();
  await page.getByRole('menuitem', { name: 'Sales' }).click();
  await expect.poll(async () => (await now()).every((c) => c.teamId !== null)).toBe(true);

  for (const button of ['Add', 'Remove'] as const) {
    await select();
    await toolbar.getByRole('button', { name: 'Label' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Label' }).fill('follow-up');
    await page.getByRole('dialog').getByRole('button', { name: button }).click();
    await expect.poll(async () => (await now()).every((c) => c.labels.includes('follow-up'))).toBe(button === 'Add');
  }

  await select();
  await toolbar.getByRole('button', { name: 'Status' }).click();
  await page.getByRole('menuitem', { name: 'Pending' }).click();
  await expect.poll(async () => (await now()).map((c) => c.status)).toEqual(['pending', 'pending']);
});

test('the highlighted canned response reads clearly in both themes', async () => {
  const mail = await conversationNamed(/^Export times out/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await openConversation(mail.id, /Export times out/);
    await page.getByLabel('Reply to the customer').fill('/');
    const option = page.getByRole('listbox', { name: 'Canned responses' }).locator('[data-combobox-selected]');
    await option.waitFor();
    const [background, name] = await option.evaluate((el) => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(el.querySelector('span:last-child')!).color,
    ]);
    expect(contrast(background, name), `${colorScheme}: ${name} on ${background}`).toBeGreaterThanOrEqual(4.5);
    await page.getByLabel('Reply to the customer').fill('');
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a link whose address was removed as unsafe reads as plain text', async () => {
  const mail = [
    'From: Lee Archive <lee@customer.example>',
    'To: support@rapport.example',
    'Subject: A link that went nowhere',
    'Message-ID: <nowhere-1@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<p>See the <a href="javascript:alert(1)">details</a> and the <a href="https://example.com/">manual</a>.</p>`,
    '',
  ].join('\r\n');
  await call('POST', '/ingest/files', { format: 'eml', content: mail });
  const conversation = await conversationNamed(/^A link that went nowhere/);
  await openConversation(conversation.id, /A link that went nowhere/);
  const messages = page.getByRole('log', { name: 'Messages' });
  const paragraph = messages.locator('p', { hasText: 'See the' });
  await paragraph.waitFor();
  const [text, removed, kept] = await paragraph.evaluate((p) => [
    getComputedStyle(p).color,
    getComputedStyle(p.querySelector('a:not([href])')!).color,
    getComputedStyle(p.querySelector('a[href]')!).color,
  ]);
  expect(removed).toBe(text);
  expect(kept).not.toBe(text);
});

test('pausing a webhook channel first says that deliveries are refused meanwhile', async () => {
  const channel = await call<{ id: string }>('POST', '/channels', {
    kind: 'webhook',
    name: 'Shop webhook',
    config: { mapping: { externalId: '/id', text: '/text', authorId: '/author/id', authorName: '/author/name', sentAt: '/at' } },
    credentials: { secret: 's3cret-s3cret-s3cret' },
  });
  await page.goto(`${server.baseUrl}/settings/channels/${channel.id}`);
  await page.getByRole('heading', { level: 1, name: 'Shop webhook' }).waitFor();
  await page.getByRole('button', { name: 'Pause Shop webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Pause Shop webhook?' });
  await dialog.getByText(/refuses the deliveries the network sends.*Networks retry only for a limited time/).waitFor();
  const status = async () => (await call<{ status: string }>('GET', `/channels/${channel.id}`)).status;
  expect(await status()).toBe('active');
  await dialog.getByRole('button', { name: 'Pause channel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(status).toBe('paused');
  // Resuming turns nothing away: no question asked.
  await page.getByRole('button', { name: 'Resume Shop webhook' }).click();
  await expect.poll(status).toBe('active');
});

test('on a phone every channel’s health badge shows its whole word', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  await signIn(phone, server.baseUrl);
  await phone.goto(`${server.baseUrl}/settings/channels`);
  const table = phone.getByRole('table', { name: 'Channels' });
  await table.waitFor();
  const badges = table.locator('.mantine-Badge-label');
  expect(await badges.count()).toBeGreaterThan(0);
  const cut = await badges.evaluateAll((labels) =>
    labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent),
  );
  expect(cut).toEqual([]);
  await phone.context().close();
});
