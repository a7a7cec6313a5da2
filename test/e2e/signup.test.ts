/**
 * Northwind Traders (the fake Microsoft 365's tenant that has not set Line of Sight up) in real
 * Chromium through the local Teams host page: Quinn, an employee, is told to ask an admin; Olivia, a
 * Global Administrator, walks the first-run wizard — granting the permissions on the fake Entra ID's
 * admin-consent page in Teams' authentication window — and finishes; then Quinn sees the app.
 * People and teams then come from Northwind's directory through the sync timer: Quinn's line of sight
 * shows his team, Sales, synced from its Microsoft 365 group. Last, Rosa (a Leader) assigns a module
 * to Uma, the new hire for whom Teams has not installed the app: the outbox installs it for her and
 * she is notified exactly once. Everything is written through the API and the timers; the test
 * writes nothing to the database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_IDS } from '../../api/src/local/fake-m365/northwind.js';
import { startLocalStack } from '../../api/src/local/stack.js';
import { launchBrowser } from '../support/browser.js';
import { runningClockFrom, testDayPlus } from '../support/clock.js';
import { devToken, E2E_MODULE } from './support/onboarding-setup.js';
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

describe('Northwind Traders adopts Line of Sight', () => {
  it('an employee is told to ask an admin; the admin walks the wizard; people and teams sync; a new hire gets the app and one notification', async () => {
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

    // The directory sync (started by the sign-up, then the timer) brings people and the chosen teams' members.
    await env.stack.timers.find((timer) => timer.name === 'directory-sync-timer')!.run();

    const after = await openTab(env, NORTHWIND_IDS.people.quinn);
    try {
      await expect.poll(() => after.tab.getByRole('heading', { level: 1 }).first().textContent()).toContain(VISION);
      await expect.poll(() => after.tab.locator('body').textContent()).toContain('Deliver on time, every time');
      await expect.poll(() => after.tab.locator('body').textContent(), { timeout: 15_000 }).toContain('Quinn Murphy, Sales');
      expect(await axeViolations(after.page)).toEqual([]);
    } finally {
      await after.context.close();
    }

    await assignModuleToTheNewHire();
    const graph = env.stack.fakeM365!;
    const umaFeed = () => graph.feed(NORTHWIND_IDS.tenant).filter((entry) => entry.userId === NORTHWIND_IDS.people.uma);
    await expect.poll(() => umaFeed().length, { timeout: 30_000 }).toBe(1);
    expect(graph.directory.tenant(NORTHWIND_IDS.tenant)!.installedApps.get(NORTHWIND_IDS.people.uma)?.has(NORTHWIND_IDS.catalogAppId)).toBe(true);
    // The deep link names the app by the id Northwind's catalog gave it, not the manifest id.
    expect(umaFeed()[0]!.webUrl).toContain(NORTHWIND_IDS.catalogAppId);
    // Another timer run sends nothing more: one notification, delivered once.
    await env.stack.timers.find((timer) => timer.name === 'notifications-drain-timer')!.run();
    expect(umaFeed().map((entry) => entry.deliveries)).toEqual([1]);
    const installs = graph.requests.filter((request) => request.request === `POST /v1.0/users/${NORTHWIND_IDS.people.uma}/teamwork/installedApps`);
    expect(installs).toHaveLength(1);
  });
});

/** Rosa, a Leader of Northwind, writes and publishes a module and assigns it to a cohort of Uma, through the API. */
async function assignModuleToTheNewHire(): Promise<void> {
  const token = await devToken(env.stack.url, NORTHWIND_IDS.tenant, NORTHWIND_IDS.people.rosa);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${env.stack.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(method === 'POST' ? { 'Idempotency-Key': randomUUID() } : {}), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const created = (await call('POST', '/api/modules', { ...E2E_MODULE, title: 'Welcome to Northwind' })) as { id: string; etag: string };
  const published = (await call('POST', `/api/modules/${created.id}/publish`, undefined, { 'If-Match': created.etag })) as { version: { id: string } };
  const cohort = (await call('POST', '/api/cohorts', { name: 'Warehouse new hires', memberIds: [NORTHWIND_IDS.people.uma] })) as { id: string };
  await call('POST', `/api/cohorts/${cohort.id}/assignments`, { moduleVersionIds: [published.version.id], dueDate: testDayPlus(30) });
}
