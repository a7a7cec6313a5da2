/**
 * Issue 14 for the leader areas: a leader edits a strategy (editor, save, toast, history) in German and in
 * Arabic (right to left, mirrored, nothing sideways at 360 px), axe-clean; in the pseudo-locale the
 * strategy editor with its dialog open and the alignment page show no text outside the catalogues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, toastTexts, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

const { aisha } = CONTOSO_IDS.people;
const title = 'Deliver inside the promised window';

async function openArea({ tab }: TabSession, name: string): Promise<void> {
  await tab.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name }).count(), { timeout: 10_000 }).toBe(1);
}

const settled = (session: TabSession) => expect.poll(() => session.tab.locator('[aria-busy="true"], .fui-Spinner').count(), { timeout: 10_000 }).toBe(0);

interface Words {
  locale: string;
  strategy: string;
  edit: string;
  why: string;
  save: string;
  saved: string;
  history: string;
  changed: string;
}

const GERMAN: Words = {
  locale: 'de-DE',
  strategy: 'Strategie',
  edit: `${title} bearbeiten`,
  why: 'Warum es jetzt ein Schwerpunkt ist',
  save: 'Speichern',
  saved: `„${title}“ wurde gespeichert.`,
  history: `Verlauf von ${title}`,
  changed: 'Geändert',
};

const ARABIC: Words = {
  locale: 'ar-SA',
  strategy: 'الاستراتيجية',
  edit: `تحرير ${title}`,
  why: 'لماذا هو محور تركيز الآن',
  save: 'حفظ',
  saved: `تم حفظ «${title}».`,
  history: `سجل ${title}`,
  changed: 'تغيّرت',
};

/** Edit the strategy's reason, save, see the toast, open its history: each step in `words`. */
async function editAndReadHistory(session: TabSession, words: Words, reason: string): Promise<void> {
  const { tab, page } = session;
  await openArea(session, words.strategy);
  await tab.getByRole('button', { name: words.edit }).click();
  const dialog = tab.getByRole('dialog');
  await dialog.getByLabel(words.why).fill(reason);
  expect(await axeViolations(page), `${words.locale}: the edit dialog`).toEqual([]);
  await dialog.getByRole('button', { name: words.save }).click();
  await expect.poll(() => toastTexts(tab)).toContain(words.saved);
  await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);

  await tab.getByRole('button', { name: words.history }).click();
  const drawer = tab.getByRole('dialog', { name: words.history });
  await expect.poll(() => drawer.getByRole('listitem').first().textContent(), { timeout: 10_000 }).toContain(words.changed);
  await expect.poll(() => drawer.textContent()).toContain(reason);
  expect(await axeViolations(page), `${words.locale}: the history`).toEqual([]);
}

describe('a leader edits the strategy map in their language', () => {
  it('in German: the editor, the saved toast and the history, left to right and axe-clean', async () => {
    const session = await openTab(env, aisha, { locale: 'de-DE' });
    try {
      expect(await documentLanguage(session.tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      await editAndReadHistory(session, GERMAN, 'Unser größter Kunde berechnet uns jedes verpasste Zeitfenster.');
    } finally {
      await session.context.close();
    }
  });

  it('in Arabic on a phone: right to left, mirrored, nothing sideways at 360 px, axe-clean', async () => {
    // Phone width; tall enough that the dialog's buttons fit below the host page's own controls.
    const session = await openTab(env, aisha, { locale: 'ar-SA', viewport: { width: 360, height: 1100 } });
    const { tab } = session;
    try {
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      await openArea(session, ARABIC.strategy);
      await settled(session);
      // A row's actions read from the right: "Edit" sits to the right of "Up".
      const edit = await tab.getByRole('button', { name: ARABIC.edit }).boundingBox();
      const up = await tab.getByRole('button', { name: `نقل ${title} لأعلى` }).boundingBox();
      expect(edit!.x).toBeGreaterThan(up!.x);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(session.page)).toEqual([]);

      await editAndReadHistory(session, ARABIC, 'أكبر عملائنا يفرض علينا غرامة عن كل موعد تسليم فائت.');
      expect(await overflowsSideways(tab)).toBe(false);
    } finally {
      await session.context.close();
    }
  });
});

describe('the pseudo-locale finds no text outside the catalogues', () => {
  it('on the strategy editor with its dialog open, and on the alignment page with its dialog and date picker open', async () => {
    let apiStrings = new Set<string>();
    const session = await openTab(env, aisha, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    const { tab } = session;
    // Area names in the pseudo-locale, as the navigation shows them.
    const area = (index: number) => tab.getByRole('navigation').getByRole('tab').nth(index);
    try {
      await expect.poll(() => tab.getByRole('navigation').getByRole('tab').count()).toBeGreaterThan(5);
      const names = await tab.getByRole('navigation').getByRole('tab').evaluateAll((tabs) => tabs.map((element) => element.getAttribute('value')));
      await area(names.indexOf('strategy')).click();
      await settled(session);
      await tab.getByRole('button', { name: new RegExp(title) }).first().click();
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(1);
      await expect.poll(() => tab.getByRole('dialog').textContent()).toContain('⟦');
      // The import and export tools below the map belong to their own area (and catalogue): the editor's own parts are checked here.
      const importExport = tab.locator('section[aria-labelledby="import-export-heading"]');
      const outside = new Set(await untranslatedTexts(importExport, apiStrings));
      expect((await untranslatedTexts(tab.locator('body'), apiStrings)).filter((text) => !outside.has(text))).toEqual([]);
      await tab.getByRole('dialog').getByRole('button').filter({ hasText: '⟦' }).first().click(); // Cancel
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);

      await area(names.indexOf('alignment')).click();
      await settled(session);
      await tab.locator('main').getByRole('button').first().click(); // Open a round
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(1);
      await settled(session);
      await expect.poll(() => tab.getByRole('dialog').textContent()).toContain('⟦');
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
      // The date picker's calendar: Fluent's own words (month, days, "Go to today", arrows' names) come from the catalogue too.
      await tab.getByRole('dialog').getByRole('combobox').click();
      await expect.poll(() => tab.locator('.fui-Calendar, [role="grid"]').count()).toBeGreaterThan(0);
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
