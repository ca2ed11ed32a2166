/**
 * Accessibility checked by machine. axe-core runs its WCAG 2.1 A and AA rules (plus landmarks,
 * heading order and target size) on every main page and with menus and dropdowns open (one in a
 * dialog) in the light theme, its colour rules again in the dark theme, and the main pages once
 * more on a phone, where nothing may scroll sideways; then the navigation, the search palette, a
 * menu and a dialog are driven with the keyboard alone.
 */
import axeCore, { type AxeResults, type RunOptions } from 'axe-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openArea, signIn, startJourney, type RunningServer } from './support.js';

const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Rules outside those tags that the app holds to: landmarks, headings, focus order, target size (WCAG 2.2). */
const MORE_RULES = [
  'heading-order',
  'empty-heading',
  'page-has-heading-one',
  'landmark-one-main',
  'landmark-unique',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-main',
  'landmark-banner-is-top-level',
  'landmark-main-is-top-level',
  'region',
  'aria-dialog-name',
  'tabindex',
  'target-size',
];

/** The rules whose outcome a colour scheme can change; the dark theme changes colours only. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Violations accepted, each with the reason: only what is not ours to change (inside a third-party
 * widget). Matched on the rule and a fragment of the element's selector. None today.
 */
const ACCEPTED: { rule: string; element: string; reason: string }[] = [];

const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Reduced motion: dialogs and menus appear at once, so axe never reads colours halfway through a fade.
  ({ server, browser, page } = await startJourney(
    { viewport: { width: 1280, height: 800 }, colorScheme: 'light', reducedMotion: 'reduce' },
    { signedIn: false },
  ));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Runs axe-core in the page, injected once per document: `AxeBuilder` (`@axe-core/playwright`)
 * sent and evaluated its 600 kB source twice on every run, up to a third of a check's time. The
 * app has no frames, so one run on the document sees everything.
 */
async function axe(target: Page, options: RunOptions): Promise<AxeResults> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeCore.source);
  // Mantine fades colours on a change of theme or state, reduced motion or not: axe reads the end.
  await target.evaluate(() =>
    Promise.allSettled(document.getAnimations().flatMap((animation) => (animation instanceof CSSTransition ? [animation.finished] : []))),
  );
  return target.evaluate((runOptions) => (window as unknown as { axe: typeof axeCore }).axe.run(document, runOptions), options);
}

function violationsOf(where: string, results: AxeResults): string[] {
  return results.violations.flatMap((violation) =>
    violation.nodes
      .filter((node) => !ACCEPTED.some((a) => a.rule === violation.id && node.target.join(' ').includes(a.element)))
      .map(
        (node) => `${where}: [${violation.id}] ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
      ),
  );
}

/** Waits until the page shows what it loads: its level-one heading, and no loader left. */
async function settled(target: Page, heading?: string | RegExp): Promise<void> {
  if (heading) await target.getByRole('heading', { level: 1, name: heading }).waitFor();
  await target.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
}

async function useScheme(target: Page, scheme: 'light' | 'dark'): Promise<void> {
  await target.emulateMedia({ colorScheme: scheme });
  await target.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor({ state: 'attached' });
}

/** Every rule in the light theme, then the colour rules in the dark theme (the app follows the system's). */
async function checkBothThemes(target: Page, where: string): Promise<string[]> {
  const light = await axe(target, {
    runOnly: { type: 'tag', values: WCAG_21_A_AA },
    rules: enabled(MORE_RULES),
    resultTypes: ['violations'],
  });
  await useScheme(target, 'dark');
  const dark = await axe(target, { runOnly: { type: 'rule', values: COLOUR_RULES }, resultTypes: ['violations'] });
  await useScheme(target, 'light');
  return [...violationsOf(`${where} (light)`, light), ...violationsOf(`${where} (dark)`, dark)];
}

async function checkPhone(target: Page, where: string): Promise<string[]> {
  const results = await axe(target, {
    runOnly: { type: 'tag', values: WCAG_21_A_AA },
    rules: enabled(MORE_RULES),
    resultTypes: ['violations'],
  });
  const overflow = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const sideways = overflow > 0 ? [`${where} (phone): the page scrolls sideways by ${overflow}px`] : [];
  return [...violationsOf(`${where} (phone)`, results), ...sideways];
}

function enabled(rules: string[]): Record<string, { enabled: boolean }> {
  return Object.fromEntries(rules.map((rule) => [rule, { enabled: true }]));
}

async function openFirstConversation(target: Page): Promise<void> {
  await target.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click();
  await target.getByRole('log', { name: 'Messages' }).getByRole('article').first().waitFor();
  await settled(target);
}

async function openLink(target: Page, name: string): Promise<void> {
  await target.getByRole('main').getByRole('link', { name, exact: true }).first().click();
  await settled(target, name);
}

/** Where the keyboard focus is, by its accessible name as a person would hear it. */
function focusedName(target: Page): Promise<string> {
  return target.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '(nothing)';
    return (element.getAttribute('aria-label') ?? element.innerText ?? '').trim().replace(/\s+/g, ' ');
  });
}

/** Whether the element is what shows at its centre: nothing covers it, and no scrolling box clips it. */
function isOnTop(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const shown = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return shown !== null && element.contains(shown);
  });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

test('the sign-in page and the main pages pass axe in both themes', async () => {
  const found: string[] = [];
  await page.goto(server.baseUrl);
  await page.getByLabel(/^E-mail/).waitFor();
  found.push(...(await checkBothThemes(page, 'Sign-in')));

  await signIn(page, server.baseUrl);
  await settled(page, 'My day');
  found.push(...(await checkBothThemes(page, 'My day')));

  for (const area of ['Tasks', 'Contacts', 'Companies']) {
    await openArea(page, area);
    await settled(page);
    found.push(...(await checkBothThemes(page, area)));
    if (area === 'Contacts') {
      await openLink(page, 'Ada Lovelace');
      found.push(...(await checkBothThemes(page, 'A contact')));
    }
    if (area === 'Companies') {
      await openLink(page, 'Cobol Systems');
      found.push(...(await checkBothThemes(page, 'A company')));
    }
  }

  await openArea(page, 'Inbox');
  await openFirstConversation(page);
  found.push(...(await checkBothThemes(page, 'Inbox, a conversation open')));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listening' }).click();
  await page.getByRole('article').first().waitFor();
  await settled(page, 'Mentions');
  found.push(...(await checkBothThemes(page, 'Listening, the mention stream')));
  await page.getByRole('navigation', { name: 'Listening' }).getByRole('link', { name: 'Dashboard' }).click();
  await settled(page);
  await page.getByRole('heading', { level: 2, name: 'Share of voice' }).waitFor();
  await settled(page);
  found.push(...(await checkBothThemes(page, 'Listening, the dashboard')));

  expect(found).toEqual([]);
});

test('the search palette, a dialog and every Settings tab pass axe in both themes', async () => {
  const found: string[] = [];
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search contacts and companies' });
  await palette.getByRole('combobox', { name: 'Search' }).fill('ada');
  await palette.getByRole('option', { name: /Ada Lovelace/ }).waitFor();
  await settled(page);
  found.push(...(await checkBothThemes(page, 'Search palette')));
  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });

  await openArea(page, 'Settings');
  const tabs = await page.getByRole('tab').allInnerTexts();
  expect(tabs.length).toBeGreaterThanOrEqual(11);
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab }).click();
    await page.getByRole('tabpanel', { name: tab }).waitFor();
    await settled(page);
    found.push(...(await checkBothThemes(page, `Settings › ${tab}`)));
    if (tab === 'Teams') {
      await page.getByRole('button', { name: 'New team' }).click();
      await page.getByRole('dialog', { name: 'New team' }).waitFor();
      found.push(...(await checkBothThemes(page, 'The New team dialog')));
      await page.keyboard.press('Escape');
    }
  }
  expect(found).toEqual([]);
});

test('open menus, popovers and dropdowns pass axe in both themes, inside the landmark or dialog that opened them', async () => {
  const found: string[] = [];
  await page.goto(`${server.baseUrl}/contacts`);
  await settled(page, 'Contacts');
  const banner = page.getByRole('banner');
  const main = page.getByRole('main');
  const popups = [
    {
      where: 'The account menu',
      landmark: banner,
      open: banner.getByRole('button', { name: 'Account: Dana Demo' }),
      popup: page.getByRole('menu'),
    },
    {
      where: 'The notifications',
      landmark: banner,
      open: banner.getByRole('button', { name: /^Notifications/ }),
      popup: page.getByRole('dialog', { name: 'Notifications' }),
    },
    { where: 'The export menu', landmark: main, open: main.getByRole('button', { name: 'Export' }), popup: page.getByRole('menu') },
    { where: 'The sort options', landmark: main, open: main.getByRole('combobox', { name: 'Sort by' }), popup: page.getByRole('listbox') },
  ];
  for (const { where, landmark, open, popup } of popups) {
    await open.click();
    await popup.waitFor();
    // Not only somewhere axe accepts: in the landmark of the control that opened it, where its users look.
    expect(await landmark.locator(popup).count(), `${where} inside its landmark`).toBe(1);
    found.push(...(await checkBothThemes(page, where)));
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
  }

  // In a modal dialog, inside the dialog: in its focus trap, heard by screen readers (aria-modal
  // hides the rest of the page from them), and drawn above it, past its edge if need be.
  await page.goto(`${server.baseUrl}/settings/members`);
  await settled(page, 'Settings');
  await main.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add member' });
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  const roles = page.getByRole('listbox', { name: 'Role' });
  await roles.waitFor();
  expect(await dialog.locator(roles).count(), 'The role options inside their dialog').toBe(1);
  for (const option of await roles.getByRole('option').all()) {
    expect(await isOnTop(option), `${await option.innerText()} in sight`).toBe(true);
  }
  found.push(...(await checkBothThemes(page, 'The role options in a dialog')));
  await page.keyboard.press('Escape');
  await roles.waitFor({ state: 'detached' });
  expect(await dialog.isVisible(), 'The dialog still open once its dropdown closed').toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(found).toEqual([]);
});

test('on a phone the main pages pass axe and nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: PHONE, colorScheme: 'light', reducedMotion: 'reduce', hasTouch: true });
  const phone = await context.newPage();
  const found: string[] = [];
  const go = async (area: string, heading = area) => {
    await phone.getByRole('button', { name: 'Toggle navigation' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).click();
    await settled(phone, heading);
  };
  try {
    await phone.goto(server.baseUrl);
    await phone.getByLabel(/^E-mail/).waitFor();
    found.push(...(await checkPhone(phone, 'Sign-in')));
    await signIn(phone, server.baseUrl);
    await settled(phone, 'My day');
    found.push(...(await checkPhone(phone, 'My day')));

    await phone.getByRole('button', { name: 'Toggle navigation' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).waitFor();
    found.push(...(await checkPhone(phone, 'The open navigation')));
    await openArea(phone, 'Tasks');
    await settled(phone);
    found.push(...(await checkPhone(phone, 'Tasks')));

    await go('Contacts');
    found.push(...(await checkPhone(phone, 'Contacts')));
    await openLink(phone, 'Ada Lovelace');
    found.push(...(await checkPhone(phone, 'A contact')));
    await go('Companies');
    found.push(...(await checkPhone(phone, 'Companies')));
    await openLink(phone, 'Cobol Systems');
    found.push(...(await checkPhone(phone, 'A company')));
    await go('Inbox');
    await openFirstConversation(phone);
    found.push(...(await checkPhone(phone, 'Inbox, a conversation open')));
    await phone.getByRole('button', { name: 'Show customer details' }).click();
    await phone.getByRole('dialog', { name: 'Customer' }).waitFor();
    found.push(...(await checkPhone(phone, 'Inbox, the customer drawer')));
    await phone.keyboard.press('Escape');
    await phone.getByRole('dialog', { name: 'Customer' }).waitFor({ state: 'detached' });
    await go('Listening', 'Mentions');
    await phone.getByRole('article').first().waitFor();
    found.push(...(await checkPhone(phone, 'Listening')));
    await go('Settings');
    found.push(...(await checkPhone(phone, 'Settings')));
  } finally {
    await context.close();
  }
  expect(found).toEqual([]);
});

test('the header and the main navigation work from the keyboard, in order', async () => {
  await page.goto(`${server.baseUrl}/my-day`);
  await settled(page, 'My day');
  const order: string[] = [];
  for (let stop = 0; stop < 12; stop++) {
    await page.keyboard.press('Tab');
    order.push(await focusedName(page));
  }
  expect(order).toEqual([
    'Skip to content',
    expect.stringMatching(/^Search…/),
    expect.stringMatching(/^Notifications/),
    'Use dark theme',
    'DD, Account: Dana Demo',
    'My day',
    'Tasks',
    expect.stringMatching(/^Inbox/),
    'Listening',
    'Contacts',
    'Companies',
    'Settings',
  ]);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await settled(page, 'Companies');
  const main = page.getByRole('main');
  expect(await isFocused(main)).toBe(true);
  expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Companies' }).getAttribute('aria-current')).toBe(
    'page',
  );

  // The skip link jumps past the header and navigation.
  await page.goto(`${server.baseUrl}/contacts`);
  await settled(page, 'Contacts');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  expect(await isFocused(main)).toBe(true);
});

test('on a phone the hidden navigation takes no focus, and the menu button opens it', async () => {
  const context = await browser.newContext({ viewport: PHONE, reducedMotion: 'reduce' });
  const phone = await context.newPage();
  try {
    await signIn(phone, server.baseUrl);
    await phone.goto(`${server.baseUrl}/my-day`);
    await settled(phone, 'My day');
    const order: string[] = [];
    for (let stop = 0; stop < 7; stop++) {
      await phone.keyboard.press('Tab');
      order.push(await focusedName(phone));
    }
    // After the header comes the page itself ("New task"), not the links of the navigation out of view.
    expect(order).toEqual([
      'Skip to content',
      'Toggle navigation',
      expect.stringMatching(/^Search…/),
      expect.stringMatching(/^Notifications/),
      'Use dark theme',
      'DD, Account: Dana Demo',
      'New task',
    ]);

    const menuButton = phone.getByRole('button', { name: 'Toggle navigation' });
    await menuButton.focus();
    await phone.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    const tasks = phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' });
    for (let stop = 0; stop < 8 && !(await isFocused(tasks)); stop++) await phone.keyboard.press('Tab');
    expect(await isFocused(tasks)).toBe(true);
    await phone.keyboard.press('Enter');
    await settled(phone, 'Tasks');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(phone.getByRole('main'))).toBe(true);
  } finally {
    await context.close();
  }
});

test('the search palette opens on Ctrl-K, moves with the arrows, opens with Enter and gives the focus back on Escape', async () => {
  await page.goto(`${server.baseUrl}/my-day`);
  await settled(page, 'My day');
  const newTask = page.getByRole('button', { name: 'New task' });
  await newTask.focus();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search contacts and companies' });
  const box = palette.getByRole('combobox', { name: 'Search' });
  await box.waitFor();
  expect(await isFocused(box)).toBe(true);
  const active = async () => {
    const id = await box.getAttribute('aria-activedescendant');
    return (await page.locator(`[id="${id}"]`).innerText()).split('\n')[0];
  };
  expect(await active()).toBe('My day');
  await page.keyboard.press('ArrowDown');
  expect(await active()).toBe('Contacts');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect(await active()).toBe('Settings');
  expect(await palette.getByRole('option', { selected: true }).innerText()).toContain('Settings');

  await page.keyboard.press('Escape');
  await palette.waitFor({ state: 'detached' });
  await expect.poll(() => isFocused(newTask)).toBe(true);

  await page.keyboard.press('Control+K');
  await box.waitFor();
  await page.keyboard.type('grace');
  await palette.getByRole('option', { name: /Grace Hopper/ }).waitFor();
  await page.keyboard.press('Enter');
  await settled(page, 'Grace Hopper');
  expect(await palette.count()).toBe(0);
  expect(await isFocused(page.getByRole('main'))).toBe(true);
});

test('a dialog keeps the focus inside, closes on Escape and gives the focus back to its opener', async () => {
  await page.goto(`${server.baseUrl}/settings/teams`);
  await settled(page, 'Settings');
  const opener = page.getByRole('button', { name: 'New team' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New team' });
  await dialog.waitFor();
  await expect.poll(() => isFocused(dialog.getByLabel('Team name'))).toBe(true);
  const insideDialog = () => dialog.evaluate((element) => element.contains(document.activeElement));
  for (let stop = 0; stop < 6; stop++) {
    await page.keyboard.press('Tab');
    expect(await insideDialog()).toBe(true);
  }
  for (let stop = 0; stop < 6; stop++) {
    await page.keyboard.press('Shift+Tab');
    expect(await insideDialog()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => isFocused(opener)).toBe(true);
});

test('a menu opens on its first item, moves with the arrows and gives the focus back on Escape', async () => {
  const account = page.getByRole('button', { name: 'Account: Dana Demo' });
  await account.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await menu.waitFor();
  await expect.poll(() => focusedName(page)).toBe('Your account');
  await page.keyboard.press('ArrowDown');
  expect(await focusedName(page)).toBe('Settings');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  await expect.poll(() => isFocused(account)).toBe(true);
});
