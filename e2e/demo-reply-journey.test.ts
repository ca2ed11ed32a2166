/**
 * A new user's first try of the inbox's main action: in the demo workspace every conversation came
 * through a sandbox channel, so a reply is delivered (kept inside Rapport) and shows as sent in the
 * thread. The composer and the channel's page say plainly that nothing left Rapport, and an admin
 * adds a sandbox channel of their own like any other.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addChannel, openArea, signIn, startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1600, height: 900 } }, { signedIn: false }));
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => expect.fail(`a dialog opened: ${dialog.message()}`)));
  await signIn(page, server.baseUrl);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a reply to a demo conversation is delivered through its sandbox channel and shows as sent', async () => {
  await openArea(page, 'Inbox');
  await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: /Invoice 7781/ })
    .click();
  await page.getByRole('heading', { name: 'Invoice 7781 charged twice' }).waitFor();

  const composer = page.getByRole('region', { name: 'Composer' });
  await composer.getByRole('tab', { name: 'Reply' }).click();
  await composer.getByText(/“Demo e-mail \(sandbox\)”, a sandbox channel: your reply is kept inside Rapport and sent to no one/).waitFor();
  expect(await composer.getByText('Replying is not possible here').count()).toBe(0);

  await composer.getByLabel('Reply to the customer').fill('Hi Ada, the second charge is refunded.');
  await composer.getByRole('button', { name: 'Send reply' }).click();
  const reply = page
    .getByRole('log', { name: 'Messages' })
    .getByRole('article', { name: /^Reply from/ })
    .filter({ hasText: 'the second charge is refunded' });
  await reply.waitFor();
  // Queued first, then the delivery job hands it to the sandbox, which takes it at once.
  await reply.getByText(/^Sent$/).waitFor({ timeout: 20_000 });
  expect(await reply.getByText('Not delivered').count()).toBe(0);
});

test('the sandbox channel counts the reply, and says nothing left Rapport', async () => {
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'Channels' }).click();
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Demo e-mail (sandbox)' });
  await row.getByText('Sandbox for E-mail').waitFor();
  await row.getByText('Healthy').waitFor();
  await row.getByRole('link', { name: 'Demo e-mail (sandbox)' }).click();

  await page.getByRole('heading', { level: 1, name: 'Demo e-mail (sandbox)' }).waitFor();
  await page.getByText('A sandbox: nothing is sent').waitFor();
  await page.getByText(/keeps replies inside Rapport and sends nothing anywhere/).waitFor();
  const itemsOut = page.getByText('Items out', { exact: true }).locator('xpath=following-sibling::*[1]');
  expect(await itemsOut.textContent()).toBe('1');

  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByRole('status').filter({ hasText: 'Connected' });
  await result.getByText('A sandbox for e-mail: replies are kept inside Rapport and sent nowhere.').waitFor();
});

test('an admin adds a sandbox channel for a network, and its test passes', async () => {
  await page.getByRole('link', { name: 'Channels' }).first().click();
  await page.getByRole('tab', { name: 'Channels' }).click();
  await addChannel(page, /^Sandbox/, 'Trial Mastodon', async (dialog) => {
    await dialog.getByText(/keeps replies inside Rapport and sends nothing anywhere/).waitFor();
    await dialog
      .getByLabel(/^Stands in for/)
      .first()
      .click();
    await page.getByRole('option', { name: 'Mastodon' }).click();
  });
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Trial Mastodon' });
  await row.getByText('Sandbox for Mastodon').waitFor();
});
