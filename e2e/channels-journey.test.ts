/**
 * Channels as an admin runs them: a feed added in settings turns healthy in the list without a
 * reload; a generic webhook keeps its health while strangers post unsigned deliveries (shown apart,
 * as refused deliveries); an unreadable item waits as a dead letter, is replayed after the mapping
 * is fixed, and leaves the "not resolved" list; a new one appears there live, and its retry counts
 * on it; the channel is paused, resumed and removed.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHttpServer, type TestHttpServer } from '../server/src/channels/testing/http-server.js';
import { addChannel, launchBrowser, openArea, signIn, startServer, type RunningServer } from './support.js';

const SECRET = 'form-signing-secret-0123';
const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kettle news</title><link>https://news.example/</link>
  <item><title>Kettles of the year</title><link>https://news.example/kettles</link><guid>kettles-2026</guid>
    <pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate><description>Our kettle won.</description></item>
</channel></rss>`;

let server: RunningServer;
let browser: Browser;
let page: Page;
let feeds: TestHttpServer;
/** The webhook channel's receive URL, as its page shows it. */
let receiveUrl = '';

beforeAll(async () => {
  [server, browser, feeds] = await Promise.all([startServer(), launchBrowser(), startTestHttpServer()]);
  feeds.route('/news.xml', { contentType: 'application/rss+xml', body: FEED });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => expect.fail(`a dialog opened: ${dialog.message()}`)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await feeds?.close();
});

const channelRow = (name: string) => page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: name });

const deliver = (url: string, body: string, signature?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-rapport-signature': signature } : {}) },
    body,
  });
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

test('a feed added in settings turns healthy in the list without a reload', async () => {
  await signIn(page, server.baseUrl);
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'Channels' }).click();
  await addChannel(page, /RSS/, 'Kettle news', async (dialog) => {
    await dialog.getByLabel('Feed URL').fill(`${feeds.url}/news.xml`);
    await dialog.getByLabel('Allow addresses on the private network').check();
  });
  // The first poll runs within seconds; its arrivals refresh the list.
  await channelRow('Kettle news').getByText('Healthy').waitFor({ timeout: 20_000 });
});

test('strangers’ unsigned deliveries are shown apart and leave the webhook healthy', async () => {
  await addChannel(page, /Webhook/, 'Contact form', async (dialog) => {
    await dialog.getByLabel(/^Message id/).fill('/id');
    await dialog.getByLabel(/^Text/).fill('/text');
    await dialog.getByLabel(/^Author id/).fill('/from');
    await dialog.getByLabel(/^Signing secret/).fill(SECRET);
  });
  await channelRow('Contact form').getByRole('link', { name: 'Contact form' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contact form' }).waitFor();
  const url = await page.getByRole('textbox', { name: 'Receive URL' }).inputValue();
  receiveUrl = url;

  const forged = JSON.stringify({ id: 'f-1', text: 'Click here', from: 'mallory' });
  expect((await deliver(url, forged)).status).toBe(401);
  expect((await deliver(url, forged, sign('something else'))).status).toBe(401);
  // Authentic but without the mapped text: kept as a dead letter, not a failure of the channel.
  const unreadable = JSON.stringify({ id: 'm-2', message: 'Hello?', from: 'visitor-2' });
  expect((await deliver(url, unreadable, sign(unreadable))).status).toBe(200);
  const good = JSON.stringify({ id: 'm-1', text: 'Is the kettle in stock?', from: 'visitor-1' });
  expect((await deliver(url, good, sign(good))).status).toBe(200);

  // The signed delivery's arrival refreshes the open page.
  await page.getByText('Healthy').first().waitFor({ timeout: 20_000 });
  expect(await page.getByText('Failing').count()).toBe(0);
  const refused = page.getByRole('region', { name: 'Refused deliveries' });
  await refused.getByText(/2 requests to the receive URL were refused/).waitFor();
  await refused.getByRole('cell', { name: 'the x-rapport-signature signature does not match the body' }).waitFor();
  await refused.getByRole('cell', { name: 'the x-rapport-signature header is missing' }).waitFor();
  await page.getByRole('region', { name: 'Latest errors' }).getByText('No errors.').waitFor();
});

test('a dead letter is replayed once the mapping is fixed, and leaves the unresolved list', async () => {
  const deadLetters = page.getByRole('list', { name: 'Dead letters' });
  await deadLetters.getByText('the item has no text (at /text)').waitFor({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Contact form' });
  await edit.getByLabel(/^Text/).fill('/message');
  await edit.getByRole('button', { name: 'Save channel' }).click();
  await edit.waitFor({ state: 'hidden' });

  await deadLetters.getByRole('listitem').first().getByRole('button', { name: 'Replay' }).click();
  await page.getByText('1 ingested, 0 duplicates, 0 refused').waitFor();
  await deadLetters.getByText('Resolved').waitFor();

  await page.getByRole('link', { name: 'Channels' }).first().click();
  await page.getByRole('tab', { name: 'Dead letters' }).click();
  await page.getByLabel('Channel', { exact: true }).first().click();
  await page.getByRole('option', { name: 'Contact form' }).click();
  // Only what still waits is listed at first.
  await page.getByText('No dead letters match these filters.').waitFor();
  await page.getByLabel('Status', { exact: true }).first().click();
  await page.getByRole('option', { name: 'Resolved', exact: true }).click();
  await page.getByRole('list', { name: 'Dead letters' }).getByText('the item has no text (at /text)').waitFor();

  // A new bad item shows up in the open list without a reload, and the sender's retry counts on it.
  await page.getByLabel('Status', { exact: true }).first().click();
  await page.getByRole('option', { name: 'Not resolved', exact: true }).click();
  await page.getByText('No dead letters match these filters.').waitFor();
  const stray = JSON.stringify({ id: 'm-3', body: 'Anyone there?', from: 'visitor-3' });
  expect((await deliver(receiveUrl, stray, sign(stray))).status).toBe(200);
  const waiting = page.getByRole('list', { name: 'Dead letters' }).getByRole('listitem');
  await waiting.getByText('the item has no text (at /message)').waitFor({ timeout: 20_000 });
  expect((await deliver(receiveUrl, stray, sign(stray))).status).toBe(200);
  await waiting.getByText(/came 2 times since/).waitFor({ timeout: 20_000 });
  expect(await waiting.count()).toBe(1);
});

test('an admin pauses a webhook channel after a warning, resumes it and removes it', async () => {
  await page.getByRole('tab', { name: 'Channels' }).click();
  await channelRow('Contact form').getByRole('button', { name: 'Pause Contact form' }).click();
  // A webhook turns the network's deliveries away while paused: the admin is told so first.
  const asked = page.getByRole('dialog', { name: 'Pause Contact form?' });
  await asked.getByText(/retry/).waitFor();
  await asked.getByRole('button', { name: 'Pause channel' }).click();
  await channelRow('Contact form').getByText('Paused').waitFor();
  await channelRow('Contact form').getByRole('button', { name: 'Resume Contact form' }).click();
  await channelRow('Contact form').getByText('Healthy').waitFor();
  await channelRow('Contact form').getByRole('button', { name: 'Remove Contact form' }).click();
  await page.getByRole('dialog', { name: 'Remove Contact form?' }).getByRole('button', { name: 'Remove channel' }).click();
  await channelRow('Contact form').waitFor({ state: 'detached' });
  await channelRow('Kettle news').waitFor();
});
