/**
 * The tab's download in real Chromium. Outside Teams, a browser gets only the boot script and the
 * plain outside-Teams page (no React, Fluent or shell), readable at 360 px, axe clean in light,
 * dark and forced colours. In Teams, the home view loads nothing beyond what the budget test counts
 * (test/tabs/bundle-budget.ts), and the dark theme arrives, as its own chunk, when Teams switches.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { newIsolatedContext } from '../support/browser.js';
import { homeViewLoad, outsideTeamsLoad } from '../tabs/bundle-budget.js';
import { backgroundLuminance, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

const dist = fileURLToPath(new URL('../../tabs/dist', import.meta.url));

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(async () => {
  await env?.close();
});

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The tab's scripts and styles the browser fetched, as dist-relative paths ("assets/x.js"). */
const tabAssets = (urls: readonly string[]) =>
  [...new Set(urls.map((url) => new URL(url).pathname).filter((path) => /^\/tab\/assets\/.+\.(js|css)$/.test(path)))].map((path) => path.slice('/tab/'.length)).sort();

describe('a browser outside Teams', () => {
  it('shows the open-in-Teams page from the boot script and the page alone, readable at 360 px in every colour scheme', async () => {
    const context = await newIsolatedContext(env.browser, { viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      const encodings = new Map<string, string | undefined>();
      page.on('response', (response) => {
        requested.push(response.url());
        encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
      });
      await page.goto(`${env.stack.url}/tab/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Open Line of Sight in Microsoft Teams');
      await expect.poll(() => page.getByRole('link', { name: 'Open the local Teams host page' }).count()).toBe(1);

      const expected = outsideTeamsLoad(dist).files.map((f) => f.file).sort();
      expect(tabAssets(requested)).toEqual(expected);
      // Compressed on the wire (Chromium asks for Brotli).
      for (const file of expected) expect(encodings.get(`/tab/${file}`), file).toBe('br');

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axe(page)).toEqual([]);
      const luminance = () => page.locator('.los-outside').evaluate((element) => {
        const [r = 0, g = 0, b = 0] = (getComputedStyle(element).backgroundColor.match(/\d+/g) ?? []).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      });
      expect(await luminance()).toBeGreaterThan(0.9);

      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(luminance).toBeLessThan(0.2);
      expect(await axe(page)).toEqual([]);

      await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
      await expect.poll(() => page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the tab in Teams', () => {
  it('loads nothing for the home view beyond what the budget counts, and the dark theme only when Teams switches to it', async () => {
    const requested: string[] = [];
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.ben, { beforeOpen: (opening) => opening.on('request', (request) => requested.push(request.url())) });
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toContain('Every shipment arrives when we promised');
      const loaded = () => tabAssets(requested);
      // The task-sources panel is the home view's last lazy part.
      await expect.poll(() => loaded().some((file) => file.includes('TaskSourcesPanel-'))).toBe(true);
      const counted = new Set(homeViewLoad(dist).files.map((f) => f.file));
      expect(loaded().filter((file) => !counted.has(file))).toEqual([]);
      expect(loaded().some((file) => file.includes('other-themes-'))).toBe(false);

      const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string }>;
      const themes = manifest['src/app/other-themes.ts']?.file;
      expect(themes).toBeDefined();
      await page.selectOption('#theme', 'dark');
      await expect.poll(() => backgroundLuminance(tab)).toBeLessThan(0.2);
      expect(loaded()).toContain(themes);
    } finally {
      await context.close();
    }
  });
});
