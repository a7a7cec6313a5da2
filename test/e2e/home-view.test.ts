/**
 * The first slice end to end in real Chromium: the local Teams host page signs a demo
 * employee in, the tab shows vision → strategy → their tasks from the real API and embedded
 * Cosmos, the employee adds and links a task, themes follow Teams, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS, FABRIKAM_IDS } from '../../api/src/local/seed.js';
import { axeViolations, expectThemesFollowTeams, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe('an employee opens Line of Sight in Teams', () => {
  it('sees the vision, the strategies and their own tasks under the strategy each serves', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.ben);
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toContain('Every shipment arrives when we promised');
      const onTime = tab.getByRole('region', { name: /Deliver inside the promised window/ }).or(
        tab.locator('section', { has: tab.getByRole('heading', { level: 3, name: /Deliver inside the promised window/ }) }),
      );
      await expect.poll(() => onTime.first().textContent()).toContain('Re-plan the Tuesday Porto–Madrid run');
      // Another person's task is not on Ben's home view.
      await expect.poll(() => tab.locator('body').textContent()).not.toContain('Publish weekly on-time rate per route');
      // A task with no strategy is shown apart, with a nudge.
      const unlinked = tab.locator('section', { has: tab.getByRole('heading', { name: 'Not linked to a strategy yet' }) });
      await expect.poll(() => unlinked.first().textContent()).toContain('Renew forklift certification');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('adds a task, links it to a strategy with a sentence, and sees it under that strategy', async () => {
    const { context, tab } = await openTab(env, CONTOSO_IDS.people.chiara);
    try {
      await tab.getByRole('button', { name: 'Add task' }).first().click();
      const dialog = tab.getByRole('dialog');
      // Inline validation: a link without its sentence is refused before anything is sent.
      await dialog.getByLabel('Title').fill('Call the three customers hit by the A7 closure');
      await dialog.getByLabel('Strategy it serves').selectOption({ label: 'Tell customers about delays before they ask' });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.textContent()).toContain('Say in one sentence how this task serves the strategy');

      await dialog.getByLabel('How this serves the strategy').fill('They hear about the delay from us, with a new arrival time.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => tab.getByRole('status').first().textContent()).toContain('Added');
      const section = tab.locator('section', { has: tab.getByRole('heading', { level: 3, name: /Tell customers about delays/ }) });
      await expect.poll(() => section.first().textContent()).toContain('Call the three customers hit by the A7 closure');
      await expect.poll(() => section.first().textContent()).toContain('They hear about the delay from us');
    } finally {
      await context.close();
    }
  });

  it('edits a task to link it, then removes it after confirming', async () => {
    const { context, tab } = await openTab(env, CONTOSO_IDS.people.elena);
    try {
      const title = 'Tidy the shared coordinators mailbox'; // seeded for Elena, not linked yet
      const unlinked = tab.locator('section', { has: tab.getByRole('heading', { name: 'Not linked to a strategy yet' }) }).first();
      await expect.poll(() => unlinked.textContent()).toContain(title);
      await tab.getByRole('button', { name: `Edit ${title}` }).click();
      const dialog = tab.getByRole('dialog');
      await dialog.getByLabel('Strategy it serves').selectOption({ label: 'Deliver inside the promised window' });
      await dialog.getByLabel('How this serves the strategy').fill('Fewer missed windows on the routes I plan.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => tab.getByRole('status').first().textContent()).toContain('Saved');
      const onTime = tab.locator('section', { has: tab.getByRole('heading', { level: 3, name: /Deliver inside the promised window/ }) }).first();
      await expect.poll(() => onTime.textContent()).toContain(title);

      await tab.getByRole('button', { name: `Remove ${title}` }).click();
      await tab.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => tab.getByRole('status').first().textContent()).toContain('Removed');
      await expect.poll(() => tab.getByRole('button', { name: `Edit ${title}` }).count()).toBe(0);
      await expect.poll(() => onTime.textContent()).not.toContain(title);
    } finally {
      await context.close();
    }
  });

  it('renders what people typed as text, never as markup', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.daniel);
    try {
      const hostile = '<img src=x onerror="window.parent.__pwned=1">';
      await tab.getByRole('button', { name: 'Add task' }).first().click();
      await tab.getByRole('dialog').getByLabel('Title').fill(hostile);
      await tab.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => tab.locator('body').textContent()).toContain(hostile);
      expect(await tab.locator('img[src="x"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('follows the Teams theme: light, dark and high contrast, switched live, axe-clean in each', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.ben);
    try {
      await expectThemesFollowTeams(page, tab);
    } finally {
      await context.close();
    }
  });

  it('works at mobile width without sideways scrolling, and by keyboard', async () => {
    const { context, page, tab } = await openTab(env, CONTOSO_IDS.people.ben, { viewport: { width: 360, height: 740 } });
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toContain('Every shipment');
      const overflow = await tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      // Keyboard only: focus "Add task", open the dialog with Enter, close it with Escape.
      const addTask = tab.getByRole('button', { name: 'Add task' }).first();
      await addTask.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(1);
      await expect.poll(() => tab.getByLabel('Title').evaluate((input) => input === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => tab.getByRole('dialog').count()).toBe(0);
      // Focus is back on the button that opened the dialog.
      await expect.poll(() => addTask.evaluate((button) => button === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('shows each tenant only its own line of sight', async () => {
    const { context, tab } = await openTab(env, FABRIKAM_IDS.people.sofia);
    try {
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toContain('The Alps are never the slow part');
      await expect.poll(() => tab.locator('body').textContent()).not.toContain('Re-plan the Tuesday Porto–Madrid run');
    } finally {
      await context.close();
    }
  });
});

describe('outside Teams', () => {
  it('shows a page that says to open the app in Teams instead of hanging', async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${env.stack.url}/tab/`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 5_000 }).toContain('Microsoft Teams');
    } finally {
      await context.close();
    }
  });
});
