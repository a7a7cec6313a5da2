/**
 * Issue 13 in real Chromium: lists that scale. An Admin (Grace, Leader of Platform Engineering) at
 * 360 px, by keyboard, searches and pages the team's tasks and People & roles, picks a strategy's
 * owner and a Microsoft 365 group by name, searches the cohorts and a dashboard's people — with the
 * Teams theme switched live from light to dark to high contrast, axe-clean in each. The extra people,
 * tasks, cohorts and group are this file's own (its own stack).
 */
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
const { tenant, people, teams } = CONTOSO_IDS;
const two = (n: number) => String(n).padStart(2, '0');

beforeAll(async () => {
  env = await startE2eEnvironment({ fakeM365: true });
  env.stack.fakeM365!.directory.tenant(tenant)!.groups.set(randomUUID(), { displayName: 'Night shift rota', isTeam: true, members: [] });
  const client = new CosmosClient({ endpoint: env.stack.cosmos.endpoint, key: env.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const containers = containersOf(client);
    const at = (n: number) => new Date(Date.UTC(2026, 0, 10, 9, n)).toISOString();
    await Promise.all([
      ...Array.from({ length: 40 }, (_, n) =>
        containers.directory.items.upsert({ id: `lists-person-${two(n)}`, tenantId: tenant, type: 'person', displayName: `Extra Person ${two(n)}`, teamId: teams.platform, roles: ['Employee'] }),
      ),
      ...Array.from({ length: 30 }, (_, n) =>
        containers.tasks.items.upsert({ id: `lists-task-${two(n)}`, tenantId: tenant, ownerId: people.grace, title: `Rota task ${two(n)}`, strategyId: null, howItServes: '', createdAt: at(n), updatedAt: at(n) }),
      ),
      ...Array.from({ length: 30 }, (_, n) =>
        containers.onboarding.items.upsert({ id: `lists-cohort-${two(n)}`, tenantId: tenant, type: 'cohort', name: `Intake ${two(n)}`, description: '', memberIds: [], createdAt: at(n), updatedAt: at(n), createdBy: people.grace }),
      ),
    ]);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await env?.close();
});

describe('lists that search and page on the server', () => {
  it('an admin searches and pages tasks, people, cohorts and a dashboard, picks an owner and a group by name: 360 px, keyboard, light → dark → high contrast', async () => {
    const session = await openTab(env, people.grace, { viewport: { width: 360, height: 800 } });
    session.context.setDefaultTimeout(10_000);
    const { tab, page } = session;
    const status = (text: string) => tab.getByRole('status').filter({ hasText: text });
    try {
      await tab.getByRole('tab', { name: 'Teams', exact: true }).click();

      // Team tasks: the first page, then "Load more" by keyboard, then a search.
      const tasks = tab.getByRole('list', { name: 'The team’s tasks' });
      await expect.poll(() => status('Showing the first 25 tasks').count(), { timeout: 15_000 }).toBe(1);
      await tab.getByRole('button', { name: 'Load more tasks' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => tasks.getByRole('listitem').count()).toBeGreaterThan(25);
      await tab.getByRole('searchbox', { name: 'Search tasks by title' }).focus();
      await page.keyboard.type('rota task 07');
      await expect.poll(() => tasks.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Rota task 07')]);
      await expect.poll(() => status('1 task matching “rota task 07”').count()).toBe(1);

      // People & roles: 53 people, 25 at a time.
      const everyone = tab.getByRole('list', { name: 'People', exact: true });
      await expect.poll(() => everyone.getByRole('listitem').count()).toBe(25);
      await tab.getByRole('button', { name: 'Load more people' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => everyone.getByRole('listitem').count()).toBe(50);
      await tab.getByRole('searchbox', { name: 'Search people by name' }).focus();
      await page.keyboard.type('extra person 3');
      await expect.poll(() => everyone.getByRole('listitem').count()).toBe(10);
      await expect.poll(() => status('10 people matching “extra person 3”').count()).toBe(1);
      await tab.getByRole('searchbox', { name: 'Search people by name' }).fill('nobody like this');
      await expect.poll(() => tab.getByText('No people match “nobody like this”.').count()).toBe(1);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      // Dark, live: link the team to a group picked by name, by keyboard.
      await page.getByLabel('Theme').selectOption('dark');
      await tab.getByRole('button', { name: 'Link to Microsoft 365' }).click();
      const dialog = tab.getByRole('dialog');
      const groupBox = dialog.getByRole('combobox', { name: 'Microsoft 365 group or team' });
      await groupBox.focus();
      await page.keyboard.type('night');
      await expect.poll(() => tab.getByRole('option', { name: 'Night shift rota (team in Teams)' }).count(), { timeout: 15_000 }).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => groupBox.inputValue()).toBe('Night shift rota');
      await dialog.getByRole('button', { name: 'Link' }).click();
      await expect.poll(() => tab.getByRole('button', { name: 'Unlink from Night shift rota' }).count(), { timeout: 15_000 }).toBe(1);

      // The strategy owner, picked by typing part of a name.
      await tab.getByRole('tab', { name: 'Strategy', exact: true }).click();
      await tab.getByRole('button', { name: 'Edit Deliver inside the promised window' }).click();
      const ownerBox = tab.getByRole('dialog').getByRole('combobox', { name: 'Owner' });
      await ownerBox.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('extra person 17');
      await expect.poll(() => tab.getByRole('option', { name: 'Extra Person 17 (Platform Engineering)' }).count(), { timeout: 15_000 }).toBe(1);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => ownerBox.inputValue()).toBe('Extra Person 17');
      // By keyboard, like the rest of this journey (the local host page's header pushes the framed dialog's foot below a 360 × 800 window).
      await tab.getByRole('dialog').getByRole('button', { name: 'Save' }).press('Enter');
      await expect.poll(() => tab.getByRole('dialog').count(), { timeout: 15_000 }).toBe(0);

      // High contrast, live: cohorts and the dashboard's people.
      await page.getByLabel('Theme').selectOption('contrast');
      await tab.getByRole('tab', { name: 'Onboarding admin' }).click();
      await tab.getByRole('tab', { name: 'Cohorts' }).click();
      const cohorts = tab.getByRole('list', { name: 'Cohort list' });
      await expect.poll(() => cohorts.getByRole('listitem').count(), { timeout: 15_000 }).toBe(25);
      await tab.getByRole('button', { name: 'Load more cohorts' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => cohorts.getByRole('listitem').count()).toBe(31);
      await tab.getByRole('searchbox', { name: 'Search cohorts by name' }).fill('intake 2');
      await expect.poll(() => cohorts.getByRole('listitem').count()).toBe(10);

      await tab.getByRole('tab', { name: 'Dashboard' }).click();
      const cohortBox = tab.getByRole('combobox', { name: 'Cohort', exact: true });
      await cohortBox.fill('fabrikam');
      await tab.getByRole('option', { name: 'Joined from Fabrikam' }).click();
      const dashboardPeople = tab.getByRole('table', { name: 'The cohort’s people' });
      await expect.poll(() => dashboardPeople.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
      await tab.getByRole('searchbox', { name: 'Search the cohort’s people' }).fill('nadia');
      await expect.poll(() => dashboardPeople.getByRole('row').count()).toBe(2);
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
