/** A person who belongs to two workspaces moves from one to the other and signs in again where they left off. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startServer, type RunningServer } from './support.js';

let dataDir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-e2e-workspaces-'));
  // Two demo workspaces, the same demo owner in both.
  for (let i = 0; i < 2; i++) {
    const seeded = spawnSync(process.execPath, ['bin/rapport.mjs', 'seed', '--demo'], {
      env: { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).toBe(0);
  }
  server = await startServer({ RAPPORT_DATA_DIR: dataDir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const currentWorkspace = () =>
  page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { workspace: { id: string } }).workspace.id);

test('switches workspace from the account menu, and signs in to the one last used', async () => {
  await signIn(page, server.baseUrl);
  const first = await currentWorkspace();
  await page.getByRole('button', { name: /Account:/ }).click();
  // Switching reloads the page; asking the session before the new page has loaded races the reload.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('menuitem', { name: /^Switch to / }).click();
  await reloaded;
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  const second = await currentWorkspace();
  expect(second).not.toBe(first);

  // Signed out and in again, they are where they last worked.
  await page.getByRole('button', { name: /Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signIn(page, server.baseUrl);
  expect(await currentWorkspace()).toBe(second);
});
