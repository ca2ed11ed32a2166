/**
 * An admin sets up the inbox in Settings: a routing rule that sends refund mail to the Service
 * team, a first-response target counted in business hours (the server's refusal of a day that
 * closes before it opens shown on that day), and round-robin assignment for Service. A new
 * conversation then arrives through the API, is routed to Service, handed to its member and given
 * its first-response clock; the rule is moved below another and deleted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { openArea, signIn, startJourney, type RunningServer } from './support.js';

interface Conversation {
  subject: string;
  teamId: string | null;
  assigneeId: string | null;
  sla: { firstResponseDueAt: string | null };
}

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 900 } }, { signedIn: false }));
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => expect.fail(`a dialog opened: ${dialog.message()}`)));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function choose(label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

async function createRule(name: string, keyword: string, fill: () => Promise<void>) {
  await page.getByRole('button', { name: 'New rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'New routing rule' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('combobox', { name: 'Keywords' }).fill(keyword);
  await dialog.getByRole('combobox', { name: 'Keywords' }).press('Enter');
  await fill();
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const rules = () => page.getByRole('list', { name: 'Routing rules' }).getByRole('listitem');

async function get<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${server.baseUrl}/api/v1${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

test('an admin sends refund mail to Service, first in the list', async () => {
  await signIn(page, server.baseUrl);
  await openArea(page, 'Settings');
  await page.getByRole('tab', { name: 'Routing' }).click();
  await page.getByText('the first rule that matches wins').waitFor();

  await createRule('Outages are urgent', 'outage', () => choose('Priority', 'Urgent'));
  await createRule('Refunds to Service', 'refund', () => choose('Team', 'Service'));
  await expect
    .poll(() => rules().allTextContents())
    .toEqual([expect.stringContaining('Outages are urgent'), expect.stringContaining('Refunds to Service')]);
  await rules().nth(1).getByText('When: Keyword “refund”').waitFor();
  await rules().nth(1).getByText('Then: Team Service').waitFor();

  // Moved by keyboard: the focus stays on the moved rule's button.
  await page.getByRole('button', { name: 'Move Refunds to Service up' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => rules().first().textContent()).toContain('Refunds to Service');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Refunds to Service down');
});

test('an admin sets Service to round-robin', async () => {
  await choose('Service', /Round-robin/);
  await page.getByText('Service: Round-robin').waitFor();
  await page.reload();
  // The select shows its value once the team's settings have loaded after the reload.
  const service = page.getByRole('combobox', { name: 'Service', exact: true });
  await expect.poll(() => service.inputValue(), { timeout: 10_000 }).toMatch(/Round-robin/);
});

test('an admin sets a first-response target in business hours; the server’s refusal shows on the day', async () => {
  await page.getByRole('tab', { name: 'SLA' }).click();
  const form = page.getByRole('form', { name: 'SLA policy' });
  await form.getByLabel('First response', { exact: true }).fill('2');
  await form.getByLabel('Count only business hours').check();
  await form.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Tok');
  await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
  await form.getByLabel('Monday closes').fill('08:00');
  await form.getByRole('button', { name: 'Save SLA policy' }).click();
  await form.getByRole('alert').filter({ hasText: 'Could not save' }).getByText('Monday: 09:00–08:00 must open before it closes').waitFor();
  await form.getByText('09:00–08:00 must open before it closes', { exact: true }).waitFor();

  await form.getByLabel('Monday closes').fill('17:00');
  await form.getByRole('button', { name: 'Save SLA policy' }).click();
  await page.getByText('SLA policy saved').waitFor();
  const policy = await get<{ firstResponseMinutes: number; businessHours: { timezone: string; days: Record<string, string[][]> } }>(
    page.request,
    '/inbox/sla-policy',
  );
  expect(policy.firstResponseMinutes).toBe(120);
  expect(policy.businessHours.timezone).toBe('Asia/Tokyo');
  expect(policy.businessHours.days).toEqual(
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]])),
  );
});

test('a new refund mail is routed to Service, handed to its member, with its first-response clock in business hours', async () => {
  const session = await get<{ csrfToken: string }>(page.request, '/auth/session');
  const mail = [
    'From: Robin Customer <robin@customer.example>',
    'To: support@rapport.example',
    'Subject: Refund for my order 4411',
    'Message-ID: <refund-4411@customer.example>',
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Could I have a refund, please? The order never came.',
    '',
  ].join('\r\n');
  const ingested = await page.request.post(`${server.baseUrl}/api/v1/ingest/files`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { format: 'eml', content: mail },
  });
  expect(ingested.status()).toBe(200);

  const teams = await get<{ data: { id: string; name: string }[] }>(page.request, '/teams');
  const members = await get<{ data: { id: string; name: string }[] }>(page.request, '/members');
  const service = teams.data.find((team) => team.name === 'Service')!;
  const sky = members.data.find((member) => member.name === 'Sky Service')!;
  const routed = async () => {
    const list = await get<{ data: Conversation[] }>(page.request, '/conversations?limit=100');
    return list.data.find((conversation) => conversation.subject === 'Refund for my order 4411') ?? null;
  };
  await expect.poll(async () => (await routed())?.teamId, { timeout: 30_000 }).toBe(service.id);
  const conversation = (await routed())!;
  expect(conversation.assigneeId).toBe(sky.id);

  // Due two working hours on: within Monday to Friday, 09:00 to 17:00 in Tokyo.
  const due = new Date(conversation.sla.firstResponseDueAt!);
  const inTokyo = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const parts = Object.fromEntries(inTokyo.formatToParts(due).map((part) => [part.type, part.value]));
  expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(parts.weekday);
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  expect(minute).toBeGreaterThan(9 * 60);
  expect(minute).toBeLessThanOrEqual(17 * 60);
  expect(due.getTime()).toBeGreaterThanOrEqual(Date.now() + 2 * 60 * 60_000 - 60_000);
});

test('the rule is moved below the other and deleted', async () => {
  await page.getByRole('tab', { name: 'Routing' }).click();
  await page.getByRole('button', { name: 'Move Refunds to Service down' }).click();
  await expect.poll(() => rules().last().textContent()).toContain('Refunds to Service');

  const deleteButton = page.getByRole('button', { name: 'Delete Refunds to Service' });
  await deleteButton.click();
  const confirm = page.getByRole('dialog', { name: 'Delete rule Refunds to Service?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete Refunds to Service');

  await deleteButton.click();
  await confirm.getByRole('button', { name: 'Delete rule' }).click();
  await expect.poll(() => rules().allTextContents()).toEqual([expect.stringContaining('Outages are urgent')]);
  const left = await get<{ data: { name: string; position: number }[] }>(page.request, '/routing-rules');
  expect(left.data.map((rule) => rule.name)).toEqual(['Outages are urgent']);
});
