/**
 * Drives the product as a person does: the local Teams host page at / frames the tab and
 * plays Teams for it, signed in as a demo identity, in a chosen theme.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../api/src/local/stack.js';
import { launchBrowser, newIsolatedContext } from '../../support/browser.js';
import { runningClockFrom } from '../../support/clock.js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** The host page's frame around the tab. */
const TAB_FRAME = 'iframe[title="Line of Sight tab"]';

export interface E2eEnvironment {
  stack: LocalStack;
  /** The API's clock; every browser context starts at the same instant (see test/support/clock.ts). */
  now: () => Date;
  browser: Browser;
  close(): Promise<void>;
}

/** `fakeM365`: also run the fake Microsoft 365 (its directory at `stack.fakeM365`), as `npm start` does. */
export async function startE2eEnvironment(options: Pick<LocalStackOptions, 'fakeM365'> = {}): Promise<E2eEnvironment> {
  const built = fileURLToPath(new URL('../../../tabs/dist/index.html', import.meta.url));
  if (!existsSync(built)) throw new Error('tabs/dist is not built: `npm test` builds it, or run `npm run build -w tabs`');
  const now = runningClockFrom();
  const stack = await startLocalStack({ port: 0, now, ...options });
  const browser = await launchBrowser();
  return {
    stack,
    now,
    browser,
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}

export interface TabSession {
  context: BrowserContext;
  page: Page;
  tab: FrameLocator;
}

/** Opens the host page as `userId` in `theme` and waits until the tab tells the host it loaded. */
export async function openTab(
  env: E2eEnvironment,
  userId: string,
  options: {
    theme?: TeamsTheme;
    viewport?: { width: number; height: number };
    /** Teams' locale for the tab, e.g. `de-DE`, `ar-SA` or the pseudo-locale `qps-ploc`; en-US otherwise. */
    locale?: string;
    /** Called with the new page before it opens the host page, e.g. to record the requests. */
    beforeOpen?: (page: Page) => void;
  } = {},
): Promise<TabSession> {
  const context = await newIsolatedContext(env.browser, { viewport: options.viewport ?? { width: 1280, height: 900 } });
  // The tab's "today" (default due dates, relative times) is the API's, not the machine's.
  await context.clock.install({ time: env.now() });
  const page = await context.newPage();
  options.beforeOpen?.(page);
  await page.goto(`${env.stack.url}/?user=${userId}&theme=${options.theme ?? 'default'}&locale=${options.locale ?? 'en-US'}`);
  await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
  return { context, page, tab: page.frameLocator(TAB_FRAME) };
}

/**
 * axe over the host page and the framed tab; Fluent's focus-trap sentinels are not content. A plain
 * selector only reaches the top document, so the sentinels inside the tab's frame are named by frame too.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // axe measures an element's colours and its background at different moments of a run that takes seconds
  // on a busy machine: a toast fading in or out (or a theme being repainted) meanwhile gives a contrast that
  // no one ever sees. So measure a still page: wait for finite animations to end, watch the page while axe
  // runs, and measure again if anything changed under it. A real violation is there in every measurement.
  let violations: string[] = [];
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await forEachFrame(page, waitForFiniteAnimations);
    await forEachFrame(page, watchForChanges);
    const results = await new AxeBuilder({ page })
      .exclude('[data-tabster-dummy]')
      .exclude([TAB_FRAME, '[data-tabster-dummy]'])
      .analyze();
    violations = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    const changed = (await forEachFrame(page, changedSinceWatching)).some(Boolean);
    if (violations.length === 0 || !changed) return violations;
  }
  return violations;
}

async function forEachFrame<T>(page: Page, inFrame: () => T | Promise<T>): Promise<(T | undefined)[]> {
  return Promise.all(page.frames().map((frame) => frame.evaluate(inFrame).catch(() => undefined)));
}

/** Every running animation with an end (spinners run for ever and are left alone), at most 5 s. */
function waitForFiniteAnimations(): Promise<unknown> {
  const finite = document
    .getAnimations()
    .filter((animation) => animation.playState === 'running' && Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
  return Promise.race([Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))), new Promise((settle) => setTimeout(settle, 5_000))]);
}

type WatchedWindow = Window & { axeWatch?: { changed: boolean; observer: MutationObserver } };

function watchForChanges(): void {
  const watched = window as WatchedWindow;
  watched.axeWatch?.observer.disconnect();
  const watch = { changed: false, observer: new MutationObserver(() => (watch.changed = true)) };
  watch.observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  watched.axeWatch = watch;
}

/**
 * Whether the page changed while axe ran: a node came or went, or an animation (a toast leaving) is under way.
 * Its finite-animation test repeats waitForFiniteAnimations' on purpose: each runs in the page, by itself.
 */
function changedSinceWatching(): boolean {
  const watch = (window as WatchedWindow).axeWatch;
  watch?.observer.disconnect();
  const animating = document
    .getAnimations()
    .some((animation) => animation.playState === 'running' && Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)));
  return Boolean(watch?.changed) || animating;
}

/** The leader areas' toasts (one shared Fluent Toaster), as their text, oldest first. */
export async function toastTexts(tab: FrameLocator): Promise<string> {
  return (await tab.locator('.fui-Toast').allTextContents()).join('\n');
}

/** Plays Teams changing its theme while the tab is open (the host page's theme picker posts themeChange). */
export async function switchTheme(page: Page, theme: TeamsTheme): Promise<void> {
  await page.getByLabel('Theme', { exact: true }).selectOption(theme);
  // The host posts the change; wait until the tab has painted it, so what follows sees one theme, not two.
  const tab = page.frameLocator(TAB_FRAME);
  const painted = { default: (l: number) => l > 0.8, dark: (l: number) => l > 0.02 && l < 0.3, contrast: (l: number) => l < 0.02 }[theme];
  await expect.poll(async () => painted(await backgroundLuminance(tab)), { timeout: 10_000 }).toBe(true);
}

/**
 * The tab follows Teams' theme as it changes: light as it opened, then dark and high contrast switched
 * live by the host, each painted (by the background's luminance) and axe-clean.
 */
export async function expectThemesFollowTeams(page: Page, tab: FrameLocator): Promise<void> {
  expect(await backgroundLuminance(tab)).toBeGreaterThan(0.8);
  await switchTheme(page, 'dark');
  await expect.poll(() => backgroundLuminance(tab)).toBeLessThan(0.3);
  expect(await axeViolations(page)).toEqual([]);
  await switchTheme(page, 'contrast');
  await expect.poll(() => backgroundLuminance(tab)).toBeLessThan(0.1);
  expect(await axeViolations(page)).toEqual([]);
}

/** Relative luminance (0 dark … 1 light) of the tab's page background, painted by Fluent's provider. */
export async function backgroundLuminance(tab: FrameLocator): Promise<number> {
  const colour = await tab.locator('.fui-FluentProvider').first().evaluate((element) => getComputedStyle(element).backgroundColor);
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  if (r === undefined || g === undefined || b === undefined) throw new Error(`Unexpected background colour ${colour}`);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
