/**
 * A save the server refuses is told in the form's own words: the summary names the inputs by the
 * labels on screen, each input says what is wanted there, and a problem on a field the form does
 * not show is still told, not lost, with the reference to quote when reporting it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 } }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Calls the API as the signed-in user (the page's session cookie, its CSRF token), for what another person does meanwhile. */
async function asColleague(method: 'POST' | 'DELETE', path: string, data?: unknown) {
  const session = await page.request.get(`${server.baseUrl}/api/v1/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.ok(), await response.text()).toBe(true);
  return response.status() === 204 ? undefined : ((await response.json()) as { id: string });
}

async function openContact(id: string, name: string): Promise<void> {
  await page.goto(`${server.baseUrl}/contacts/${id}`);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('a call longer than a week: the summary names Minutes, as the form labels it, and says the limit in words', async () => {
  const contact = await asColleague('POST', '/contacts', { firstName: 'Katherine', lastName: 'Johnson' });
  await openContact(contact!.id, 'Katherine Johnson');
  const composer = page.getByRole('region', { name: 'Add to timeline' });
  // A click before the page has hydrated is lost: click until the tab says it is chosen.
  const callTab = composer.getByRole('tab', { name: 'Log call' });
  await expect
    .poll(async () => {
      await callTab.click();
      return callTab.getAttribute('aria-selected');
    })
    .toBe('true');
  await composer.getByRole('textbox', { name: 'Subject' }).fill('Orbit review');
  await composer.getByRole('textbox', { name: 'Minutes' }).fill('99999');
  await composer.getByRole('button', { name: 'Log call' }).click();

  const summary = composer.getByRole('alert').filter({ hasText: 'Could not save' });
  await summary.waitFor();
  expect(await summary.innerText()).toContain('Minutes: must be at most 10,080');
  expect(await summary.innerText()).not.toContain('durationMinutes');
  // The input says it too, and keeps what was typed.
  await composer.getByText('must be at most 10,080', { exact: true }).waitFor();
  expect(await composer.getByRole('textbox', { name: 'Minutes' }).inputValue()).toBe('99999');
});

test('a note on a contact deleted meanwhile: the problem on a field the form does not show is told', async () => {
  const contact = await asColleague('POST', '/contacts', { firstName: 'Dorothy', lastName: 'Vaughan' });
  await openContact(contact!.id, 'Dorothy Vaughan');
  const composer = page.getByRole('region', { name: 'Add to timeline' });
  await composer.getByRole('textbox', { name: 'Note' }).fill('Call back about the FORTRAN course');
  await asColleague('DELETE', `/contacts/${contact!.id}`);
  const refusal = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/activities');
  await composer.getByRole('button', { name: 'Add note' }).click();

  const summary = composer.getByRole('alert').filter({ hasText: 'Could not save' });
  await summary.waitFor();
  expect(await summary.innerText()).toContain('contactId (not in this form): is not a contact of this workspace');
  // The reference is the server's id for the refused request, for an admin to find it by.
  const { requestId } = (await (await refusal).json()) as { requestId: string };
  expect(await summary.innerText()).toContain(`Reference: ${requestId}`);
  await expect.poll(() => summary.evaluate((alert) => alert === document.activeElement)).toBe(true);
  // The note is kept, to be copied elsewhere.
  expect(await composer.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Call back about the FORTRAN course');
});
