/**
 * The onboarding admin in the leader's language: German and Arabic with a module open in the editor
 * (Arabic right to left, mirrored, nothing sideways at 360 px, axe-clean), and in the pseudo-locale
 * every word on the page comes from a catalogue or from the API's data. A new hire whose Teams speaks
 * German reads the German translation of a module (issue 14), marked as German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { getServices } from '../../api/src/services.js';
import { E2E_MODULE, assignedCohort, devToken, publishModule } from './support/onboarding-setup.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;
const { aisha, ines } = CONTOSO_IDS.people;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

/** Opens the first seeded module in the editor; `edit` is the edit buttons' accessible name pattern. */
async function openModuleEditor({ tab }: TabSession, edit: RegExp): Promise<void> {
  await tab.getByRole('navigation').locator('[role="tab"][value="onboarding-admin"]').click();
  await tab.getByRole('button', { name: edit }).first().click();
}

describe('the onboarding admin speaks the leader’s language', () => {
  it('in German: the module editor and its learner preview, axe-clean', async () => {
    const session = await openTab(env, aisha, { locale: 'de-DE' });
    const { page, tab, context } = session;
    try {
      await openModuleEditor(session, /bearbeiten$/);
      await expect.poll(() => tab.getByRole('button', { name: 'Entwurf speichern' }).count()).toBe(1);
      await expect.poll(() => tab.getByLabel('Titel von Abschnitt 1').count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('button', { name: 'Vorschau als neue Mitarbeiterin oder neuer Mitarbeiter' }).click();
      await expect.poll(() => tab.getByRole('region', { name: /^Vorschau für Lernende: / }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic: right to left, mirrored, nothing sideways on a phone, axe-clean', async () => {
    const session = await openTab(env, aisha, { locale: 'ar-SA' });
    const { page, tab, context } = session;
    try {
      await openModuleEditor(session, /^تحرير /);
      const save = tab.getByRole('button', { name: 'حفظ المسودة' });
      await expect.poll(() => save.count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      // Mirrored: the first action (Save draft) sits right of the second (Publish).
      const [first, second] = [await save.boundingBox(), await tab.getByRole('button', { name: 'نشر' }).boundingBox()];
      expect(first!.x).toBeGreaterThan(second!.x);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => overflowsSideways(tab)).toBe(false);
      await tab.getByRole('button', { name: 'معاينة كموظف جديد' }).click();
      await expect.poll(() => tab.getByRole('region', { name: /^معاينة المتعلّم: / }).count()).toBe(1);
      await expect.poll(() => overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in the pseudo-locale: no text outside the catalogues on the page with the module editor open', async () => {
    let apiStrings = new Set<string>();
    const session = await openTab(env, aisha, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    const { tab, context } = session;
    try {
      await openModuleEditor(session, /⟧$/);
      await expect.poll(() => tab.getByLabel(/^⟦.*⟧$/).first().count()).toBe(1);
      await expect.poll(() => tab.locator('main').getByRole('button').count()).toBeGreaterThan(5);
      expect(await untranslatedTexts(tab.locator('main'), apiStrings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a module in the new hire’s language', () => {
  it('a leader adds a German translation, previews the module in German and saves it with the draft', async () => {
    const session = await openTab(env, aisha);
    const { tab, context } = session;
    try {
      await openModuleEditor(session, /^Edit /);
      await tab.getByLabel('Add a translation').selectOption('de');
      await tab.getByRole('button', { name: 'Add translation' }).click();
      const german = tab.getByRole('region', { name: 'German translation' });
      await expect.poll(() => german.getAttribute('lang')).toBe('de');
      await german.getByRole('textbox', { name: /^Title/ }).fill('Willkommen an Bord');
      await tab.getByRole('button', { name: 'Preview as a new hire' }).click();
      await tab.getByLabel('Preview in').selectOption('de');
      await expect.poll(() => tab.getByRole('region', { name: 'Learner preview: Willkommen an Bord' }).count()).toBe(1);
      await tab.getByRole('button', { name: 'Save draft' }).click();
      await expect.poll(async () => (await getServices().onboarding.listModules(CONTOSO_IDS.tenant)).some((module) => module.content.translations?.de?.title === 'Willkommen an Bord')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('a learner whose Teams speaks German reads the module’s German translation, marked lang="de"', async () => {
    const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, aisha);
    const original = E2E_MODULE as unknown as { title: string; sections: { id: string; title: string; blocks: { type: string }[] }[] };
    const german = {
      title: 'Warum Contoso seine Versprechen hält',
      summary: '',
      sections: original.sections.map((section, index) => ({ ...section, title: `Abschnitt ${index + 1} auf Deutsch` })),
      acknowledgement: 'Ich habe verstanden, wie meine Arbeit unserer Mission dient.',
    };
    const module = await publishModule(env.stack.url, token, { ...E2E_MODULE, language: 'en', questions: [], translations: { de: german } });
    await assignedCohort(env.stack.url, token, 'German starters', [ines], [module.versionId], new Date(env.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10));

    const { page, tab, context } = await openTab(env, ines, { locale: 'de-DE' });
    try {
      await tab.getByRole('navigation').locator('[role="tab"][value="onboarding"]').click();
      await tab.getByRole('link', { name: german.title }).click();
      const heading = tab.getByRole('heading', { level: 1, name: german.title });
      await expect.poll(() => heading.getAttribute('lang')).toBe('de');
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Abschnitt 1 auf Deutsch' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
