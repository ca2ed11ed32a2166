/**
 * An agent works the demo inbox from the keyboard alone: moves between conversations, assigns one to
 * themself, resolves it (and is taken to the next), starts a note, leaves it with Esc, searches, and
 * reads the shortcuts — and the keys work again the moment the shortcuts dialog is closed. Keys pressed faster than the page renders act on the
 * conversation the last one asked for, not on the one still on screen.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startJourney, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await startJourney({ viewport: { width: 1280, height: 800 } }));
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const openConversationId = () => new URL(page.url()).pathname.split('/')[2] ?? null;

async function openInbox(): Promise<void> {
  await page.goto(`${server.baseUrl}/inbox`);
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor();
}

/** Presses a key with the focus on the page itself, as after a click on nothing in particular. */
async function pressOnPage(key: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(key);
}

const conversation = () => page.getByRole('region', { name: 'Conversation' });
// The conversation's own selects, not the listboxes they label.
const select = (name: string) => conversation().locator(`input[aria-label="${name}"]`);

/**
 * Whether the conversation the address names is the one on screen: navigations render in a
 * transition, so the address changes before the page does.
 */
async function shown(): Promise<boolean> {
  const id = openConversationId();
  if (!id) return false;
  const row = page.getByRole('list', { name: 'Conversations' }).locator(`a[href^="/inbox/${id}"]`);
  const [subject, heading] = await Promise.all([row.textContent(), conversation().getByRole('heading').first().textContent()]);
  return (await row.getAttribute('aria-current')) === 'true' && Boolean(heading && subject?.includes(heading.trim().slice(0, 20)));
}

const statusOf = (id: string) =>
  page.evaluate(async (id) => ((await (await fetch(`/api/v1/conversations/${id}`)).json()) as { status: string }).status, id);

test('j and k move between conversations, a assigns to me, e resolves and moves on, n starts a note, Esc leaves it, / searches', async () => {
  await openInbox();
  // The next key waits until the conversation the last one opened is on screen, as a person's would.
  await pressOnPage('j');
  await expect.poll(shown).toBe(true);
  const first = openConversationId();
  await pressOnPage('j');
  await expect.poll(openConversationId).not.toBe(first);
  await expect.poll(shown).toBe(true);
  await pressOnPage('k');
  await expect.poll(openConversationId).toBe(first);
  await expect.poll(shown).toBe(true);

  await pressOnPage('a');
  await expect.poll(() => select('Assignee').inputValue()).toBe('Dana Demo');

  // Resolved, the conversation is done with: the next one opens, as j would.
  await pressOnPage('e');
  await expect.poll(() => statusOf(first!)).toBe('resolved');
  await expect.poll(openConversationId).not.toBe(first);
  await expect.poll(shown).toBe(true);
  const next = openConversationId();

  await pressOnPage('n');
  const note = page.getByRole('textbox', { name: 'Internal note' });
  await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
  // Typing in the note is typing, not shortcuts.
  await page.keyboard.type('jk');
  expect(await note.inputValue()).toBe('jk');
  expect(openConversationId()).toBe(next);
  // Esc leaves the note (kept as a draft) for the conversation, where the keys are shortcuts again.
  await page.keyboard.press('Escape');
  await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(false);
  await page.keyboard.press('j');
  await expect.poll(openConversationId).not.toBe(next);
  await expect.poll(shown).toBe(true);

  await pressOnPage('/');
  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
});

test('keys pressed faster than the page renders each move on from the conversation the last one asked for', async () => {
  await openInbox();
  const ids = await page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/')[2]!));
  expect(ids.length).toBeGreaterThanOrEqual(4);
  await pressOnPage('j');
  await expect.poll(shown).toBe(true);
  expect(openConversationId()).toBe(ids[0]);

  // As on a slow machine, where the page is still rendering what one key asked for when the next comes.
  const devtools = await page.context().newCDPSession(page);
  const slowly = async (keys: string[]) => {
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    for (const key of keys) await page.keyboard.press(key);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  };

  // No waiting between the keys: down two, up one, down one.
  await slowly(['j', 'j', 'k', 'j']);
  await expect.poll(openConversationId).toBe(ids[2]);
  await expect.poll(shown).toBe(true);

  // a right after j assigns the conversation j asked for, though the one it left may still be on screen.
  const assigneeOf = (id: string) =>
    page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/conversations/${id}`);
      return ((await response.json()) as { assigneeId: string | null }).assigneeId;
    }, id);
  const left = await assigneeOf(ids[2]!);
  const me = await page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { user: { id: string } }).user.id);
  expect(await assigneeOf(ids[3]!)).not.toBe(me);
  await slowly(['j', 'a']);
  await expect.poll(openConversationId).toBe(ids[3]);
  await expect.poll(() => assigneeOf(ids[3]!)).toBe(me);
  await expect.poll(shown).toBe(true);
  await expect.poll(() => select('Assignee').inputValue()).toBe('Dana Demo');
  expect(await assigneeOf(ids[2]!)).toBe(left);

  // n right after k starts a note in the conversation k asked for, once it is on screen.
  await slowly(['k', 'n']);
  await expect.poll(openConversationId).toBe(ids[2]);
  const note = page.getByRole('textbox', { name: 'Internal note' });
  await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
  await expect.poll(shown).toBe(true);
});

test('the keys work again as soon as the shortcuts dialog is closed', async () => {
  await openInbox();
  await pressOnPage('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.getByRole('table', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  // No pause: the dialog may still be fading out when the next key comes.
  await page.keyboard.press('j');
  await expect.poll(openConversationId).not.toBeNull();
  await help.waitFor({ state: 'detached' });
});
