/**
 * Issue 14 on the home view: my work in German and in Arabic (right to left, mirrored, nothing sticking
 * out at 360 px), due dates written the reader's way, axe-clean; and in the pseudo-locale no text on the
 * home view or in the add-task dialog that didn't come from a catalogue or from the API's data.
 */
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../api/src/services.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { testDayPlus } from '../support/clock.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(async () => {
  await env?.close();
});

/** A Planner task with a due date for `ownerId`, as an import writes it: this test's own data. */
async function plannerTask(ownerId: string, id: string, title: string, dueDate: string): Promise<void> {
  const at = env.now();
  await getServices().taskSources.repository.writeTask(
    {
      id, tenantId: tenant, ownerId, title, strategyId: strategies.onTime, howItServes: 'Slots we can keep are windows we can promise.',
      createdAt: at.toISOString(), updatedAt: at.toISOString(), dueDate, completed: false,
      source: { kind: 'planner', id: `${id}-source`, containerId: 'plan-1', containerName: 'Iberia routes', webUrl: 'https://tasks.office.com/', removedAt: null, etag: 'W/"1"' },
    },
    undefined, 'import', { id: ownerId, displayName: 'Test import' }, at,
  );
}

/** The task's due date as the tab shows it ("Due 16 Mar 2026" in the reader's language). */
const dueDateShown = (tab: FrameLocator, title: string) => tab.locator('li', { hasText: title }).locator('time').textContent();

describe('the home view in other languages', () => {
  it('in German: my work, due dates and what happened in German, left to right, axe-clean', async () => {
    const title = 'Confirm the Porto dock slots (German test)';
    const due = testDayPlus(14);
    await plannerTask(people.elena, 'home-languages-de', title, due);
    const { context, page, tab } = await openTab(env, people.elena, { locale: 'de-DE' });
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Meine Arbeit' }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'de-DE', dir: 'ltr' });
      const onTime = tab.getByRole('region', { name: 'Deliver inside the promised window' });
      await expect.poll(() => onTime.textContent()).toMatch(/Gefährdet.*Verantwortlich: Aisha Khan.*Meine Aufgaben: 0 von 1 erledigt/);
      expect(await onTime.textContent()).toContain('Aus Planner · Iberia routes');
      // The due date the German way: "16. März 2026", still the stored calendar day.
      expect(due).toBe('2026-03-16');
      expect(await dueDateShown(tab, title)).toBe('Fällig am 16. März 2026');
      expect(await tab.locator('li', { hasText: title }).locator('time').getAttribute('datetime')).toBe(due);
      // One unlinked task: the German singular.
      await expect.poll(() => tab.getByRole('region', { name: 'Noch keiner Strategie zugeordnet' }).textContent()).toContain('Bei dieser Aufgabe steht noch nicht, welcher Strategie sie dient.');
      expect(await axeViolations(page)).toEqual([]);

      // What the page says after a change is German too.
      await tab.getByRole('button', { name: `${title} als erledigt markieren` }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'als erledigt markiert' }).textContent()).toContain(`„${title}“ als erledigt markiert.`);
      await expect.poll(() => onTime.textContent()).toContain('Meine Aufgaben: 1 von 1 erledigt');
      await tab.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
      const dialog = tab.getByRole('dialog', { name: 'Aufgabe hinzufügen' });
      await expect.poll(() => dialog.getByLabel('Strategie, der sie dient').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in Arabic: right to left and mirrored, Arabic dates and plurals, nothing sideways at 360 px, axe-clean', async () => {
    const title = 'Confirm the Porto dock slots (Arabic test)';
    const due = testDayPlus(14);
    await plannerTask(people.farid, 'home-languages-ar', title, due);
    const { context, page, tab } = await openTab(env, people.farid, { locale: 'ar-SA' });
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'عملي' }).count()).toBe(1);
      expect(await documentLanguage(tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      const onTime = tab.getByRole('region', { name: 'Deliver inside the promised window' });
      await expect.poll(() => onTime.textContent()).toContain('مهامي: أُنجز ٠ من ١');
      // The due date in the reader's own calendar and digits, never the English form.
      const shown = await dueDateShown(tab, title);
      const expected = await tab.locator('html').evaluate((html, day) => new Intl.DateTimeFormat((html as HTMLElement).lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(day)), due);
      expect(shown).toBe(`تاريخ الاستحقاق ${expected}`);
      expect(shown).not.toMatch(/[A-Za-z]/);

      // Mirrored: the strategy's progress pill starts at the right, the task's title sits right of its buttons.
      const task = tab.locator('li', { hasText: title });
      const [pill, owner] = [await onTime.locator('p span').first().boundingBox(), await onTime.locator('p span').nth(1).boundingBox()];
      expect(pill!.x).toBeGreaterThan(owner!.x);
      const [titleBox, edit] = [await task.locator('span').first().boundingBox(), await task.getByRole('button', { name: `تحرير ${title}` }).boundingBox()];
      expect(titleBox!.x + titleBox!.width).toBeGreaterThan(edit!.x + edit!.width);
      expect(await axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => overflowsSideways(tab)).toBe(false);
      await tab.getByRole('button', { name: 'إضافة مهمة' }).click();
      const dialog = tab.getByRole('dialog', { name: 'إضافة مهمة' });
      await expect.poll(() => dialog.getByLabel('الاستراتيجية التي تخدمها').count()).toBe(1);
      expect(await overflowsSideways(tab)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('in the pseudo-locale: every text on the home view and in the add-task dialog comes from a catalogue or the data', async () => {
    let apiStrings = new Set<string>();
    await plannerTask(people.daniel, 'home-languages-pseudo', 'Confirm the Porto dock slots (pseudo test)', testDayPlus(14));
    const { context, tab } = await openTab(env, people.daniel, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: '⟦Ṁý ŵóŕķ⟧' }).count()).toBe(1);
      await tab.getByRole('button', { name: '⟦Ṁíššíóñ áñđ ṽáĺúéš⟧' }).click();
      await expect.poll(() => tab.getByRole('heading', { name: '⟦Óúŕ ɱíššíóñ⟧' }).isVisible()).toBe(true);
      await tab.locator('details summary').first().click();
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);

      await tab.getByRole('button', { name: '⟦Áđđ ţášķ⟧' }).click();
      const dialog = tab.getByRole('dialog');
      await expect.poll(() => dialog.count()).toBe(1);
      // Saving without a title: the field's message comes from the catalogue too.
      await dialog.getByRole('button', { name: '⟦Šáṽé⟧' }).click();
      await expect.poll(() => dialog.textContent()).toContain('⟦Ĝíṽé ţĥé ţášķ á ţíţĺé⟧');
      expect(await untranslatedTexts(tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
