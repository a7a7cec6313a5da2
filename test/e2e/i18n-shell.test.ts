/**
 * The tab follows Teams' locale: the shell's words, the document's language and direction. Each area's
 * own browser tests check its views in German, Arabic and the pseudo-locale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { PSEUDO, documentLanguage, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe('the tab speaks the language Teams is set to', () => {
  it('in German: German navigation, lang de-DE, left to right', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.aisha, { locale: 'de-DE' });
    try {
      const nav = tab.getByRole('navigation', { name: 'Bereiche von Line of Sight' });
      for (const name of ['Start', 'Strategie', 'Einblicke']) await expect.poll(() => nav.getByRole('tab', { name }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic: Arabic navigation, right to left', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.aisha, { locale: 'ar-SA' });
    try {
      const nav = tab.getByRole('navigation', { name: 'أقسام Line of Sight' });
      await expect.poll(() => nav.getByRole('tab').first().getAttribute('value')).toBe('home');
      await expect.poll(() => nav.getByRole('tab', { name: 'الرئيسية' }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      // The first tab sits at the right edge, as Arabic reads.
      const [first, second] = [await nav.getByRole('tab').nth(0).boundingBox(), await nav.getByRole('tab').nth(1).boundingBox()];
      expect(first!.x).toBeGreaterThan(second!.x);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in a language it doesn’t speak: English words, laid out as English', async () => {
    const { context, tab } = await openTab(env, CONTOSO_IDS.people.aisha, { locale: 'he-IL' });
    try {
      await expect.poll(() => tab.getByRole('navigation', { name: 'Line of Sight areas' }).getByRole('tab', { name: 'Home' }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'en-US', dir: 'ltr' });
    } finally {
      await context.close();
    }
  });

  it('follows a language change on the host page (Teams restarts the app in the new language)', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.aisha);
    try {
      await expect.poll(() => tab.getByRole('tab', { name: 'Home' }).count()).toBe(1);
      await page.getByLabel('Language').selectOption('de-DE');
      await expect.poll(() => tab.getByRole('tab', { name: 'Start' }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
    } finally {
      await context.close();
    }
  });

  it('in the pseudo-locale, the navigation has no text outside the catalogues', async () => {
    let apiStrings = new Set<string>();
    const { context, tab } = await openTab(env, CONTOSO_IDS.people.aisha, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    try {
      const nav = tab.getByRole('navigation');
      await expect.poll(() => nav.getByRole('tab', { name: '⟦Ĥóɱé⟧' }).count()).toBe(1);
      expect(await untranslatedTexts(nav, apiStrings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
