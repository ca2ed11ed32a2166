import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a user signs in, creates a contact, finds it by search and opens its page', async () => {
  await page.goto(server.baseUrl);
  await page.getByLabel(/^E-mail/).fill('demo@rapport.local');
  await page.getByLabel(/^Password/).fill('rapport-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Contacts' }).isVisible()).toBe(true);

  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('First name').fill('Marie');
  await dialog.getByLabel('Last name').fill('Curie');
  await dialog.getByLabel('E-mail').fill('marie@radium.example');
  await dialog.getByLabel('Job title').fill('Physicist');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Marie Curie' }).isVisible()).toBe(true);

  await page.getByRole('link', { name: '← Contacts' }).click();
  await page.getByLabel('Search contacts').fill('mari cury');
  const list = page.getByRole('region', { name: 'Contact list' });
  await expect.poll(() => list.getByRole('link', { name: 'Marie Curie' }).isVisible()).toBe(true);
  await list.getByRole('link', { name: 'Marie Curie' }).click();
  await expect.poll(() => page.getByText('marie@radium.example').isVisible()).toBe(true);

  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: 'e2e/screenshots/contact-page.png', fullPage: true });
});
