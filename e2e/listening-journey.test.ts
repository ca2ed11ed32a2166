/**
 * Listening end to end, as a user: a brand and a competitor query written in the builder, a
 * Mastodon hashtag search connected as a listening channel (a local server answering with recorded
 * entities), mentions arriving live in an open stream with sentiment, intent and influence; a
 * complaint handed to the service team, a buying signal made a lead for sales, an intent corrected
 * and learned by the next similar message, a post two queries matched shown once, posts searched,
 * counted and downloaded, the cards moved through and marked from the keyboard, and share of voice
 * read on the dashboard.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startMastodonServer, type MastodonTestServer } from '../server/src/channels/testing/mastodon-server.js';
import { mastodonStatus } from '../server/src/ingest/testing/mastodon-statuses.js';
import { launchBrowser, signIn, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
let admin: Page;
let mastodon: MastodonTestServer;

beforeAll(async () => {
  mastodon = await startMastodonServer();
  const now = Date.now();
  const posts = [
    ['601', 'kim', 'My kettle from Kettle Co arrived broken and support never answers'],
    ['602', 'lou', 'Where can I buy the kettle in Berlin? I want to order two for the office'],
    ['603', 'max', 'The Brewmax coffee machine is great, love it'],
    ['604', 'ned', 'kettle frobnicator plinth code 7 on the console'],
  ] as const;
  posts.forEach(([id, acct, text], i) =>
    mastodon.addStatus({ id, acct, text, createdAt: new Date(now - (10 - i) * 60_000).toISOString() }, { mention: true }),
  );
  server = await startServer();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  admin = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  for (const p of [page, admin])
    p.on('dialog', (dialog) => void dialog.dismiss().then(() => expect.fail(`a dialog opened: ${dialog.message()}`)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mastodon?.close();
});

const card = (text: string): Locator => page.getByRole('article').filter({ hasText: text });

/** The colour a chart's legend gives a series. */
async function legendColor(chart: Locator, series: string): Promise<string> {
  const item = chart
    .locator('[class*="legendItem"]')
    .filter({ has: chart.page().getByText(series, { exact: true }) })
    .first();
  return item.locator('[class*="colorOverlay"]').evaluate((swatch) => getComputedStyle(swatch).backgroundColor);
}

/** A write to the API as the signed-in user, where the journey is not about the form that makes it. */
async function apiPost(path: string, data: object): Promise<number> {
  const session = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${server.baseUrl}/api/v1${path}`, { headers: { 'x-csrf-token': session.csrfToken }, data });
  return response.status();
}

/** A post comes in through the pipeline (from a recorded export) while the stream is open, and is shown. */
async function postArrivesLive(id: string, account: number, text: string, language = 'en') {
  const content = JSON.stringify(mastodonStatus(id, { text, account, createdAt: new Date(), language }));
  expect(await apiPost('/ingest/files', { format: 'mastodon', content })).toBe(200);
  await page.getByRole('button', { name: /new mention/ }).click({ timeout: 30_000 });
}

async function newQuery(name: string, group: RegExp, query: string) {
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Queries' }).click();
  await page.getByRole('link', { name: 'New query' }).first().click();
  await page.getByLabel('Query name').fill(name);
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: group }).click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill(query);
  await page.getByText(/^Matched \d+ of \d+/).waitFor();
  await page.getByRole('button', { name: 'Save query' }).click();
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Queries' }).click();
  await page.getByRole('link', { name, exact: true }).waitFor();
}

test('brand and competitor queries are written in the builder, with errors shown where they are', async () => {
  await signIn(page, server.baseUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();

  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Queries' }).click();
  await page.getByRole('link', { name: 'New query' }).first().click();
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('kettle AND (broken');
  await page
    .getByText(/This \( is never closed/)
    .first()
    .waitFor();
  await expect.poll(() => page.getByRole('button', { name: 'Save query' }).isDisabled()).toBe(true);

  // A check that fails is told, with its reference, rather than leaving the last result on screen.
  const check = '**/api/v1/listening/queries/check';
  await page.route(check, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ status: 503, title: 'Service Unavailable', requestId: 'check-ref-1' }),
    }),
  );
  await page.getByRole('textbox', { name: 'Query', exact: true }).fill('kettle AND broken');
  const failed = page.getByRole('alert').filter({ hasText: 'The query could not be checked' });
  await failed.getByText('check-ref-1').waitFor();
  await page.unroute(check);

  await newQuery('Kettle', /Brand/, 'kettle OR #kettle OR "kettle co"');
  await newQuery('Brewmax', /Competitor/, 'brewmax');
});

test('a listening channel’s posts arrive live as mentions with sentiment, intent and influence', async () => {
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Mentions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();

  await signIn(admin, server.baseUrl);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await admin.getByRole('tab', { name: 'Channels' }).click();
  await admin.getByRole('button', { name: 'Add channel' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Add a channel' });
  await dialog.getByRole('radio', { name: /Mastodon/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByLabel(/^Name/).fill('Kettle hashtag search');
  await dialog.getByRole('combobox', { name: 'Use for', exact: true }).click();
  await admin.getByRole('option', { name: /Listening only/ }).click();
  await dialog.getByLabel('Server URL').fill(mastodon.url);
  await dialog.getByLabel('Access token').fill(mastodon.token);
  // The streaming API wakes the poller at once; the shortest interval is the fallback.
  await dialog.getByLabel('Check every (seconds)').fill('30');
  await dialog.getByLabel('Allow addresses on the private network').check();
  await dialog.getByRole('button', { name: 'Save and test' }).click();
  await dialog.getByText('Connected').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The stream was open all along: the new mentions announce themselves.
  await page.getByRole('button', { name: /new mention/ }).click({ timeout: 40_000 });
  const complaint = card('arrived broken');
  await complaint.waitFor();
  await complaint.getByRole('button', { name: 'Intent: Complaint' }).waitFor();
  await expect.poll(() => complaint.getByText(/negative/i).count()).toBeGreaterThan(0);
  await complaint.getByLabel(/^Influence \d+ of 100$/).waitFor();
  await card('kettle in Berlin').getByRole('button', { name: 'Intent: Buying signal' }).waitFor();
  await card('Brewmax').waitFor();
});

test('a complaint goes to the service team as a case; a buying signal becomes a lead for sales', async () => {
  await card('arrived broken').getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Hand to a team' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hand to a team' }).click();
  await page.getByRole('link', { name: 'Open the conversation' }).waitFor();

  await card('kettle in Berlin').getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Make a lead' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Make a lead' }).click();
  await page.getByRole('link', { name: 'Open the contact' }).click();
  await page.getByText('Where can I buy the kettle in Berlin', { exact: false }).first().waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();

  // The case is in the service team's inbox, with an agent of that team on it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: /arrived broken/ })
    .click();
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await conversation.getByText('arrived broken', { exact: false }).first().waitFor();
  await expect.poll(() => conversation.getByLabel('Team', { exact: true }).first().inputValue()).toBe('Service');
});

test('a corrected intent is learned: the next message like it arrives with the corrected intent', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
  const jargon = card('frobnicator plinth code 7 on the console');
  await jargon.getByRole('button', { name: /^Intent: / }).click();
  await page.getByRole('menuitem', { name: 'Complaint' }).click();
  await jargon.getByText('learned').waitFor();

  // The next message like it comes in (here from a recorded export, through the same pipeline) and shows up live.
  await postArrivesLive('605', 9, 'kettle frobnicator plinth code 7 again on the console');
  await card('code 7 again').getByRole('button', { name: 'Intent: Complaint' }).waitFor();
});

test('a post naming the brand and its competitor is one card, read per subject, and its competitor’s reading is corrected alone', async () => {
  await postArrivesLive('606', 10, 'My kettle broke again?? Second one this month. Thinking about switching to Brewmax.');
  // The stream of every query shows the post once, listing both queries, each read from its own part of the post.
  const post = card('Thinking about switching to Brewmax');
  await post.waitFor();
  expect(await post.count()).toBe(1);
  const reading = (name: string) => post.getByRole('group', { name, exact: true });
  // Read whole, the post is a negative buying signal; the brand gets the complaint, the competitor the buying signal.
  await reading('Kettle').getByRole('button', { name: 'Intent: Complaint' }).waitFor();
  await reading('Kettle').getByText('Negative', { exact: true }).waitFor();
  const rival = reading('Brewmax');
  await rival.getByRole('button', { name: 'Intent: Buying signal' }).waitFor();
  await rival.getByText('about Brewmax').waitFor();

  await rival.getByRole('button', { name: 'Intent: Buying signal' }).click();
  await page.getByRole('menuitem', { name: 'Other' }).click();
  await page.getByText('Marked as Other for this mention.').waitFor();
  await rival.getByRole('button', { name: 'Intent: Other' }).waitFor();
  await reading('Kettle').getByRole('button', { name: 'Intent: Complaint' }).waitFor();
  expect(await rival.getByText('learned').count()).toBe(0);

  // A query's own stream shows only its reading of the post.
  const streams = page.getByRole('navigation', { name: 'Mention streams' });
  await streams.getByRole('button', { name: 'Brewmax' }).click();
  await reading('Kettle').waitFor({ state: 'detached' });
  await reading('Brewmax').getByRole('button', { name: 'Intent: Other' }).waitFor();
  expect(await post.getByRole('group').count()).toBe(1);
  await streams.getByRole('button', { name: 'All mentions' }).click();
  await reading('Kettle').waitFor();
  expect(await post.getByRole('group').count()).toBe(2);
});

test('the stream finds posts by their words, says how many match, and downloads them as CSV', async () => {
  const search = page.getByRole('searchbox', { name: 'Search posts' });
  await search.fill('frobnicator');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('frobnicator');
  await card('Brewmax coffee machine').waitFor({ state: 'detached' });
  await card('code 7 again').waitFor();
  expect(await page.getByRole('article').count()).toBe(2);
  await page
    .getByRole('status')
    .filter({ hasText: /^2 posts$/ })
    .waitFor();

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download these posts as CSV' }).click();
  const csv = readFileSync((await (await downloaded).path())!, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe('sentAt,network,author,authorHandle,title,text,url,queries,sentiment,intent,relevance');
  expect(csv.slice(1).map((line) => line.includes('frobnicator') && line.includes(',Kettle,'))).toEqual([true, true]);

  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
  await card('Brewmax coffee machine').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^\d+ posts$/ })
    .waitFor();
});

test('j and k move the focus from card to card, r and x mark the card in focus, and keys typed in the search stay there', async () => {
  const cards = page.getByRole('article');
  const focused = () => page.evaluate(() => document.activeElement?.closest('[role="article"]')?.textContent ?? null);
  const cardText = (index: number) => cards.nth(index).textContent();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await page.keyboard.press('j');
  await expect.poll(focused).toBe(await cardText(0));
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(await cardText(1));
  const ring = await cards.nth(1).evaluate((card) => getComputedStyle(card).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('k');
  await expect.poll(focused).toBe(await cardText(0));

  // The first card is the post of two queries: a mark is the post's, for both.
  const first = cards.nth(0);
  const mark = (name: string, pressed: boolean) => first.getByRole('button', { name, exact: true, pressed }).waitFor();
  await page.keyboard.press('x');
  await mark('Irrelevant', true);
  expect(await first.getByLabel(/\(irrelevant\)$/).count()).toBe(2);
  await page.keyboard.press('x');
  await mark('Irrelevant', false);
  await page.keyboard.press('r');
  await mark('Relevant', true);
  await page.keyboard.press('r');
  await mark('Relevant', false);

  // Typed into the search, the same keys are letters.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search posts' });
  await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
  await page.keyboard.type('jkx');
  expect(await search.inputValue()).toBe('jkx');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('jkx');
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  const help = page.getByRole('dialog').filter({ has: page.getByRole('table', { name: 'Keyboard shortcuts' }) });
  await help.getByText('Next post').waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
});

test('an intent picked from the keyboard is saved and leaves the focus on its button, as does a closed action dialog', async () => {
  const praise = card('Brewmax coffee machine is great');
  const intent = praise.getByRole('button', { name: /^Intent: / });
  await intent.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Complaint' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .getByText(/^Marked as Buying signal/)
    .first()
    .waitFor();
  await praise.getByRole('button', { name: 'Intent: Buying signal' }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Intent: Buying signal');
  await expect
    .poll(() => praise.getByRole('button', { name: 'Intent: Buying signal' }).evaluate((button) => button === document.activeElement))
    .toBe(true);

  const actions = praise.getByRole('button', { name: 'Actions' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Hand to a team' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await expect.poll(() => actions.evaluate((button) => button === document.activeElement)).toBe(true);
});

test('Back undoes the stream and the filters chosen, one at a time', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }).click();
  await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
  const streams = page.getByRole('navigation', { name: 'Mention streams' });
  const sentiment = page.getByRole('combobox', { name: 'Sentiment' });
  await streams.getByRole('button', { name: 'Kettle' }).click();
  await sentiment.click();
  await page.getByRole('option', { name: 'Negative' }).click();
  // The filter keeps the stream chosen just before it.
  await expect.poll(() => new URL(page.url()).searchParams.get('sentiment')).toBe('negative');
  expect(new URL(page.url()).searchParams.get('scope')).toMatch(/^query:/);

  await page.goBack();
  await expect.poll(() => sentiment.inputValue()).toBe('');
  await expect.poll(() => streams.getByRole('button', { name: 'Kettle' }).getAttribute('aria-current')).toBe('page');
  await page.goBack();
  await expect.poll(() => streams.getByRole('button', { name: 'All mentions' }).getAttribute('aria-current')).toBe('page');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'My day' }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
});

test('a post in a language whose sentiment Rapport does not read says so, and the stream can show those posts alone', async () => {
  await postArrivesLive('607', 11, 'Mein neuer Kettle ist schon kaputt und der Kundendienst antwortet nicht auf meine Nachrichten.', 'de');
  const german = card('Kundendienst antwortet nicht');
  await german.getByText('Not analysed', { exact: true }).hover();
  await page.getByRole('tooltip', { name: /Sentiment not analysed: .* this post is in German/ }).waitFor();
  expect(await german.getByText(/^(Negative|Neutral|Positive)$/).count()).toBe(0);

  const sentiment = page.getByRole('combobox', { name: 'Sentiment' });
  await sentiment.click();
  await page.getByRole('option', { name: 'Not analysed' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sentiment')).toBe('unanalysed');
  await card('arrived broken').waitFor({ state: 'detached' });
  await german.waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await card('arrived broken').waitFor();
});

test('a link to the stream’s old address opens the stream with its filters', async () => {
  await page.goto(`${server.baseUrl}/listening/mentions?sentiment=negative`);
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/listening');
  expect(new URL(page.url()).searchParams.get('sentiment')).toBe('negative');
  await expect.poll(() => page.getByRole('combobox', { name: 'Sentiment' }).inputValue()).toBe('Negative');
});

test('the dashboard shows the brand’s share of voice against its competitor', async () => {
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Dashboard' }).click();
  const share = page.getByRole('region', { name: 'Share of voice' });
  await share.waitFor();
  await share.getByText('Kettle', { exact: true }).filter({ visible: true }).first().waitFor();
  await share.getByText('Brewmax', { exact: true }).filter({ visible: true }).first().waitFor();
  // The volume chart draws a line per query from the series the API sends.
  const volume = page.getByRole('region', { name: 'Volume' });
  await volume.getByText('Kettle', { exact: true }).filter({ visible: true }).first().waitFor();
  await volume.getByText('Brewmax', { exact: true }).filter({ visible: true }).first().waitFor();
  // A query has one colour on every chart, though the volume series come by name and the share most heard first.
  for (const query of ['Kettle', 'Brewmax']) expect(await legendColor(volume, query)).toBe(await legendColor(share, query));
  expect(await legendColor(volume, 'Kettle')).not.toBe(await legendColor(volume, 'Brewmax'));
  await page.screenshot({ path: 'docs/screenshots/listening-dashboard.png', fullPage: false });
});

test('a dashboard link with a range longer than the charts cover says so once, instead of failing every chart', async () => {
  await page.goto(`${server.baseUrl}/listening/dashboard?range=custom&from=2025-06-01&to=2026-12-07`);
  const told = page.getByRole('alert').filter({ hasText: 'No charts for this date range' });
  await told.getByText(/spans 55\d days; the charts cover at most 400/).waitFor();
  await page.getByLabel('To', { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
  expect(await page.getByRole('region', { name: 'Volume' }).count()).toBe(0);
  expect(await page.getByText(/^Could not load/).count()).toBe(0);
});

test('on a phone, the queries and the alerts stack in their card, group and actions in sight', async () => {
  expect(await apiPost('/listening/alerts', { name: 'Brand volume spike', queryKind: 'brand', trigger: 'volume' })).toBe(201);
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  await signIn(phone, server.baseUrl);
  const inSight = async (target: Locator) => {
    await target.waitFor();
    const box = (await target.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  };
  const uncut = (badge: Locator) => badge.evaluate((element) => element.scrollWidth <= element.clientWidth);

  await phone.goto(`${server.baseUrl}/listening/queries`);
  const queryRow = (name: string) =>
    phone
      .getByRole('table', { name: 'Saved queries' })
      .getByRole('row')
      .filter({ has: phone.getByRole('link', { name, exact: true }) });
  const brand = queryRow('Kettle').getByText('Brand', { exact: true });
  await inSight(brand);
  expect(await uncut(brand)).toBe(true);
  expect(await uncut(queryRow('Brewmax').getByText('Competitors', { exact: true }))).toBe(true);
  await inSight(queryRow('Kettle').getByRole('button', { name: 'Delete Kettle' }));
  await inSight(queryRow('Kettle').getByRole('link', { name: 'Mentions' }));

  await phone.goto(`${server.baseUrl}/listening/alerts`);
  const alert = phone.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ hasText: 'Brand volume spike' });
  await inSight(alert.getByText('All brand', { exact: true }));
  await inSight(alert.getByRole('button', { name: 'Check now: Brand volume spike' }));
  await inSight(alert.getByRole('button', { name: 'Delete Brand volume spike' }));
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.context().close();
});

test('on a phone, toasts fired together stay few and take little of the screen', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  await signIn(phone, server.baseUrl);
  await phone.goto(`${server.baseUrl}/listening`);
  const cards = phone.getByRole('article');
  await cards.nth(3).waitFor();
  // Four corrections in a row, each told in a toast; from the keyboard, which toasts over a card do not stop.
  for (let index = 0; index < 4; index++) {
    const intent = cards
      .nth(index)
      .getByRole('button', { name: /^Intent: / })
      .first();
    const next = (await intent.getAttribute('aria-label')) === 'Intent: Idea' ? 'Praise' : 'Idea';
    await intent.focus();
    await phone.keyboard.press('Enter');
    await phone.getByRole('menuitem', { name: next }).focus();
    await phone.keyboard.press('Enter');
  }
  await expect.poll(() => phone.getByText(/^Marked as /).count()).toBeGreaterThan(1);
  const toasts = await phone.evaluate(() =>
    [...document.querySelectorAll('.mantine-Notifications-notification')].map((toast) => toast.getBoundingClientRect()),
  );
  expect(toasts.length).toBeLessThanOrEqual(2);
  const covered = Math.max(...toasts.map((t) => t.bottom)) - Math.min(...toasts.map((t) => t.top));
  expect(covered).toBeLessThan(844 / 5);
  await phone.context().close();
});
