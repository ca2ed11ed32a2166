/**
 * An owner meets the awkward cases of everyday input: a save that fails in a long dialog, a name
 * that is one long word, a custom choice picked again, a long note, right-to-left text with Latin
 * words in it, and an import with bad rows.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

const UNBROKEN = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(5);

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each case starts from its page, so one that fails leaves no dialog open over the next. */
async function startAt(path: string, heading: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Opens Ada Lovelace's page from the contact list. */
async function openAda(): Promise<void> {
  await startAt('/contacts', 'Contacts');
  await page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
}

/** Starts a new contact field in Settings › Custom fields: its dialog, with the label filled in. */
async function newContactField(label: string) {
  await startAt('/settings', 'Settings');
  await page.getByRole('tab', { name: 'Custom fields' }).click();
  await page.getByRole('button', { name: 'New field' }).click();
  const dialog = page.getByRole('dialog', { name: 'New field for contacts' });
  await dialog.getByLabel('Label').fill(label);
  return dialog;
}

/** Whether the page scrolls sideways at any of these widths: it must not, when every long word wraps. */
async function expectNoSidewaysScroll(widths: number[]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    // Polled: the navigation bar slides away below the phone breakpoint, the page following it.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `at ${width} px`,
      })
      .toBe(0);
  }
}

test('a save that fails takes the focus to its summary, in view and inside the dialog', async () => {
  await startAt('/contacts', 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('   ');
  // Pressed with the dialog scrolled to its buttons, far below the summary.
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  const summary = dialog.getByRole('alert').filter({ hasText: 'Could not save' });
  await summary.waitFor();
  await expect.poll(() => summary.evaluate((alert) => alert === document.activeElement)).toBe(true);
  // In view: below the dialog's title, which stays at the top as the dialog scrolls, and above the window's end.
  const titleBottom = await dialog.getByRole('heading', { name: 'New contact' }).evaluate((title) => title.getBoundingClientRect().bottom);
  await expect.poll(() => summary.evaluate((alert) => alert.getBoundingClientRect().top)).toBeGreaterThanOrEqual(titleBottom);
  expect(await summary.evaluate((alert) => alert.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
});

test('a contact whose name is one long word fits the page at desktop and phone widths', async () => {
  await startAt('/contacts', 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('Hubert');
  await dialog.getByLabel('Last name').fill(UNBROKEN);
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await page.getByRole('heading', { level: 1, name: `Hubert ${UNBROKEN}` }).waitFor();
  await page.getByRole('heading', { name: 'Identities' }).waitFor();
  await expectNoSidewaysScroll([1280, 390]);
});

test('a custom field with a long label fits its settings table, buttons included', async () => {
  const dialog = await newContactField(UNBROKEN.slice(0, 100));
  await dialog.getByRole('button', { name: 'Create field' }).click();
  const table = page.getByRole('table', { name: 'Custom fields' });
  await table.getByRole('button', { name: /^Delete field Wolfe/ }).waitFor();
  await expectNoSidewaysScroll([1280, 390]);
  await table.getByRole('button', { name: /^Delete field Wolfe/ }).click();
  await page
    .getByRole('dialog', { name: /^Delete field/ })
    .getByRole('button', { name: 'Delete field' })
    .click();
  await table.getByRole('button', { name: /^Delete field Wolfe/ }).waitFor({ state: 'detached' });
});

test('picking the chosen option of a custom choice again keeps it; its clear button empties it', async () => {
  const fieldDialog = await newContactField('Plan');
  await fieldDialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Single select' }).click();
  const options = fieldDialog.getByRole('combobox', { name: /^Options/ });
  for (const option of ['Free', 'Team']) {
    await options.fill(option);
    await options.press('Enter');
  }
  await fieldDialog.getByRole('button', { name: 'Create field' }).click();
  await page.getByRole('table', { name: 'Custom fields' }).getByRole('cell', { name: 'Plan', exact: true }).waitFor();

  await openAda();
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  const plan = edit.getByRole('combobox', { name: 'Plan', exact: true });
  await plan.click();
  await page.getByRole('option', { name: 'Team' }).click();
  expect(await plan.inputValue()).toBe('Team');
  await plan.click();
  await page.getByRole('option', { name: 'Team' }).click();
  expect(await plan.inputValue()).toBe('Team');
  // The clear button is the way to empty it, by keyboard too, and the focus stays on the field.
  await plan.focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Clear Plan');
  await page.keyboard.press('Enter');
  expect(await plan.inputValue()).toBe('');
  expect(await plan.evaluate((input) => input === document.activeElement)).toBe(true);
});

test('a long note shows its beginning, and the rest on "Show more", as plain text with its lines', async () => {
  await openAda();
  const lines = ['Renewal call: <b>seats <50</b> for now.', ...Array.from({ length: 9 }, (_, i) => `Point ${i + 1} of the call.`)];
  const composer = page.getByRole('region', { name: 'Add to timeline' });
  await composer.getByRole('textbox', { name: 'Note' }).fill(lines.join('\n'));
  await composer.getByRole('button', { name: 'Add note' }).click();
  const entries = page.getByRole('list', { name: 'Timeline entries' });
  const note = entries.getByRole('listitem').filter({ hasText: 'Renewal call' });
  await note.waitFor();
  const more = note.getByRole('button', { name: 'Show more' });
  expect(await more.getAttribute('aria-expanded')).toBe('false');
  expect(await note.getByText('Point 9 of the call.').count()).toBe(0);
  await more.focus();
  await page.keyboard.press('Enter');
  const less = note.getByRole('button', { name: 'Show less' });
  expect(await less.getAttribute('aria-expanded')).toBe('true');
  const body = note.locator(`[id="${await less.getAttribute('aria-controls')}"]`);
  expect(await body.innerText()).toBe(lines.join('\n'));
  expect(await note.locator('b').count()).toBe(0);
  await less.click();
  await note.getByRole('button', { name: 'Show more' }).waitFor();
});

test('Arabic mixed with Latin words reads right to left: a name in the list and as a title, a note, a message', async () => {
  const direction = (target: Locator) => target.evaluate((element) => getComputedStyle(element).direction);
  await startAt('/contacts', 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('نور');
  await dialog.getByLabel('Last name').fill('Haddad');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'نور Haddad' });
  await title.waitFor();
  expect(await direction(title)).toBe('rtl');

  const note = 'اتصلت بخصوص فاتورة Enterprise';
  const composer = page.getByRole('region', { name: 'Add to timeline' });
  await composer.getByRole('textbox', { name: 'Note' }).fill(note);
  expect(await direction(composer.getByRole('textbox', { name: 'Note' }))).toBe('rtl');
  await composer.getByRole('button', { name: 'Add note' }).click();
  const entry = page.getByRole('list', { name: 'Timeline entries' }).getByText(note, { exact: true });
  await entry.waitFor();
  expect(await direction(entry)).toBe('rtl');

  await startAt('/contacts', 'Contacts');
  const listed = page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'نور Haddad' });
  await listed.waitFor();
  expect(await direction(listed)).toBe('rtl');

  const session = (await (await page.request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const mail = [
    'From: Noor <noor@customer.example>',
    'To: support@rapport.example',
    'Subject: مشكلة في Rapport',
    'Message-ID: <rtl-1@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'لا يعمل Rapport منذ الصباح',
    '',
  ].join('\r\n');
  const imported = await page.request.post(`${server.baseUrl}/api/v1/ingest/files`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { format: 'eml', content: mail },
  });
  expect(imported.status()).toBe(200);
  await startAt('/inbox?inbox=all', 'Inbox');
  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /مشكلة في Rapport/ });
  await row.click({ timeout: 30_000 });
  const body = page.getByRole('log', { name: 'Messages' }).getByText('لا يعمل Rapport منذ الصباح', { exact: true });
  await body.waitFor();
  expect(await direction(body)).toBe('rtl');
  expect(await direction(page.getByRole('region', { name: 'Conversation' }).getByRole('heading', { name: 'مشكلة في Rapport' }))).toBe(
    'rtl',
  );
});

test('a call longer than a week is refused under its field, not shortened without a word', async () => {
  await openAda();
  const composer = page.getByRole('region', { name: 'Add to timeline' });
  await composer.getByRole('tab', { name: 'Log call' }).click();
  await composer.getByRole('textbox', { name: 'Subject' }).fill('Marathon call');
  const minutes = composer.getByRole('textbox', { name: 'Minutes' });
  await minutes.fill('99999');
  await composer.getByRole('button', { name: 'Log call' }).click();
  await composer.getByText('must be at most 10,080', { exact: true }).waitFor();
  expect(await minutes.inputValue()).toBe('99999');
  expect(await page.getByRole('list', { name: 'Timeline entries' }).getByText('Marathon call').count()).toBe(0);
});

test('an import starts all-or-nothing: keeping the valid rows is a choice the user makes', async () => {
  await startAt('/contacts', 'Contacts');
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const csv = 'First name,E-mail\nGrace,grace@navy.example\n,\n';
  await dialog.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  const partial = dialog.getByRole('checkbox', { name: 'Import the valid rows even when some rows are rejected' });
  expect(await partial.isChecked()).toBe(false);
});
