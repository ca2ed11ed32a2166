/**
 * A person who belongs to two workspaces moves from one to the other and signs in again where they
 * left off; invitations join others; and anyone starts a workspace of their own from the account menu.
 */
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

/** The demo owner's write to the API from the signed-in page: status and answer. */
const ownerWrites = (method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([method, url, body]) => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, answer: text ? (JSON.parse(text) as { id: string }) : null };
    },
    [method, url, body] as const,
  );

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

async function signInAs(email: string, password: string) {
  await page.goto(server.baseUrl);
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My day' }).waitFor();
}

async function switchFromMenu() {
  const reloaded = page.waitForEvent('load');
  await page.getByRole('menuitem', { name: /^Switch to / }).click();
  await reloaded;
  await page.getByRole('heading', { name: 'My day' }).waitFor();
}

test('an admin invites an existing account, whose person accepts and switches to the workspace', async () => {
  // Still signed in as the demo owner. Iris gets an account in this workspace only.
  await page.goto(server.baseUrl);
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  const home = await currentWorkspace();
  const created = await ownerWrites('POST', '/api/v1/members', {
    email: 'iris@rapport.local',
    name: 'Iris Ink',
    password: 'iris-password',
    role: 'agent',
  });
  expect(created.status).toBe(201);

  // In the other workspace, the owner adds her address: she is invited, not added, and shown by her address only.
  await page.getByRole('button', { name: /Account:/ }).click();
  await switchFromMenu();
  const inviting = await currentWorkspace();
  expect(inviting).not.toBe(home);
  await page.goto(`${server.baseUrl}/settings/members`);
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByLabel(/^Name/).fill('Someone Else');
  await dialog.getByLabel(/^E-mail/).fill('iris@rapport.local');
  await dialog.getByLabel(/^First password/).fill('not-her-password');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await page.getByText(/iris@rapport\.local already has an account, so it was invited as agent/).waitFor();
  const members = page.getByRole('table', { name: 'Members' });
  await members.getByText('Invited, not yet accepted').waitFor();
  await members.getByText('iris@rapport.local').waitFor();
  expect(await members.getByText('Iris Ink').count()).toBe(0);
  expect(await members.getByText('Someone Else').count()).toBe(0);

  // Iris signs in with her own password, sees the invitation where workspaces are switched, accepts, and switches.
  await page.getByRole('button', { name: /Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await signInAs('iris@rapport.local', 'iris-password');
  expect(await currentWorkspace()).toBe(home);
  await page.getByRole('button', { name: /Account: Iris Ink, 1 invitation$/ }).click();
  expect(await page.getByRole('menuitem', { name: /^Switch to / }).count()).toBe(0);
  await page
    .getByRole('group', { name: /invited you as agent$/ })
    .getByRole('menuitem', { name: 'Accept invitation' })
    .click();
  await page.getByRole('button', { name: /Account: Iris Ink$/ }).click();
  await switchFromMenu();
  expect(await currentWorkspace()).toBe(inviting);
});

test('a person removed from their only workspace signs in by accepting an invitation to another', async () => {
  await page.context().clearCookies();
  await signIn(page, server.baseUrl);
  const home = await currentWorkspace();
  const added = await ownerWrites('POST', '/api/v1/members', {
    email: 'jo@rapport.local',
    name: 'Jo Jones',
    password: 'jo-password',
    role: 'agent',
  });
  expect(added.status).toBe(201);
  await page.getByRole('button', { name: /Account:/ }).click();
  await switchFromMenu();
  const inviting = await currentWorkspace();
  expect(inviting).not.toBe(home);
  const invited = await ownerWrites('POST', '/api/v1/members', {
    email: 'jo@rapport.local',
    name: 'Jo Jones',
    password: 'unused-password',
    role: 'viewer',
  });
  expect(invited.status).toBe(201);
  await page.getByRole('button', { name: /Account:/ }).click();
  await switchFromMenu();
  expect(await currentWorkspace()).toBe(home);
  expect((await ownerWrites('DELETE', `/api/v1/members/${added.answer!.id}`)).status).toBe(204);

  // Jo now belongs to no workspace: signing in says so, and offers the invitation as the way in.
  await page.context().clearCookies();
  await page.goto(server.baseUrl);
  await page.getByLabel(/^E-mail/).fill('jo@rapport.local');
  await page.getByLabel(/^Password/).fill('jo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const offered = page.getByRole('group', { name: 'Invitations waiting for you' });
  await offered.getByRole('button', { name: /\(viewer\) and sign in$/ }).click();
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  expect(await currentWorkspace()).toBe(inviting);
});

test('creates a workspace of their own from the account menu, and lands in it as its owner', async () => {
  await page.context().clearCookies();
  await signIn(page, server.baseUrl);
  const left = await currentWorkspace();
  await page.getByRole('button', { name: /Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Create workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create workspace' });
  const create = dialog.getByRole('button', { name: 'Create workspace' });
  await dialog.getByLabel(/^Workspace name/).fill('   ');
  expect(await create.isDisabled()).toBe(true);
  await dialog.getByLabel(/^Workspace name/).fill('  Side Venture ');
  const reloaded = page.waitForEvent('load');
  await create.click();
  await reloaded;
  await page.getByRole('heading', { name: 'My day' }).waitFor();

  const session = await page.evaluate(
    async () =>
      (await (await fetch('/api/v1/auth/session')).json()) as {
        workspace: { id: string; name: string };
        role: string;
        workspaces: unknown[];
      },
  );
  expect(session.workspace.id).not.toBe(left);
  expect(session).toMatchObject({ workspace: { name: 'Side Venture' }, role: 'owner' });
  expect(session.workspaces).toHaveLength(3);
  // A fresh workspace: no demo records came with it.
  const contacts = await page.evaluate(async () => ((await (await fetch('/api/v1/contacts')).json()) as { data: unknown[] }).data.length);
  expect(contacts).toBe(0);

  // The menu says where they are now, and the way back to both demo workspaces.
  await page.getByRole('button', { name: /Account:/ }).click();
  await page.getByText('In Side Venture').waitFor();
  expect(await page.getByRole('menuitem', { name: /^Switch to / }).count()).toBe(2);
});
