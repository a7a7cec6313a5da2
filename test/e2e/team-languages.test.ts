/**
 * Issue 14, every language, for the team areas: Teams & People, Insights and Your data in German and in
 * Arabic (right to left, mirrored, nothing sticking out sideways at 360 px, axe-clean), and in Teams'
 * pseudo-locale no text on those views or on the channel tab (and its set-up page) that a catalogue
 * didn't make or the API didn't send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;
const { people } = CONTOSO_IDS;
const MOBILE = { width: 360, height: 800 };

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => env?.close());

type Area = 'teams' | 'insights' | 'data' | 'compare';

/** Opens an area by its tab's value (its name is in the page's language) and waits until nothing is loading. */
async function openArea({ tab }: TabSession, area: Area, title: string | RegExp): Promise<void> {
  await tab.locator(`[role="tab"][value="${area}"]`).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name: title }).count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => tab.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
}

/** Whether `first` sits to the right of `second`, as the first of a row does in a right-to-left page. */
async function rightOf(first: ReturnType<TabSession['tab']['locator']>, second: ReturnType<TabSession['tab']['locator']>): Promise<boolean> {
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  return a !== null && b !== null && a.x > b.x;
}

const LANGUAGES = [
  {
    locale: 'de-DE', dir: 'ltr', teams: 'Teams', roles: 'Personen und Rollen', addTeam: 'Team hinzufügen', team: 'Team',
    insights: 'Einblicke', perStrategy: 'Wer welcher Strategie dient', data: 'Ihre Daten', download: 'Meine Daten herunterladen',
    compare: 'Teams im Vergleich', allTeams: 'Alle Teams',
  },
  {
    locale: 'ar-SA', dir: 'rtl', teams: 'الفرق', roles: 'الأشخاص والأدوار', addTeam: 'إضافة فريق', team: 'الفريق',
    insights: 'الرؤى', perStrategy: 'من يخدم كل استراتيجية', data: 'بياناتك', download: 'تنزيل بياناتي',
    compare: 'مقارنة الفرق', allTeams: 'كل الفرق',
  },
] as const;

describe('the team areas in German and Arabic', () => {
  for (const language of LANGUAGES) {
    it(`${language.locale}: Teams & People, Insights, Your data and Teams compared, at 360 px, ${language.dir}`, async () => {
      const session = await openTab(env, people.grace, { viewport: MOBILE, locale: language.locale });
      const { page, tab } = session;
      try {
        expect(await documentLanguage(tab)).toEqual({ lang: language.locale, dir: language.dir });

        await openArea(session, 'teams', language.teams);
        await expect.poll(() => tab.getByRole('heading', { level: 2, name: language.roles }).count()).toBe(1);
        await expect.poll(() => tab.getByRole('switch').count()).toBeGreaterThan(0);
        // The team picker leads the row: at the left in German, at the right in Arabic.
        const picker = tab.getByLabel(language.team, { exact: true });
        const add = tab.getByRole('button', { name: language.addTeam });
        expect(await rightOf(picker, add)).toBe(language.dir === 'rtl');
        expect(await overflowsSideways(tab)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);

        await openArea(session, 'insights', language.insights);
        await expect.poll(() => tab.getByRole('heading', { level: 2, name: language.perStrategy }).count()).toBe(1);
        // Figures in the reader's digits: Arabic-Indic in Arabic.
        const figures = await tab.locator('main table td').allTextContents();
        expect(figures.length).toBeGreaterThan(0);
        expect(figures.every((figure) => (language.dir === 'rtl' ? /^[٠-٩]+$/ : /^[0-9.]+$/).test(figure))).toBe(true);
        expect(await overflowsSideways(tab)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);

        await openArea(session, 'data', language.data);
        const download = tab.getByRole('button', { name: language.download });
        await expect.poll(() => download.count()).toBe(1);
        // Sections line up at the start: the right edge in Arabic.
        const [button, main] = [await download.boundingBox(), await tab.locator('main').boundingBox()];
        const [buttonMiddle, mainMiddle] = [button!.x + button!.width / 2, main!.x + main!.width / 2];
        expect(buttonMiddle > mainMiddle).toBe(language.dir === 'rtl');
        expect(await overflowsSideways(tab)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);

        // Teams compared: the wide table scrolls inside its section, the page itself doesn't.
        await openArea(session, 'compare', language.compare);
        await expect.poll(() => tab.getByRole('heading', { level: 2, name: language.allTeams }).count()).toBe(1);
        expect(await overflowsSideways(tab)).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await session.context.close();
      }
    });
  }
});

describe('the team areas in the pseudo-locale', () => {
  it('have no text outside the catalogues on Teams & People, Insights, Your data and the channel tab', async () => {
    let apiStrings = new Set<string>();
    const session = await openTab(env, people.grace, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    const { page, tab } = session;
    const body = tab.locator('body');
    // Every view's leftovers, so one run names them all.
    const untranslated: Record<string, string[]> = {};
    try {
      await openArea(session, 'teams', /⟦/);
      await expect.poll(() => tab.getByRole('switch').count()).toBeGreaterThan(0);
      await expect.poll(() => tab.locator('main li').count()).toBeGreaterThan(0);
      untranslated.teams = await untranslatedTexts(body, apiStrings);

      await openArea(session, 'insights', /⟦/);
      await expect.poll(() => tab.locator('main table td').count()).toBeGreaterThan(0);
      untranslated.insights = await untranslatedTexts(body, apiStrings);

      await openArea(session, 'data', /⟦/);
      await expect.poll(() => tab.getByRole('textbox').count()).toBeGreaterThan(0);
      untranslated.data = await untranslatedTexts(body, apiStrings);

      // The channel tab's set-up page, then the channel tab it sets up.
      await page.getByLabel('Tab', { exact: true }).selectOption('config:operations');
      await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
      await expect.poll(() => tab.locator('select').inputValue()).not.toBe('');
      untranslated.config = await untranslatedTexts(body, apiStrings);
      await expect.poll(() => page.getByRole('button', { name: 'Save tab settings' }).isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Save tab settings' }).click();
      await expect.poll(() => page.getByLabel('Tab', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('channel:operations');
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Every shipment');
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      untranslated.channel = await untranslatedTexts(body, apiStrings);
      expect(untranslated).toEqual({ teams: [], insights: [], data: [], config: [], channel: [] });
    } finally {
      await session.context.close();
    }
  });
});
