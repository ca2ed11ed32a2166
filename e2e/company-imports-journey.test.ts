/**
 * Importing companies: an owner imports a spreadsheet of accounts from the companies list, maps its
 * columns (each target named in words), and reads on the report which rows updated a company the
 * workspace already had instead of adding it twice; importing the file again adds nothing.
 */
import axeCore from 'axe-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { openArea, startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Apollo Orbital is a demo company, with orbit.example among its domains.
const ACCOUNTS = [
  'Account Name,Website,Employees,Industry',
  'Vostok Rocketry,https://www.vostok-rocketry.example/about,120,Aerospace',
  'Apollo Orbital,orbit.example,,Space launch',
  'Kestrel Energy,kestrel.example,12,Energy',
].join('\n');

/** Opens the import dialog on Companies and uploads a spreadsheet. */
async function upload(content: string): Promise<Locator> {
  await openArea(page, 'Companies');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import companies' });
  // Companies come from spreadsheets: no other format is offered.
  expect(await dialog.getByText('Format', { exact: true }).count()).toBe(0);
  await dialog.locator('input[type=file]').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  return dialog;
}

async function violationsIn(selector: string): Promise<string[]> {
  await page.evaluate(axeCore.source);
  const results = await page.evaluate(
    (include) =>
      (window as unknown as { axe: typeof axeCore }).axe.run(
        { include: [include] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
      ),
    selector,
  );
  return results.violations.flatMap((v) => v.nodes.map((node) => `[${v.id}] ${node.target.join(' ')}: ${node.failureSummary ?? v.help}`));
}

test('an owner imports accounts from the companies list; a row that finds a company already there updates it', async () => {
  const dialog = await upload(ACCOUNTS);
  await dialog.getByText('accounts.csv: 3 rows, 4 columns.').waitFor();
  // Every column is suggested a company field, named in words.
  expect(await dialog.getByRole('combobox', { name: 'Import column Account Name as' }).inputValue()).toBe('Name');
  expect(await dialog.getByRole('combobox', { name: 'Import column Website as' }).inputValue()).toBe(
    'Domains or website (comma separated)',
  );
  expect(await dialog.getByRole('combobox', { name: 'Import column Employees as' }).inputValue()).toBe(
    'Size (a band such as 51-200, or a head count)',
  );
  // The list offers company fields, not a contact's.
  await dialog.getByRole('combobox', { name: 'Import column Industry as' }).click();
  await page.getByRole('option', { name: 'Tags (comma separated)' }).waitFor();
  expect(await page.getByRole('option', { name: 'First name' }).count()).toBe(0);
  await page.keyboard.press('Escape');

  await dialog.getByRole('button', { name: 'Start import' }).click();
  await dialog.getByText('Import finished').waitFor();
  const updated = dialog.getByRole('region', { name: 'Companies updated' });
  await updated.getByText('1 row found a company already here and updated it rather than adding it again.', { exact: false }).waitFor();
  const row = updated.getByRole('row', { name: /Apollo Orbital/ });
  await row.getByRole('cell', { name: 'domain orbit.example' }).waitFor();
  await row.getByRole('cell', { name: 'industry' }).waitFor();
  expect(await violationsIn('[role=dialog]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('link', { name: 'Vostok Rocketry' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vostok Rocketry' }).waitFor();
  await page.getByText('vostok-rocketry.example').first().waitFor();
  await page.getByText('51-200').first().waitFor();
});

test('importing the same file again adds no company: every row finds the one it made', async () => {
  const dialog = await upload(ACCOUNTS);
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await dialog.getByText('Import finished').waitFor();
  await dialog
    .getByRole('region', { name: 'Companies updated' })
    .getByText(/^3 rows found a company already here/)
    .waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await openArea(page, 'Companies');
  await page.getByRole('link', { name: 'Apollo Orbital' }).waitFor();
  for (const name of ['Vostok Rocketry', 'Kestrel Energy', 'Apollo Orbital'])
    expect(await page.getByRole('link', { name }).count()).toBe(1);
});

test('the import offered with contacts can be switched to companies before a file is chosen', async () => {
  await openArea(page, 'Contacts');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('dialog', { name: 'Import contacts' }).getByText('Companies', { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import companies' });
  await dialog.getByText(/^Import companies from a CSV file/).waitFor();
  await dialog.getByRole('button', { name: 'Close dialog' }).click();
});
