/**
 * The everyday journey: sign in, add a contact, note and tasks on its page, tick a task done, see
 * it on My day, filter and sort the team's tasks and tick one off there, find the contact again
 * with the search palette, and look at the lists; import a vCard; then a viewer, who sees tasks but
 * cannot tick them. Takes the screenshots the README shows.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openArea, signIn, startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

const SHOTS = 'e2e/screenshots';
const README_SHOTS = 'docs/screenshots';

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 } }, { signedIn: false }));
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(README_SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function shoot(name: string, { forReadme = false } = {}) {
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path });
  if (forReadme) copyFileSync(path, `${README_SHOTS}/${name}.png`);
}

test('a user signs in, adds a contact with a note and tasks, and finds it again', async () => {
  await signIn(page, server.baseUrl);

  await openArea(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('Marie');
  await dialog.getByLabel('Last name').fill('Curie');
  await dialog.getByLabel('E-mail', { exact: true }).fill('marie@radium.example');
  await dialog.getByLabel('Job title').fill('Physicist');
  await dialog.getByLabel('Phone', { exact: true }).fill('+33 1 44 27 00 00');
  await dialog.getByRole('combobox', { name: 'Tags' }).fill('nobel');
  await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Marie Curie' }).waitFor();
  await page.getByRole('region', { name: 'Details' }).getByText('+33 1 44 27 00 00').waitFor();

  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await page.getByRole('textbox', { name: 'Note' }).fill('Met at the Solvay conference.\nWants the radium report by Friday.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await timeline.getByText('Met at the Solvay conference.').waitFor();

  await page.getByRole('tab', { name: 'Task' }).click();
  await page.getByRole('textbox', { name: 'Task' }).fill('Send the radium report');
  await page.getByRole('button', { name: 'Add task' }).click();
  await timeline.getByRole('checkbox', { name: 'Mark “Send the radium report” done' }).waitFor();

  await page.getByRole('textbox', { name: 'Task' }).fill('Book the lab visit');
  await page.getByRole('button', { name: 'Add task' }).click();
  // The box turns checked when the server has saved it (its name changes then), not on the click itself.
  await timeline.getByRole('checkbox', { name: 'Mark “Book the lab visit” done' }).click();
  await timeline.getByRole('checkbox', { name: 'Mark “Book the lab visit” as not done' }).waitFor();
  await page.getByRole('tab', { name: 'Note' }).click();
  await shoot('contact-page', { forReadme: true });

  await openArea(page, 'My day');
  await page.getByText('Send the radium report').waitFor();
  expect(await page.getByText('Book the lab visit').count()).toBe(0);
  await shoot('my-day', { forReadme: true });

  // The team's tasks: each links to its record, filters live in the URL, a task is ticked off from the list.
  await openArea(page, 'Tasks');
  const tasks = page.getByRole('list', { name: 'Tasks' });
  await tasks.getByRole('listitem').filter({ hasText: 'Send the radium report' }).getByRole('link', { name: 'Marie Curie' }).waitFor();
  expect(await tasks.getByText('Book the lab visit').count()).toBe(0);
  await page.getByRole('combobox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: 'Me', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Done', { exact: true }).click();
  await tasks.getByText('Book the lab visit').waitFor();
  expect(new URL(page.url()).search).toBe('?assignee=me&status=done');
  await page.reload();
  await tasks.getByText('Book the lab visit').waitFor();
  expect(await tasks.getByText('Send the radium report').count()).toBe(0);
  // Done tasks come most recently completed first; another order is kept in the URL with the filters.
  expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('Recently completed');
  await page.getByRole('combobox', { name: 'Sort' }).click();
  await page.getByRole('option', { name: 'Recently created' }).click();
  await expect.poll(() => new URL(page.url()).search).toBe('?assignee=me&status=done&sort=-createdAt');
  await tasks.getByText('Book the lab visit').waitFor();
  await page.getByRole('radiogroup', { name: 'Status' }).getByText('Open', { exact: true }).click();
  expect(await page.getByRole('combobox', { name: 'Sort' }).inputValue()).toBe('Recently created');
  await tasks.getByRole('checkbox', { name: 'Mark “Send the radium report” done' }).click();
  await tasks.getByText('Send the radium report').waitFor({ state: 'detached' });
  await shoot('tasks', { forReadme: true });

  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Search contacts and companies' });
  await search.getByRole('combobox', { name: 'Search' }).fill('mari cury');
  await search.getByRole('option', { name: /Marie Curie/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Marie Curie' }).waitFor();
  await expect.poll(() => search.isVisible()).toBe(false);

  await openArea(page, 'Contacts');
  await page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'Marie Curie' }).waitFor();
  await shoot('contacts-list', { forReadme: true });

  await openArea(page, 'Settings');
  await page.getByRole('table', { name: 'Members' }).getByText('Dana Demo').waitFor();
  await shoot('settings');
});

test('an owner imports a vCard, skipping a property, and the wizard counts in the singular', async () => {
  // Still signed in as the owner from the journey above.
  await openArea(page, 'Contacts');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lise Meitner\r\nTITLE:Kaiser Wilhelm chair\r\nEMAIL:lise@fission.example\r\nEND:VCARD\r\n';
  await dialog.locator('input[type=file]').setInputFiles({ name: 'lise.vcf', mimeType: 'text/vcard', buffer: Buffer.from(card) });
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  await dialog.getByText('lise.vcf: 1 card, 3 properties.').waitFor();
  // A vCard property fills its own field: it can be kept or skipped, not sent elsewhere.
  expect(await dialog.getByRole('combobox').count()).toBe(0);
  await dialog.getByRole('checkbox', { name: 'Import TITLE' }).uncheck();
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await dialog.getByText('Import finished').waitFor();
  await dialog.getByText('1 of 1 card', { exact: true }).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: 'Lise Meitner' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lise Meitner' }).waitFor();
  await page.getByRole('region', { name: 'Details' }).getByText('lise@fission.example').waitFor();
  expect(await page.getByText('Kaiser Wilhelm chair').count()).toBe(0);
});

test('a viewer sees their tasks on My day and Tasks but cannot tick them', async () => {
  // Still signed in as the owner from the journey above.
  await page.goto(server.baseUrl);
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  // The owner adds a viewer and gives them a task due today, through the API the app itself uses.
  const viewerId = await page.evaluate(async () => {
    const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
    const send = async (url: string, body: object) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { id: string };
    };
    const viewer = await send('/api/v1/members', {
      email: 'vera@rapport.local',
      name: 'Vera Viewer',
      password: 'viewer-password',
      role: 'viewer',
    });
    const dueAt = new Date();
    dueAt.setHours(23, 0, 0, 0);
    await send('/api/v1/tasks', { title: 'Read the quarterly report', assigneeId: viewer.id, dueAt: dueAt.toISOString() });
    return viewer.id;
  });
  expect(viewerId).toMatch(/^[0-9a-f-]{36}$/);
  await page.context().clearCookies();
  await page.goto(server.baseUrl);
  await page.getByLabel(/^E-mail/).fill('vera@rapport.local');
  await page.getByLabel(/^Password/).fill('viewer-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  const box = page.getByRole('checkbox', { name: 'Mark “Read the quarterly report” done' });
  await box.waitFor();
  expect(await box.isDisabled()).toBe(true);
  await openArea(page, 'Tasks');
  const listed = page.getByRole('list', { name: 'Tasks' }).getByRole('checkbox', { name: 'Mark “Read the quarterly report” done' });
  await listed.waitFor();
  expect(await listed.isDisabled()).toBe(true);
});
