/**
 * Tasks from where work lives, end to end in real Chromium against the local stack and the fake
 * Microsoft 365 `npm start` runs: Ben (Contoso) is asked for consent through Teams' authentication
 * pop-up, brings in two Planner tasks and one To Do task, links them to strategies, one is completed
 * in Planner, and the line of sight shows it done. Themes, 360 px and axe too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { CONTOSO_WORK } from '../../api/src/local/fake-m365/local-work.js';
import { axeViolations, backgroundLuminance, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
const ben = CONTOSO_IDS.people.ben;
const [review, staffing] = CONTOSO_WORK.plans[0]!.tasks;
const [tracking] = CONTOSO_WORK.todoLists[0]!.tasks;

beforeAll(async () => {
  env = await startE2eEnvironment({ fakeM365: true });
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('a person brings their Planner and To Do tasks into the line of sight', () => {
  it('consents through Teams, brings in two Planner tasks and one To Do task, links them, and sees one done after it is completed in Planner', async () => {
    const { context, page, tab } = await openTab(env, ben);
    try {
      const sources = tab.locator('section', { has: tab.getByRole('heading', { name: 'Tasks from Planner and To Do' }) }).first();
      await tab.getByRole('button', { name: 'Bring in from Planner' }).click();
      // No consent yet: one sentence on what is asked and why, then Teams' pop-up.
      await expect.poll(() => sources.textContent()).toContain('needs your permission to read your tasks (Tasks.Read)');
      const popupOpened = context.waitForEvent('page');
      await tab.getByRole('button', { name: 'Allow access' }).click();
      const popup = await popupOpened;
      await popup.getByRole('button', { name: 'Accept' }).click();

      const dialog = tab.getByRole('dialog');
      await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('Operations weekly');
      await dialog.getByLabel('All tasks in Operations weekly, new ones too').check();
      await dialog.getByRole('button', { name: 'Bring in' }).click();
      await expect.poll(() => sources.textContent()).toContain('Brought in from Planner');

      await tab.getByRole('button', { name: 'Bring in from To Do' }).click();
      await dialog.getByLabel(tracking!.title).check();
      await dialog.getByRole('button', { name: 'Bring in' }).click();
      await expect.poll(() => sources.textContent()).toContain('Brought in from To Do');

      const unlinked = tab.locator('section', { has: tab.getByRole('heading', { name: 'Not linked to a strategy yet' }) }).first();
      for (const title of [review!.title, staffing!.title, tracking!.title]) await expect.poll(() => unlinked.textContent()).toContain(title);
      await expect.poll(() => unlinked.textContent()).toContain('From Planner · Operations weekly');
      await expect.poll(() => tab.getByRole('link', { name: `Open “${tracking!.title}” in To Do` }).count()).toBe(1);

      const links = [
        [review!.title, 'Deliver inside the promised window', 'Each missed window we review is one we can stop repeating.'],
        [staffing!.title, 'Deliver inside the promised window', 'Enough people at the depot keeps loading on time.'],
        [tracking!.title, 'Tell customers about delays before they ask', 'Live feeds let us warn customers before they call.'],
      ] as const;
      for (const [title, strategy, sentence] of links) {
        await tab.getByRole('button', { name: `Edit ${title}` }).click();
        await dialog.getByLabel('Strategy it serves').selectOption({ label: strategy });
        await dialog.getByLabel('How this serves the strategy').fill(sentence);
        await dialog.getByRole('button', { name: 'Save' }).click();
        const section = tab.locator('section', { has: tab.getByRole('heading', { level: 3, name: new RegExp(strategy) }) }).first();
        await expect.poll(() => section.textContent()).toContain(title);
        // The saved task is brought into view and focused once the dialog is gone: the next click waits for that.
        await expect.poll(() => tab.locator(':focus').textContent()).toContain(title);
      }

      // Completed in Planner; the next time Ben opens the tab it syncs and shows it done.
      env.stack.fakeM365!.directory.tenant(CONTOSO_IDS.tenant)!.work.updatePlannerTask(review!.id, { percentComplete: 100 });
      await page.reload();
      await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
      const onTime = tab.locator('section', { has: tab.getByRole('heading', { level: 3, name: /Deliver inside the promised window/ }) }).first();
      const reviewed = onTime.locator('li', { hasText: review!.title });
      // Done: the badge, and the button now offers to reopen it; the other task is still open.
      await expect.poll(() => tab.getByRole('button', { name: `Reopen ${review!.title}` }).count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => reviewed.textContent()).toMatch(/^.*Done.*From Planner/);
      await expect.poll(() => tab.getByRole('button', { name: `Mark done ${staffing!.title}` }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('reads well in dark and high contrast themes and at 360 px, and axe finds nothing', async () => {
    for (const theme of ['dark', 'contrast'] as const) {
      const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.chiara, { theme });
      try {
        await expect.poll(() => tab.getByRole('button', { name: 'Bring in from Planner' }).count()).toBe(1);
        expect(await backgroundLuminance(tab)).toBeLessThan(0.2);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.chiara, { viewport: { width: 360, height: 740 } });
    try {
      await expect.poll(() => tab.getByRole('button', { name: 'Bring in from To Do' }).count()).toBe(1);
      const overflow = await tab.locator('body').evaluate((body) => body.scrollWidth - body.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
