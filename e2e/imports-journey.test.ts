/**
 * Importing contacts: an owner imports a vCard holding values a contact has no place for and reads,
 * on the import's report, which were left out, of which card, and why (a long list folded until
 * asked for); then maps a spreadsheet's notes column to the timeline, the target named in words.
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

/** Opens the import dialog on Contacts and uploads a file. */
async function upload(name: string, mimeType: string, content: string): Promise<Locator> {
  await openArea(page, 'Contacts');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  return dialog;
}

/** axe-core's WCAG 2.1 A and AA rules on the open dialog. */
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

test('an owner imports a vCard and reads on its report which values were left out, of which card, and why', async () => {
  const cards = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Lise Meitner',
    'EMAIL:lise@fission.example',
    'PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=',
    'URL:https://meitner.example',
    'NICKNAME:Lise',
    'GEO:48.1;11.6',
    'END:VCARD',
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Otto Hahn',
    'BDAY:--04',
    'PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo=',
    'X-ASSISTANT:Fritz Strassmann',
    'X-SPOUSE:Edith Hahn',
    'END:VCARD',
    '',
  ].join('\r\n');
  const dialog = await upload('physicists.vcf', 'text/vcard', cards);
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await dialog.getByText('Import finished').waitFor();

  const report = dialog.getByRole('region', { name: 'Values not imported' });
  await report.getByText('8 values in the imported cards could not be used: the contacts were imported without them.').waitFor();
  // By property, the one with most values left out first, each reason with the cards it was given for.
  await report.getByRole('heading', { level: 4, name: 'PHOTO (2 values)' }).waitFor();
  await report.getByText('Cards 1 and 2: a contact has no place for this property; not imported').waitFor();
  await report.getByRole('heading', { level: 4, name: 'URL (1 value)' }).waitFor();
  await report.getByText(/^Card 1: "https:\/\/meitner\.example" is not a social profile Rapport knows/).waitFor();
  await report.getByText(/^Card 2: "--04" is not a date/).waitFor();

  // Seven properties: five shown, the rest counted until the user asks for every one.
  expect(await report.getByRole('heading', { level: 4 }).count()).toBe(5);
  await report.getByText('and 2 more properties').waitFor();
  const showAll = report.getByRole('button', { name: 'Show every property and reason' });
  expect(await showAll.getAttribute('aria-expanded')).toBe('false');
  await showAll.click();
  await report.getByRole('heading', { level: 4, name: 'X-SPOUSE (1 value)' }).waitFor();
  expect(await report.getByRole('heading', { level: 4 }).count()).toBe(7);
  expect(await report.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe('true');
  expect(await violationsIn('[role=dialog]')).toEqual([]);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: 'Lise Meitner' }).waitFor();
});

test("a spreadsheet's notes column is offered as a note on the timeline, in words, and lands there", async () => {
  const dialog = await upload('people.csv', 'text/csv', 'Name,Notes\nCaroline Herschel,Found eight comets\n');
  const notes = dialog.getByRole('combobox', { name: 'Import column Notes as' });
  expect(await notes.inputValue()).toBe('Note (added to the timeline)');
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await dialog.getByText('Import finished').waitFor();
  // Nothing was left out, so the report has no such part.
  expect(await dialog.getByRole('region', { name: 'Values not imported' }).count()).toBe(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: 'Caroline Herschel' }).click();
  await page.getByRole('heading', { level: 1, name: 'Caroline Herschel' }).waitFor();
  await page.getByRole('list', { name: 'Timeline entries' }).getByText('Found eight comets').waitFor();
});
