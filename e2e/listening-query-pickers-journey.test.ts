/**
 * Languages and channels picked from lists in the query builder, as a user: each pick writes its
 * part of the query text, the preview follows, a query typed by hand shows in the lists, and one the
 * lists cannot show leaves them read-only instead of rewritten.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from './support.js';

let journey: Journey;
let page: Page;

beforeAll(async () => {
  journey = await startJourney({ viewport: { width: 1400, height: 1000 } });
  page = journey.page;
});

afterAll(async () => {
  await journey?.browser.close();
  await journey?.server.stop();
});

const queryText = () => page.getByRole('textbox', { name: 'Query', exact: true });
const picker = (name: string) => page.getByRole('combobox', { name });

/** The number of recent messages the preview says matched, once it has settled on the current text. */
async function previewMatched(): Promise<number> {
  await expect.poll(() => page.getByRole('region', { name: 'Preview' }).getAttribute('aria-busy')).toBe('false');
  const status = await page.getByText(/^Matched \d+ of \d+/).innerText();
  return Number(/^Matched ([\d,]+)/.exec(status)![1]!.replace(/,/g, ''));
}

/** The values a picker shows as chosen, by their names. */
const picked = (name: string) =>
  page
    .locator('.mantine-MultiSelect-root')
    .filter({ has: picker(name) })
    .locator('.mantine-Pill-label')
    .allInnerTexts();

async function pick(name: string, option: string) {
  await picker(name).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('a language and a channel are picked from lists, and the text and the preview follow', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Queries' }).click();
  await page.getByRole('link', { name: 'New query' }).first().click();
  await page.getByLabel('Query name').fill('Acme on Mastodon');

  // A text typed by hand shows in the lists; one they cannot show leaves them read-only and the text alone.
  await queryText().fill('acme lang:(de OR fr)');
  await expect.poll(() => picked('Languages')).toEqual(['German', 'French']);
  await queryText().fill('acme OR lang:fr');
  await page.getByText(/uses lang: with OR, NOT or NEAR/).waitFor();
  expect(await picker('Languages').isDisabled()).toBe(true);
  expect(await picker('Channels').isDisabled()).toBe(false);

  await queryText().fill('acme OR #acme');
  await expect.poll(previewMatched).toBeGreaterThan(0);
  const everywhere = await previewMatched();
  await pick('Languages', 'English');
  await expect.poll(() => queryText().inputValue()).toBe('(acme OR #acme) AND lang:en');
  await pick('Channels', 'Mastodon');
  await expect.poll(() => queryText().inputValue()).toBe('(acme OR #acme) AND lang:en AND channel:mastodon');
  await expect.poll(previewMatched).toBeLessThan(everywhere);
  expect(await previewMatched()).toBeGreaterThan(0);

  // A second language turns the part into a group; Backspace in the list takes the last one off again.
  await pick('Languages', 'French');
  await expect.poll(() => queryText().inputValue()).toBe('(acme OR #acme) AND lang:(en OR fr) AND channel:mastodon');
  await picker('Languages').press('Backspace');
  await expect.poll(() => queryText().inputValue()).toBe('(acme OR #acme) AND lang:en AND channel:mastodon');

  await page.getByRole('button', { name: 'Save query' }).click();
  await page.getByRole('link', { name: 'Acme on Mastodon', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Acme on Mastodon' }).waitFor();
  expect(await queryText().inputValue()).toBe('(acme OR #acme) AND lang:en AND channel:mastodon');
  await expect.poll(() => picked('Channels')).toEqual(['Mastodon']);
  expect(await picked('Languages')).toEqual(['English']);
});
