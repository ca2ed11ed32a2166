/**
 * Starts a real Rapport server (built web app, fresh embedded database, demo workspace) and a real
 * headless Chromium, for journeys that click like a user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** A port nothing listens on now, from the system: a random pick can land on a service's (NATS has 4222). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapport-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/rapport.mjs', 'serve'], {
    env: { ...process.env, PORT: String(port), RAPPORT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: without a build, bin/rapport.mjs runs the server as a tsx grandchild,
    // which a signal to the wrapper alone would leave running.
    detached: true,
  });
  const stopGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopGroup();
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    async stop() {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      stopGroup();
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in as the demo owner and waits for the first page of the app. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel(/^E-mail/).fill('demo@rapport.local');
  await page.getByLabel(/^Password/).fill('rapport-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My day' }).waitFor();
}

export interface Journey {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/**
 * What a journey starts from: a server with the demo workspace, a browser, and a page in a context of
 * its own (`context`: viewport, colour scheme, motion), signed in as the demo owner unless the journey
 * signs in itself (`signedIn: false`). If a step fails, what was started is stopped before the error is
 * thrown, as the file's afterAll is not given it.
 */
export async function startJourney(context: BrowserContextOptions, { signedIn = true } = {}): Promise<Journey> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await (await browser.newContext(context)).newPage();
    if (signedIn) await signIn(page, server.baseUrl);
    return { server, browser, page };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/** Goes to an area of the app through the main navigation. */
export async function openArea(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Adds a channel through Settings › Channels (open there): the kind, its name, its own fields, then "Save and test". */
export async function addChannel(page: Page, kind: RegExp, name: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Add channel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a channel' });
  await dialog.getByRole('radio', { name: kind }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByLabel(/^Name/).fill(name);
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Save and test' }).click();
  await dialog.getByText('Connected').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
}
