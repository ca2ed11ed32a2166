/** An admin defines a custom field, fills it on a contact, and creates, uses and revokes an API token. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openArea, signIn, startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 } }, { signedIn: false }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin adds a custom field and fills it on a contact', async () => {
  await signIn(page, server.baseUrl);
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'Custom fields' }).click();
  await page.getByRole('button', { name: 'New field' }).click();
  const dialog = page.getByRole('dialog', { name: 'New field for contacts' });
  await dialog.getByLabel('Label').fill('Shoe size');
  expect(await dialog.getByLabel('Key').inputValue()).toBe('shoe_size');
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Number' }).click();
  await dialog.getByRole('button', { name: 'Create field' }).click();
  await page.getByRole('table', { name: 'Custom fields' }).getByRole('cell', { name: 'Shoe size', exact: true }).waitFor();

  await openArea(page, 'Contacts');
  await page.getByRole('region', { name: 'Contact list' }).getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  await edit.getByLabel('Shoe size').fill('37');
  await edit.getByRole('button', { name: 'Save' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  // The label shows before the save too (with no value); the saved value is what proves it.
  await details.getByText('Shoe size').waitFor();
  await details.getByText('37', { exact: true }).waitFor();
});

test('an admin creates an API token, sees it once, uses it and revokes it', async () => {
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByLabel('Name').fill('Sign-up form');
  await dialog.getByLabel('Write').check();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const created = page.getByRole('dialog', { name: 'Token created' });
  const secret = (await created.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^rpt_/);
  const response = await fetch(`${server.baseUrl}/api/v1/contacts?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
  expect(response.status).toBe(200);
  await created.getByRole('button', { name: 'Done' }).click();

  const tokens = page.getByRole('table', { name: 'API tokens' });
  await tokens.getByText('Sign-up form').waitFor();
  expect(await page.getByText(secret).count()).toBe(0);
  await tokens.getByRole('button', { name: 'Revoke token Sign-up form' }).click();
  await page.getByRole('dialog', { name: 'Revoke token Sign-up form?' }).getByRole('button', { name: 'Revoke token' }).click();
  await tokens.getByText('Revoked').waitFor();
  const refused = await fetch(`${server.baseUrl}/api/v1/contacts?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status).toBe(401);
});

test('an admin reads in the audit log who created and revoked the token, and what it was', async () => {
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await page.getByRole('combobox', { name: 'Kind of record' }).click();
  await page.getByRole('option', { name: 'API tokens' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  const revoked = log.getByRole('row').filter({ hasText: 'API token revoked' });
  await revoked.waitFor();
  expect(await revoked.getByRole('cell', { name: 'Dana Demo' }).count()).toBe(1);
  // Only API tokens are listed once filtered. The revocation is also on the unfiltered page, which can
  // still be showing: wait for the filtered one.
  await expect.poll(() => log.getByRole('row').filter({ hasText: 'Contact' }).count()).toBe(0);

  await log.getByRole('button', { name: 'Show changes: API token created' }).first().click();
  const changes = page.getByRole('table', { name: 'Changes: API token created' });
  const name = changes.getByRole('row').filter({ hasText: 'Name' });
  await name.getByRole('cell', { name: 'Sign-up form' }).waitFor();
  expect(await changes.getByRole('row').filter({ hasText: 'Scopes' }).getByRole('cell', { name: 'read, write' }).count()).toBe(1);
});

test('a member renames themselves, changes their password and signs out everywhere else', async () => {
  const elsewhere = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(elsewhere, server.baseUrl);

  await page.getByRole('button', { name: 'Account: Dana Demo' }).click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByLabel('Name').fill('Dana Demo-Smith');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('button', { name: 'Account: Dana Demo-Smith' }).waitFor();

  const password = page.getByRole('form', { name: 'Password' });
  await password.getByLabel(/^Current password/).fill('wrong-password');
  await password.getByLabel(/^New password/).fill('a-new-passphrase');
  await password.getByLabel('Repeat the new password').fill('a-new-passphrase');
  await password.getByRole('button', { name: 'Change password' }).click();
  await password.getByText('is not your current password', { exact: true }).waitFor();
  await password.getByLabel(/^Current password/).fill('rapport-demo');
  await password.getByRole('button', { name: 'Change password' }).click();
  await password.getByRole('status').filter({ hasText: 'Signed out of 1 other session' }).waitFor();

  await elsewhere.reload();
  await elsewhere.getByRole('button', { name: 'Sign in' }).waitFor();
  await elsewhere.getByLabel(/^E-mail/).fill('demo@rapport.local');
  await elsewhere.getByLabel(/^Password/).fill('rapport-demo');
  await elsewhere.getByRole('button', { name: 'Sign in' }).click();
  await elsewhere.getByText('E-mail or password is wrong').waitFor();
  await elsewhere.getByLabel(/^Password/).fill('a-new-passphrase');
  await elsewhere.getByRole('button', { name: 'Sign in' }).click();
  await elsewhere.getByRole('heading', { name: 'My day' }).waitFor();

  await page.reload();
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByText('You are also signed in in one other place').waitFor();
  await sessions.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await sessions.getByRole('status').filter({ hasText: 'Signed out of 1 other session.' }).waitFor();
  await elsewhere.reload();
  await elsewhere.getByRole('button', { name: 'Sign in' }).waitFor();
  await elsewhere.close();
});
