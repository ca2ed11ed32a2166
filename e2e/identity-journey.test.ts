/**
 * Identity resolution and the customer 360 end to end: two contacts that are one person are found
 * by the full matching pass; a reviewer compares them side by side, keeps the other contact, picks
 * values and merges, and the survivor holds both histories. The merge is undone from the merge
 * history (both contacts are back with their own data) and the reopened pair is dismissed. Then a
 * contact's 360 (timeline filters, relationship memory, identities), linking and unlinking an
 * identity by hand, and the relationship and identity settings. An author listening heard, added as
 * a contact, has their posts under Mentions; on a phone the merge compare fits the screen; a viewer
 * compares a pair without deciding it. Takes the screenshots the docs show.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Browser, Page, Response } from 'playwright-core';
import { openArea, signIn, startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

const README_SHOTS = 'docs/screenshots';

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1440, height: 900 } }, { signedIn: false }));
  mkdirSync(README_SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The API as the signed-in page calls it: session cookie plus the CSRF token on writes. */
async function apiClient(request: APIRequestContext) {
  const session = (await (await request.get(`${server.baseUrl}/api/v1/auth/session`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  return async function post<T>(path: string, data?: unknown): Promise<T> {
    const response = await request.post(`${server.baseUrl}/api/v1${path}`, { headers, data });
    expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/** Below the widest layouts the inbox's customer panel is a drawer, opened from the conversation's header. */
async function openCustomerPanel(): Promise<void> {
  const showCustomer = page.getByRole('button', { name: 'Show customer details' });
  if (await showCustomer.isVisible()) await showCustomer.click();
}

test('a reviewer merges a duplicate pair, unmerges it, then dismisses it as two different people', async () => {
  await signIn(page, server.baseUrl);
  const post = await apiClient(page.request);
  // The merged contact is deleted: nothing may ask for a merge preview naming it after the merge.
  const failedPreviews: string[] = [];
  const watchPreviews = (response: Response) => {
    if (response.url().includes('/merge-preview') && !response.ok()) failedPreviews.push(`${response.status()} ${response.url()}`);
  };
  page.on('response', watchPreviews);

  const maria = await post<{ id: string }>('/contacts', {
    firstName: 'Maria',
    lastName: 'Gonzalez',
    title: 'Buyer',
    emails: [{ address: 'maria.gonzalez@example.org' }],
  });
  const mariaAccented = await post<{ id: string }>('/contacts', {
    firstName: 'María',
    lastName: 'González',
    title: 'Head of purchasing',
    emails: [{ address: 'MARIA.GONZALEZ@example.org' }, { address: 'maria@gonzalez.example' }],
    phones: [{ number: '+34 600 123 456' }],
  });
  await post('/activities', { type: 'note', contactId: maria.id, body: 'Asked for the autumn price list.' });
  await post('/activities', { type: 'note', contactId: mariaAccented.id, body: 'Met at the trade fair in Valencia.' });
  await post('/identity/resolve');

  await openArea(page, 'Contacts');
  await page.getByRole('link', { name: /Review duplicates/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor();
  await page
    .getByRole('region', { name: 'Duplicate pairs' })
    .getByRole('button', { name: /Maria Gonzalez.*María González|María González.*Maria Gonzalez/ })
    .click();

  const compare = page.getByRole('region', { name: 'Compare contacts' });
  const fields = compare.getByRole('table', { name: 'Fields to merge' });
  await fields.waitFor();
  await compare.getByRole('table', { name: 'Match evidence' }).getByRole('cell', { name: 'Last name', exact: true }).waitFor();
  // The richer contact is kept by default; the reviewer keeps the other one, with its own name but
  // the accented contact's title (the newer contact's values are the defaults).
  await compare.getByRole('button', { name: 'Keep Maria Gonzalez instead' }).click();
  await compare.getByText('Maria Gonzalez is kept').waitFor();
  for (const value of ['Maria', 'Gonzalez', 'Head of purchasing']) {
    const radio = fields.getByRole('radio', { name: value, exact: true });
    await radio.check();
    await expect.poll(() => radio.isChecked()).toBe(true);
  }
  await page.screenshot({ path: `${README_SHOTS}/duplicate-review.png` });

  await compare.getByRole('button', { name: 'Merge', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Merge María González into Maria Gonzalez?' });
  await confirm.getByRole('button', { name: 'Merge contacts' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Open Maria Gonzalez' }).click();
  page.off('response', watchPreviews);
  expect(failedPreviews).toEqual([]);

  await page.getByRole('heading', { level: 1, name: 'Maria Gonzalez' }).waitFor();
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByText('maria.gonzalez@example.org', { exact: true }).waitFor();
  await details.getByText('maria@gonzalez.example', { exact: true }).waitFor();
  await details.getByText('+34 600 123 456').waitFor();
  await page.getByText('Head of purchasing').first().waitFor();
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await timeline.getByText('Met at the trade fair in Valencia.').waitFor();
  await timeline.getByText('Asked for the autumn price list.').waitFor();

  const history = page.getByRole('region', { name: 'Merge history' });
  await history.getByText('María González merged in').waitFor();
  await history.getByRole('button', { name: 'Unmerge María González' }).click();
  await page.getByRole('dialog', { name: 'Unmerge María González?' }).getByRole('button', { name: 'Unmerge' }).click();
  await history.getByText('Unmerged', { exact: true }).first().waitFor();

  // The survivor is as it was: its own e-mail and note only, its own title back.
  await expect.poll(() => timeline.getByText('Met at the trade fair in Valencia.').count()).toBe(0);
  await timeline.getByText('Asked for the autumn price list.').waitFor();
  await expect.poll(() => details.getByText('maria@gonzalez.example', { exact: true }).count()).toBe(0);
  await page.getByText('Buyer').first().waitFor();

  await history.getByRole('link', { name: 'María González' }).click();
  await page.getByRole('heading', { level: 1, name: 'María González' }).waitFor();
  await details.getByText('maria@gonzalez.example', { exact: true }).waitFor();
  await details.getByText('+34 600 123 456').waitFor();
  await timeline.getByText('Met at the trade fair in Valencia.').waitFor();
  expect(await timeline.getByText('Asked for the autumn price list.').count()).toBe(0);

  await openArea(page, 'Contacts');
  await page.getByRole('link', { name: /Review duplicates/ }).click();
  // Unmerging reopens the pair; this time the reviewer says they are different people.
  const pairs = page.getByRole('region', { name: 'Duplicate pairs' });
  const pair = pairs.getByRole('button', { name: /Maria Gonzalez.*María González|María González.*Maria Gonzalez/ });
  await pair.click();
  await compare.getByRole('button', { name: 'Not a duplicate' }).click();
  await page.getByRole('status').getByText('are marked as different people').waitFor();
  await expect.poll(() => pair.count()).toBe(0);
  await page.getByRole('tab', { name: 'Dismissed' }).click();
  await pair.click();
  await page
    .getByRole('region', { name: /^(Maria Gonzalez and María González|María González and Maria Gonzalez)$/ })
    .getByText(/^Dismissed/)
    .waitFor();
});

test('the contact 360 shows the timeline across channels, the relationship memory and the identities', async () => {
  await openArea(page, 'Contacts');
  await page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();

  const memory = page.getByRole('region', { name: 'Relationship' });
  await memory.getByText('Preferred channel').waitFor();
  await page.getByRole('region', { name: 'Value and health' }).waitFor();
  const identities = page.getByRole('region', { name: 'Identities' });
  await identities.getByRole('list', { name: 'Linked identities' }).getByText('Ada Lovelace').first().waitFor();

  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await timeline.getByText('Invoice 7781 charged twice').first().waitFor();
  await page.getByRole('group', { name: 'Show' }).getByText('Messages', { exact: true }).click();
  await timeline.getByRole('link', { name: 'Open conversation' }).first().waitFor();
  await page.screenshot({ path: `${README_SHOTS}/contact-360.png`, fullPage: true });

  await page.getByRole('group', { name: 'Show' }).getByText('Notes', { exact: true }).click();
  await page.getByRole('group', { name: 'Show' }).getByText('Messages', { exact: true }).click();
  await expect.poll(() => timeline.getByText('Invoice 7781 charged twice').count()).toBe(0);
});

test('a contact’s page says who else it may be, and leads to that pair’s review', async () => {
  await openArea(page, 'Contacts');
  await page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'Katherine Johnson' }).click();
  await page.getByRole('heading', { level: 1, name: 'Katherine Johnson' }).waitFor();
  const possible = page.getByRole('region', { name: 'Possible duplicates' });
  await possible.getByText(/^Kate Johnson \(\d/).waitFor();
  await possible.getByRole('link', { name: 'Review Kate Johnson' }).click();
  await page.getByRole('heading', { level: 1, name: 'Duplicates' }).waitFor();
  await page.getByRole('region', { name: 'Compare contacts' }).getByRole('table', { name: 'Fields to merge' }).waitFor();
});

test('an agent links a Mastodon author to the contact her e-mail made, from the conversation, and sees one timeline', async () => {
  await openArea(page, 'Inbox');
  await page.getByRole('region', { name: 'Conversation list' }).getByText('@acme the new export keeps timing out').first().click();
  await page.getByRole('heading', { name: /the new export keeps timing out/ }).waitFor();
  await openCustomerPanel();
  const suggestions = page.getByRole('region', { name: 'Contacts Noor Haddad may be' });
  await suggestions.getByRole('link', { name: 'Noor Haddad' }).waitFor();
  await suggestions.getByText('noor.haddad@proton.example').waitFor();
  await suggestions.getByRole('button', { name: 'Link Noor Haddad to Noor Haddad' }).click();
  await expect.poll(() => suggestions.count()).toBe(0);
  await page.getByText('Not linked to a contact').waitFor({ state: 'detached' });
  await page.getByRole('region', { name: 'About Noor Haddad' }).waitFor();

  await page.getByRole('link', { name: 'Noor Haddad', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Noor Haddad' }).waitFor();
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  await timeline.getByText('Export times out on our workspace').first().waitFor();
  await timeline
    .getByText(/the new export keeps timing out/)
    .first()
    .waitFor();
  const linked = page.getByRole('region', { name: 'Identities' }).getByRole('list', { name: 'Linked identities' });
  await linked.getByText('noor@fosstodon.example').first().waitFor();
  // Both her identities are called Noor Haddad: each Unlink button says which one it unlinks.
  expect(await linked.getByRole('button', { name: /^Unlink Noor Haddad/ }).count()).toBe(2);
  expect(await linked.getByRole('button', { name: 'Unlink Noor Haddad (Mastodon noor@fosstodon.example)', exact: true }).count()).toBe(1);
  expect(await linked.getByRole('button', { name: /^Unlink Noor Haddad \(E-mail / }).count()).toBe(1);
});

test('the customer panel shows who the contact is to the business while the agent answers', async () => {
  await openArea(page, 'Inbox');
  await page.getByRole('region', { name: 'Conversation list' }).getByText('Invoice 7781 charged twice').first().click();
  await page.getByRole('heading', { name: 'Invoice 7781 charged twice' }).waitFor();
  await openCustomerPanel();
  const about = page.getByRole('region', { name: 'About Ada Lovelace' });
  await about.getByText('Head of Engineering · Analytical Engines Ltd').waitFor();
  await about.getByText(/^customer$/i).waitFor();
  await about.getByText(/^\d+ · /).waitFor();
  await about.getByText('Owner: Sky Service').waitFor();
  await about.getByRole('group', { name: 'Tags' }).getByText('vip').waitFor();
  await about.getByText(/^Coming up: birthday/).waitFor();
  await page.keyboard.press('Escape');
});

test('an agent adds an author no contact is as a contact, from the conversation', async () => {
  await openArea(page, 'Inbox');
  await page.getByRole('region', { name: 'Conversation list' }).getByText('Is there a discount for non-profits?').first().click();
  await page.getByRole('heading', { name: /Is there a discount for non-profits/ }).waitFor();
  await openCustomerPanel();
  await page.getByText('Not linked to a contact').waitFor();
  await page.getByRole('button', { name: 'Add as contact' }).click();
  const about = page.getByRole('region', { name: 'About Mia Rossi' });
  await about.getByRole('link', { name: 'Mia Rossi' }).waitFor();
  await page.keyboard.press('Escape');
});

test('an agent links an unknown author to a contact by hand, and unlinks it again', async () => {
  await openArea(page, 'Contacts');
  const list = page.getByRole('region', { name: 'Contact list' });
  await list.getByRole('columnheader', { name: 'Tier' }).waitFor();
  await list.getByRole('columnheader', { name: 'Health' }).waitFor();
  await list.getByRole('link', { name: 'Alan Turing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Alan Turing' }).waitFor();

  const identities = page.getByRole('region', { name: 'Identities' });
  await identities.getByRole('button', { name: 'Link identity' }).click();
  const picker = page.getByRole('dialog', { name: 'Link an identity to Alan Turing' });
  await picker.getByLabel('Find the identity').fill('Leo');
  await picker.getByRole('radio', { name: /Leo Park/ }).check();
  await picker.getByRole('button', { name: 'Link', exact: true }).click();
  const linked = identities.getByRole('list', { name: 'Linked identities' });
  await linked.getByText('Leo Park').waitFor();
  await linked.getByText('Linked by hand').waitFor();

  await linked.getByRole('button', { name: /^Unlink Leo Park \(X/ }).click();
  await page
    .getByRole('dialog', { name: /^Unlink Leo Park \(X.*\)\?$/ })
    .getByRole('button', { name: 'Unlink identity' })
    .click();
  await identities.getByText('No linked identities').waitFor();
});

test('an admin changes the tiers, rescores the workspace and sets how identities are resolved', async () => {
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'Relationship' }).click();
  const form = page.getByRole('form', { name: 'Relationship settings' });
  const gold = form.getByRole('textbox', { name: 'Tier name' }).nth(1);
  expect(await gold.inputValue()).toBe('gold');
  await form.getByRole('textbox', { name: 'From score' }).nth(1).fill('55');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Relationship settings saved').waitFor();
  await form.getByRole('button', { name: 'Recompute now' }).click();
  await page.getByText(/contacts rescored/).waitFor();
  await page.reload();
  await expect.poll(() => form.getByRole('textbox', { name: 'From score' }).nth(1).inputValue()).toBe('55');

  await page.getByRole('tab', { name: 'Identity' }).click();
  const identity = page.getByRole('form', { name: 'Identity settings' });
  const createContacts = identity.getByRole('switch', { name: 'Create a contact for each unknown e-mail sender' });
  expect(await createContacts.isChecked()).toBe(true);
  await createContacts.uncheck();
  await identity.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Identity settings saved').waitFor();
  await page.reload();
  await expect.poll(() => createContacts.isChecked()).toBe(false);
});

const KATE_PAIR = /Kate Johnson.*Katherine Johnson|Katherine Johnson.*Kate Johnson/;

test('an author listening heard, added as a contact, has their posts under the Mentions of their timeline', async () => {
  await page.goto(`${server.baseUrl}/listening/mentions`);
  await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
  await page.getByRole('article').filter({ hasText: 'Any Acme users here?' }).getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Add as contact' }).click();
  await page.getByRole('link', { name: 'Open the contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'River Chen' }).waitFor();
  await page.getByRole('group', { name: 'Show' }).getByText('Mentions', { exact: true }).click();
  // Every post of theirs that listening heard is in their conversations now: messages, and mentions too.
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  for (const post of ['Three months with the Acme rocket', 'The #acmespring launch event was fun', 'Any Acme users here?'])
    await timeline.getByText(post, { exact: false }).first().waitFor();
  expect(await timeline.getByText('Also a mention', { exact: true }).count()).toBe(3);
});

test('on a phone, the merge compare shows each field with what the merge makes of it, within the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await signIn(phone, server.baseUrl);
  await phone.goto(`${server.baseUrl}/contacts/duplicates`);
  await phone.getByRole('region', { name: 'Duplicate pairs' }).getByRole('button', { name: KATE_PAIR }).click();
  const fields = phone.getByRole('region', { name: 'Compare contacts' }).getByRole('list', { name: 'Fields to merge' });
  const after = fields.getByRole('listitem').filter({ hasText: 'First name' }).getByText('After the merge');
  await after.scrollIntoViewIfNeeded();
  const box = (await after.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('a viewer compares a pair in the duplicate queue, with nothing to decide and no merge preview', async () => {
  const post = await apiClient(page.request);
  await post('/members', { email: 'vera@rapport.local', name: 'Vera Viewer', password: 'viewer-password', role: 'viewer' });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const viewer = await context.newPage();
  const previews: string[] = [];
  viewer.on('request', (request) => {
    if (request.url().includes('/merge-preview')) previews.push(request.url());
  });
  await viewer.goto(server.baseUrl);
  await viewer.getByLabel(/^E-mail/).fill('vera@rapport.local');
  await viewer.getByLabel(/^Password/).fill('viewer-password');
  await viewer.getByRole('button', { name: 'Sign in' }).click();
  await viewer.getByRole('heading', { name: 'My day' }).waitFor();
  await openArea(viewer, 'Contacts');
  await viewer.getByRole('link', { name: /Review duplicates/ }).click();
  await viewer.getByRole('region', { name: 'Duplicate pairs' }).getByRole('button', { name: KATE_PAIR }).click();
  const compare = viewer.getByRole('region', { name: 'Compare contacts' });
  await compare.getByRole('table', { name: 'The pair' }).getByRole('cell', { name: 'Katherine', exact: true }).waitFor();
  await compare.getByRole('table', { name: 'Match evidence' }).waitFor();
  await compare.getByText(/needs the agent role or higher/).waitFor();
  expect(await compare.getByRole('button').count()).toBe(0);
  expect(await compare.getByText(/is kept/).count()).toBe(0);
  expect(previews).toEqual([]);
  await context.close();
});
