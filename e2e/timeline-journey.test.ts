/**
 * A salesperson's timeline: the search palette keeps what is typed while a page is still loading,
 * a logged call shows how long it lasted and can be edited, a task can be changed and deleted from
 * the timeline, and the relationship panel follows at once.
 */
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

test('Ctrl+K right after moving to a page that is still loading keeps the focus and what is typed', async () => {
  await signIn(page, server.baseUrl);
  // The code of the Tasks page arrives a second late, as on a slow connection.
  await page.route('**/assets/TasksPage-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search contacts and companies' });
  await palette.getByRole('combobox', { name: 'Search' }).waitFor();
  await page.keyboard.type('Ada');
  await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.type(' Lovelace');
  expect(await palette.getByRole('combobox', { name: 'Search' }).inputValue()).toBe('Ada Lovelace');
  await palette.getByRole('option', { name: /Ada Lovelace/ }).waitFor();
  await page.keyboard.press('Escape');
  await page.unrouteAll();
});

test('a call shows its length and is edited in place; a task is changed and deleted from the timeline', async () => {
  await openArea(page, 'Contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('Grace');
  await dialog.getByLabel('Last name').fill('Hopper');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
  const timeline = page.getByRole('list', { name: 'Timeline entries' });
  const memory = page.getByRole('region', { name: 'Relationship' });

  await page.getByRole('tab', { name: 'Log call' }).click();
  await page.getByRole('textbox', { name: 'Subject' }).fill('Compiler demo');
  await page.getByRole('textbox', { name: 'Minutes' }).fill('25');
  await page.getByRole('button', { name: 'Log call' }).click();
  const call = timeline.getByRole('listitem').filter({ hasText: 'Compiler demo' });
  await call.getByText('25 min').waitFor();
  // The relationship panel knows of the call without a reload.
  await memory.getByText('Call', { exact: true }).waitFor();

  await call.getByRole('button', { name: 'Edit call' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit call' });
  expect(await edit.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe('Compiler demo');
  await edit.getByRole('textbox', { name: 'Subject' }).fill('COBOL compiler demo');
  await edit.getByRole('textbox', { name: 'Minutes' }).fill('60');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'hidden' });
  const edited = timeline.getByRole('listitem').filter({ hasText: 'COBOL compiler demo' });
  await edited.getByText('1 h', { exact: true }).waitFor();

  await page.getByRole('tab', { name: 'Task' }).click();
  await page.getByRole('textbox', { name: 'Task' }).fill('Send the manual');
  await page.getByRole('button', { name: 'Add task' }).click();
  const task = timeline.getByRole('listitem').filter({ hasText: 'Send the manual' });
  await memory.getByText('Send the manual').waitFor();
  await task.getByRole('button', { name: 'Edit task' }).click();
  const editTask = page.getByRole('dialog', { name: 'Edit task' });
  await editTask.getByRole('textbox', { name: 'Task' }).fill('Send the printed manual');
  await editTask.getByRole('button', { name: 'Save changes' }).click();
  await editTask.waitFor({ state: 'hidden' });
  const renamed = timeline.getByRole('listitem').filter({ hasText: 'Send the printed manual' });
  await renamed.getByRole('button', { name: 'Delete task' }).click();
  await page.getByRole('dialog', { name: 'Delete task?' }).getByRole('button', { name: 'Delete' }).click();
  await renamed.waitFor({ state: 'detached' });
});
