/**
 * Issue 14 for what comes before the app: the outside-Teams page and the consent pop-ups follow the
 * browser's language (German; Arabic right to left), readable at 360 px and axe-clean; and in Teams' pseudo-locale the
 * first steps of the sign-up wizard (Northwind Traders, not set up yet) show no text outside the
 * catalogues and the API's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_IDS } from '../../api/src/local/fake-m365/northwind.js';
import { pseudoLocalise } from '../../tabs/lingui-catalogues.js';
import { newIsolatedContext } from '../support/browser.js';
import { PSEUDO, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  delete process.env.TENANT_SIGNUP;
  env = await startE2eEnvironment({ fakeM365: true });
});

afterAll(async () => {
  await env?.close();
});

const pseudo = (text: string) => `⟦${pseudoLocalise(text)}⟧`;

/** The outside-Teams page in a browser whose language is `locale`, at 360 px. */
async function outsideTeams(locale: string) {
  const context = await newIsolatedContext(env.browser, { locale, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${env.stack.url}/tab/`);
  return { context, page };
}

describe('the outside-Teams page speaks the browser’s language', () => {
  it('in German: German words, lang de, left to right, readable at 360 px, axe-clean', async () => {
    const { context, page } = await outsideTeams('de-DE');
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Line of Sight in Microsoft Teams öffnen');
      await expect.poll(() => page.getByRole('link', { name: 'Öffnen Sie die lokale Teams-Hostseite' }).count()).toBe(1);
      expect(await page.locator('.los-detail').textContent()).toBe('Details: Diese Seite ist nicht in Microsoft Teams geöffnet, daher kann kein Teams-Host antworten.');
      expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }))).toEqual({ lang: 'de', dir: 'ltr', title: 'Line of Sight in Microsoft Teams öffnen' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic: Arabic words, right to left with the list mirrored, readable at 360 px, axe-clean', async () => {
    const { context, page } = await outsideTeams('ar-SA');
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('افتح Line of Sight في Microsoft Teams');
      expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang: 'ar', dir: 'rtl' });
      // The numbered steps are indented from the right edge, where their numbers sit, as Arabic reads.
      const [list, item] = [await page.locator('ol').boundingBox(), await page.locator('ol li').first().boundingBox()];
      expect(list!.x + list!.width - (item!.x + item!.width)).toBeGreaterThan(item!.x - list!.x);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the consent pop-up pages speak the browser’s language', () => {
  it('a link that is not Microsoft’s is refused in German, and in Arabic right to left', async () => {
    for (const [locale, lang, dir, words] of [
      ['de-DE', 'de', 'ltr', 'Dies ist keine Berechtigungsseite von Microsoft. Schließen Sie dieses Fenster, und versuchen Sie es in Line of Sight erneut.'],
      ['ar-SA', 'ar', 'rtl', 'هذه ليست صفحة أذونات من Microsoft. أغلق هذه النافذة وحاول مرة أخرى من Line of Sight.'],
    ] as const) {
      const context = await newIsolatedContext(env.browser, { locale, viewport: { width: 600, height: 640 } });
      try {
        const page = await context.newPage();
        await page.goto(`${env.stack.url}/tab/consent-start.html?to=${encodeURIComponent('https://evil.example/adminconsent')}`);
        await expect.poll(() => page.locator('#message').textContent()).toBe(words);
        expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang, dir });
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe('the sign-up wizard in the pseudo-locale', () => {
  it('has no text outside the catalogues and the API’s data on its first steps', async () => {
    let apiStrings = new Set<string>();
    const { context, tab } = await openTab(env, NORTHWIND_IDS.people.olivia, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    try {
      const start = tab.getByRole('button', { name: pseudo('Start setting up') });
      await expect.poll(() => start.count()).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
      await start.click();

      const heading = tab.locator('#signup-heading');
      await expect.poll(() => heading.textContent()).toBe(pseudo('Permissions'));
      await expect.poll(() => tab.getByRole('button', { name: pseudo('Grant permissions') }).count()).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);

      await tab.getByRole('navigation').getByRole('button', { name: new RegExp(pseudoLocalise('Company')) }).click();
      await expect.poll(() => heading.textContent()).toBe(pseudo('Company'));
      await tab.getByRole('textbox', { name: pseudo('Company name') }).fill('');
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);

      await tab.getByRole('navigation').getByRole('button', { name: new RegExp(pseudoLocalise('Vision and values')) }).click();
      await expect.poll(() => heading.textContent()).toBe(pseudo('Vision and values'));
      await tab.getByRole('button', { name: pseudo('Save and continue') }).click();
      await expect.poll(() => tab.getByText(pseudo('Write the vision')).count()).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
