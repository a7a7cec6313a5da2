/**
 * Issue 14 for the new hire: My onboarding and the module player in German and in Arabic (right to left,
 * mirrored, nothing sideways at 360 px), a section read and a knowledge check answered, progress and
 * due dates in the reader's language, axe-clean; and in the pseudo-locale no text of the player that no
 * catalogue made. (The knowledge check's own words belong to the shared module view's catalogue.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { assignedCohort, devToken, publishModule, startE2eEnvironmentWithGraph } from './support/onboarding-setup.js';
import { axeViolations, openTab, type E2eEnvironment, type TabSession } from './support/tab-session.js';

const { aisha, hugo, ines, jonas } = CONTOSO_IDS.people;
const TITLE = 'How a delivery window works';
const MODULE = {
  title: TITLE,
  summary: 'Why a window is a promise.',
  estimatedMinutes: 5,
  sections: [{ id: 'promise', title: 'A window is a promise', blocks: [{ type: 'paragraph', text: 'Customers plan their day around our windows.' }] }],
  questions: [
    {
      id: 'window',
      prompt: 'What is a delivery window?',
      kind: 'single',
      options: [
        { id: 'estimate', text: 'An estimate' },
        { id: 'promise', text: 'A commitment to the customer' },
      ],
      correctOptionIds: ['promise'],
      explanation: 'A window is a commitment.',
    },
  ],
  acknowledgement: 'I keep the windows we promise.',
};
let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironmentWithGraph();
  const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, aisha);
  const module = await publishModule(env.stack.url, token, MODULE);
  const due = new Date(Date.parse(`${env.now().toISOString().slice(0, 10)}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  await assignedCohort(env.stack.url, token, 'Languages test starters', [hugo, ines, jonas], [module.versionId], due);
});
afterAll(async () => {
  await env?.close();
});

/** From Home to the module, through the navigation and My onboarding, in the session's language. */
async function openModule({ tab }: TabSession, areaName: string, listName: string): Promise<void> {
  await tab.getByRole('navigation').getByRole('tab', { name: areaName }).click();
  const list = tab.getByRole('list', { name: listName });
  await expect.poll(() => list.getByRole('link', { name: TITLE }).count(), { timeout: 15_000 }).toBe(1);
  await list.getByRole('link', { name: TITLE }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name: TITLE }).count(), { timeout: 15_000 }).toBe(1);
}

/** The knowledge check's own button: the only one inside the question. */
const checkAnswer = (session: TabSession) => session.tab.locator('fieldset').getByRole('button');

describe('the new hire’s module in other languages', () => {
  it('in German: reads a section, answers a check and completes the module, all in German', async () => {
    const session = await openTab(env, hugo, { locale: 'de-DE' });
    const { page, tab } = session;
    try {
      await tab.getByRole('navigation').getByRole('tab', { name: 'Mein Onboarding' }).click();
      const list = tab.getByRole('list', { name: 'Zugewiesene Module' });
      await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain('Fällig am 16. März 2026');
      expect(await list.textContent()).toContain('0 von 1 Abschnitt gelesen, 0 von 1 Frage beantwortet');
      expect(await axeViolations(page)).toEqual([]);
      await openModule(session, 'Mein Onboarding', 'Zugewiesene Module');
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      await expect.poll(() => tab.locator('main').textContent()).toContain('Fällig am 16. März 2026 · Etwa 5 Min. · Version 1');
      expect(await tab.getByText('0 von 3 Schritten erledigt', { exact: true }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await tab.getByRole('button', { name: 'Als gelesen markieren und weiter' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Wissensfragen' }).count()).toBe(1);
      await expect.poll(() => tab.getByText('1 von 3 Schritten erledigt', { exact: true }).count()).toBe(1);
      await tab.getByRole('radio', { name: 'A commitment to the customer' }).check();
      await checkAnswer(session).click();
      await expect.poll(() => tab.getByText('2 von 3 Schritten erledigt', { exact: true }).count()).toBe(1);
      await tab.getByRole('button', { name: 'Weiter', exact: true }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Abschluss' }).count()).toBe(1);
      await tab.getByRole('checkbox', { name: MODULE.acknowledgement }).check();
      await tab.getByRole('button', { name: 'Modul abschließen' }).click();
      await expect.poll(() => tab.locator('main').textContent()).toContain('Sie haben dieses Modul am');
      await expect.poll(() => tab.getByText('3 von 3 Schritten erledigt', { exact: true }).count()).toBe(1);
      expect(await tab.getByRole('button', { name: '3. Abschluss, erledigt' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('in Arabic: right to left and mirrored, Arabic counts, nothing sideways at 360 px, axe-clean', async () => {
    const session = await openTab(env, ines, { locale: 'ar-SA', viewport: { width: 360, height: 740 } });
    const { page, tab } = session;
    try {
      await openModule(session, 'تأهيلي', 'الوحدات المسندة');
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      await expect.poll(() => tab.getByText('أُنجز ٠ من ٣ خطوات', { exact: true }).count()).toBe(1);
      // Mirrored: the steps start at the right edge (as the page reads), and so does the way back.
      const nav = tab.getByRole('navigation', { name: 'خطوات الوحدة' });
      const [list, first] = [await nav.boundingBox(), await nav.getByRole('button').nth(0).boundingBox()];
      expect(Math.abs(first!.x + first!.width - (list!.x + list!.width))).toBeLessThan(2);
      expect(first!.x - list!.x).toBeGreaterThan(10);
      const back = await tab.getByRole('link', { name: 'العودة إلى التأهيل الخاص بي' }).boundingBox();
      expect(back!.x + back!.width).toBeGreaterThan(300);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      await tab.getByRole('button', { name: 'وضع علامة مقروء والمتابعة' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'أسئلة التحقق من المعرفة' }).count()).toBe(1);
      await tab.getByRole('radio', { name: 'A commitment to the customer' }).check();
      await checkAnswer(session).click();
      await expect.poll(() => tab.getByText('أُنجز ٢ من ٣ خطوات', { exact: true }).count()).toBe(1);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('in the pseudo-locale: the list and the player show no text that no catalogue made', async () => {
    let apiStrings = new Set<string>();
    const session = await openTab(env, jonas, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    const { tab } = session;
    try {
      await tab.getByRole('navigation').getByRole('tab', { name: '⟦Ṁý óñƀóáŕđíñĝ⟧' }).click();
      const list = tab.getByRole('list', { name: '⟦Áššíĝñéđ ɱóđúĺéš⟧' });
      await expect.poll(() => list.getByRole('link', { name: TITLE }).count(), { timeout: 15_000 }).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
      await list.getByRole('link', { name: TITLE }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'A window is a promise' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
      // The finish step: what still stands before completing, the acknowledgement, the buttons.
      await tab.getByRole('navigation').last().getByRole('button').last().click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: '⟦Ƒíñíšĥ⟧' }).count()).toBe(1);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
