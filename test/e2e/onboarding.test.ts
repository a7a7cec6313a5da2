/**
 * Issue 5 in real Chromium through the local Teams host page: a leader builds a cohort from a CSV
 * (row errors first, then a clean file) and assigns a module; the fake Microsoft Graph receives one
 * activity feed notification per person; a new hire opens that notification's deep link, lands in
 * the module, completes it; the leader's dashboard shows it. axe-clean throughout.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import type { FakeGraph } from '../../api/src/local/fake-m365/fake-graph.js';
import { E2E_MODULE_TITLE, devToken, publishModule, startE2eEnvironmentWithGraph, workAddresses } from './support/onboarding-setup.js';
import { axeViolations, openTab, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let graph: FakeGraph;
let env: E2eEnvironment;
let addresses: string[];
const { aisha, grace, hugo, ines } = CONTOSO_IDS.people;
const COHORT = 'Joined from Fabrikam in November';

beforeAll(async () => {
  const started = await startE2eEnvironmentWithGraph();
  env = started;
  graph = started.graph;
  addresses = await workAddresses(CONTOSO_IDS.tenant, [hugo, ines], 'contoso.example');
  await publishModule(env.stack.url, await devToken(env.stack.url, CONTOSO_IDS.tenant, aisha));
});

afterAll(async () => {
  await env?.close();
});

async function openAdmin({ tab }: TabSession, part: 'Cohorts' | 'Dashboard'): Promise<void> {
  await tab.getByRole('tab', { name: 'Onboarding admin' }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name: 'Onboarding admin' }).count()).toBe(1);
  await tab.getByRole('tab', { name: part }).click();
}

const settled = (tab: TabSession['tab']) => expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);

describe('merger onboarding, from a leader’s cohort to a new hire’s completion', () => {
  it('a leader creates a cohort from a CSV and assigns a module; Graph receives one notification per person', async () => {
    const session = await openTab(env, aisha);
    const { tab, page } = session;
    try {
      await openAdmin(session, 'Cohorts');
      await tab.getByLabel('New cohort name').fill(COHORT);
      await tab.getByRole('button', { name: 'Create cohort' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: COHORT }).count()).toBe(1);

      // A row nobody has: the preview says which, and nothing can be added.
      const csv = tab.getByLabel(/a CSV of work emails or UPNs/);
      await csv.fill(['upn', ...addresses, 'nobody@nowhere.example'].join('\n'));
      await tab.getByRole('button', { name: 'Preview CSV' }).click();
      const preview = tab.getByRole('table', { name: 'Import preview' });
      await expect.poll(() => preview.textContent()).toContain('Error: Nobody in your organisation has this UPN or email');
      await expect.poll(() => tab.getByRole('button', { name: /^Add \d+ (people|person)$/ }).isDisabled()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      await csv.fill(['upn', ...addresses].join('\n'));
      await tab.getByRole('button', { name: 'Preview CSV' }).click();
      await expect.poll(() => preview.textContent()).not.toContain('Error');
      await tab.getByRole('button', { name: 'Add 2 people' }).click();
      await expect.poll(() => tab.getByRole('list', { name: `People in ${COHORT}` }).getByRole('listitem').count()).toBe(2);

      await tab.getByRole('checkbox', { name: new RegExp(`^${E2E_MODULE_TITLE}`) }).check();
      await tab.getByRole('button', { name: 'Assign' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Assigned' }).textContent()).toContain('Assigned 1 module');

      await expect.poll(() => graph.feed(CONTOSO_IDS.tenant).filter((entry) => entry.templateParameters.moduleTitle === E2E_MODULE_TITLE).map((entry) => entry.userId).sort()).toEqual([hugo, ines].sort());
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('a new hire opens the notification’s deep link, lands in the module, and completes it', async () => {
    const notification = graph.feed(CONTOSO_IDS.tenant).find((entry) => entry.userId === hugo && entry.templateParameters.moduleTitle === E2E_MODULE_TITLE);
    expect(notification?.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    const session = await openTab(env, hugo);
    const { tab, page } = session;
    try {
      await page.getByRole('textbox', { name: 'Notification link' }).fill(notification!.webUrl);
      await page.getByRole('button', { name: 'Open notification link' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 1, name: E2E_MODULE_TITLE }).count(), { timeout: 15_000 }).toBe(1);

      // Section 1: then and now, Fabrikam beside today's Contoso (read live).
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'From Fabrikam to Contoso' }).count()).toBe(1);
      await expect.poll(() => tab.getByRole('region', { name: 'Now: Contoso Logistics' }).textContent()).toContain('Keep the promise');
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('button', { name: 'Mark as read and continue' }).click();

      // Section 2: the live strategy map, a list and a safe link.
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'The strategies you now serve' }).count()).toBe(1);
      await expect.poll(() => tab.getByRole('list', { name: 'Our strategies' }).textContent()).toContain('Deliver inside the promised window');
      await expect.poll(() => tab.getByRole('link', { name: 'How we measure on-time delivery' }).getAttribute('rel')).toBe('noopener noreferrer');
      await tab.getByRole('button', { name: 'Mark as read and continue' }).click();

      // Knowledge check: immediate feedback with the explanation; a wrong first try, then the right answer.
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Knowledge checks' }).count()).toBe(1);
      await tab.getByRole('radio', { name: 'An estimate we try to meet' }).check();
      await tab.getByRole('button', { name: 'Check answer to question 1' }).click();
      await expect.poll(() => tab.locator('[aria-live="polite"]').filter({ hasText: 'Not quite.' }).count()).toBe(1);
      await tab.getByRole('radio', { name: 'A commitment to the customer' }).check();
      await tab.getByRole('button', { name: 'Check answer to question 1' }).click();
      await expect.poll(() => tab.locator('[aria-live="polite"]').filter({ hasText: 'Correct.' }).textContent()).toContain('a window is a commitment');
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('button', { name: 'Continue' }).click();

      // Completing needs the acknowledgement.
      const complete = tab.getByRole('button', { name: 'Complete module' });
      await expect.poll(() => complete.isDisabled()).toBe(true);
      await tab.getByRole('checkbox', { name: 'I understand how my work serves Contoso’s customers.' }).check();
      await complete.click();
      await expect.poll(() => tab.locator('main').textContent()).toContain('You completed this module');

      // My onboarding shows it done; progress came from the server, so any device sees the same.
      await tab.getByRole('link', { name: 'Back to My onboarding' }).click();
      const list = tab.getByRole('list', { name: 'Assigned modules' });
      await expect.poll(() => list.textContent()).toContain(E2E_MODULE_TITLE);
      await expect.poll(() => list.textContent()).toContain('Completed');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('the admin’s dashboard shows the completion, who opened it from Teams, who is behind by name, and exports a CSV (dark theme, axe-clean)', async () => {
    // Grace is an Admin: she sees everyone by name (a Leader sees only their own team's people).
    const session = await openTab(env, grace, { theme: 'dark' });
    const { tab, page } = session;
    try {
      await openAdmin(session, 'Dashboard');
      await settled(tab);
      // The cohort is picked by name from a server-searched list (issue 13).
      await tab.getByRole('combobox', { name: 'Cohort', exact: true }).fill(COHORT.slice(0, 6));
      await tab.getByRole('option', { name: COHORT, exact: true }).click();
      await tab.getByLabel('Module').selectOption({ label: E2E_MODULE_TITLE });
      const figures = tab.getByRole('list', { name: `Completion of ${E2E_MODULE_TITLE} in ${COHORT}` });
      await expect.poll(() => figures.textContent(), { timeout: 15_000 }).toContain('Completed1 of 2');
      await expect.poll(() => figures.textContent()).toContain('Opened from the notification1 of 2');
      await expect.poll(() => tab.getByRole('table', { name: 'People behind' }).textContent()).toContain('Inês Duarte');
      await expect.poll(() => tab.getByRole('table', { name: 'Right first time, per question' }).textContent()).toContain('0%');
      const [download] = await Promise.all([page.waitForEvent('download'), tab.getByRole('button', { name: 'Export CSV' }).click()]);
      expect(readFileSync((await download.path())!, 'utf8')).toContain('Inês Duarte');
      await settled(tab);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('fits a phone: My onboarding and the module have no sideways scrolling at 360 px, and a module resumes after a reload', async () => {
    const session = await openTab(env, ines, { viewport: { width: 360, height: 740 } });
    const { tab } = session;
    try {
      await tab.getByRole('tab', { name: 'My onboarding' }).click();
      await expect.poll(() => tab.getByRole('list', { name: 'Assigned modules' }).textContent()).toContain(E2E_MODULE_TITLE);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      await tab.getByRole('link', { name: E2E_MODULE_TITLE }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'From Fabrikam to Contoso' }).count()).toBe(1);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);

      // Progress is saved per section: after a reload the module resumes where she left off.
      await tab.getByRole('button', { name: 'Mark as read and continue' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'The strategies you now serve' }).count()).toBe(1);
      await session.page.getByRole('button', { name: 'Reload tab' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'The strategies you now serve' }).count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => tab.getByRole('button', { name: '1. From Fabrikam to Contoso, done' }).count()).toBe(1);
    } finally {
      await session.context.close();
    }
  });

});
