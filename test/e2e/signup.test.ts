/**
 * Northwind Traders (the fake Microsoft 365's tenant that has not set Line of Sight up) in real
 * Chromium through the local Teams host page: Quinn, an employee, is told to ask an admin; Olivia, a
 * Global Administrator, walks the first-run wizard — granting the permissions on the fake Entra ID's
 * admin-consent page in Teams' authentication window — and finishes; then Quinn sees the app.
 * Everything is written through the API; the test writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_IDS } from '../../api/src/local/fake-m365/northwind.js';
import { startLocalStack } from '../../api/src/local/stack.js';
import { launchBrowser } from '../support/browser.js';
import { runningClockFrom } from '../support/clock.js';
import { axeViolations, openTab, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  delete process.env.TENANT_SIGNUP;
  const now = runningClockFrom();
  const stack = await startLocalStack({ port: 0, now, fakeM365: true });
  const browser = await launchBrowser();
  env = {
    stack,
    now,
    browser,
    async close() {
      await browser.close();
      await stack.close();
    },
  };
});
afterAll(async () => {
  await env?.close();
});

const VISION = 'Every order reaches the shelf the day we promised.';

describe('Northwind Traders signs up', () => {
  it('an employee is told to ask an admin; the admin walks the wizard; then the employee sees the app', async () => {
    const quinn = await openTab(env, NORTHWIND_IDS.people.quinn);
    try {
      const askAdmin = quinn.tab.getByTestId('ask-admin');
      await expect.poll(() => askAdmin.textContent()).toContain("Your organisation hasn't set up Line of Sight yet — ask your admin");
      await expect.poll(() => askAdmin.textContent()).toContain('Global Administrator');
      expect(await axeViolations(quinn.page)).toEqual([]);
    } finally {
      await quinn.context.close();
    }

    const olivia = await openTab(env, NORTHWIND_IDS.people.olivia);
    const { tab, page, context } = olivia;
    try {
      await tab.getByRole('button', { name: 'Start setting up' }).click();
      await expect.poll(() => tab.getByText('Step 1 of 6').count()).toBe(1);
      await expect.poll(() => tab.locator('body').textContent()).toContain('GroupMember.Read.All');
      expect(await axeViolations(page)).toEqual([]);

      // Teams' authentication window: the fake Entra ID's admin-consent page, then back to the tab.
      const popupOpened = context.waitForEvent('page');
      await tab.getByRole('button', { name: 'Grant permissions' }).click();
      const popup = await popupOpened;
      await popup.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => tab.locator('body').textContent(), { timeout: 20_000 }).toContain('Permissions granted.');
      await tab.getByRole('button', { name: 'Next: your company' }).click();

      await tab.getByRole('textbox', { name: /^Company name/ }).fill('Northwind Traders');
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => tab.getByTestId('signup-announcement').textContent()).toContain('Company name saved.');

      // Keyboard: the vision is required; the form says so before sending anything.
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => tab.locator('body').textContent()).toContain('Write the vision');
      const vision = tab.getByRole('textbox', { name: /^Vision/ });
      await vision.fill(VISION);
      await vision.press('Tab');
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => tab.getByTestId('signup-announcement').textContent()).toContain('Vision and values saved.');

      await tab.getByRole('button', { name: 'Use this template' }).click();
      await expect.poll(() => tab.getByRole('textbox', { name: /^Title/ }).first().inputValue()).toBe('Deliver on time, every time');
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => tab.getByTestId('signup-announcement').textContent()).toContain('3 strategies saved.');

      // The organisation's Microsoft 365 groups and teams, from the fake Graph.
      await expect.poll(() => tab.getByRole('checkbox', { name: 'Sales' }).count()).toBe(1);
      await tab.getByRole('checkbox', { name: 'Sales' }).check();
      await tab.getByRole('checkbox', { name: 'Warehouse' }).check();
      await tab.getByRole('button', { name: 'Save and continue' }).click();
      await expect.poll(() => tab.getByTestId('signup-announcement').textContent()).toContain('2 teams chosen.');

      // At 360 px the wizard still fits without sideways scrolling.
      await page.setViewportSize({ width: 360, height: 800 });
      await expect.poll(() => tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });

      await tab.getByRole('button', { name: 'Finish and open Line of Sight' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).first().textContent(), { timeout: 15_000 }).toContain(VISION);
    } finally {
      await context.close();
    }

    const after = await openTab(env, NORTHWIND_IDS.people.quinn);
    try {
      await expect.poll(() => after.tab.getByRole('heading', { level: 1 }).first().textContent()).toContain(VISION);
      await expect.poll(() => after.tab.locator('body').textContent()).toContain('Deliver on time, every time');
    } finally {
      await after.context.close();
    }
  });
});
