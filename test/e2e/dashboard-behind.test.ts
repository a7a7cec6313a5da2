/**
 * Issue 13 in real Chromium: the dashboard's people behind are searched and paged on the server. A
 * cohort of 60 (this file's own people, in Platform Engineering), 54 of them behind on the mission:
 * an Admin (Grace) at 360 px, by keyboard, loads them a page at a time and searches them, with the
 * Teams theme switched live from light to dark to high contrast, axe-clean in each; a Leader of
 * another team (Aisha) sees them counted, never named.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import { assignmentIdFor, moduleVersionIdFor, progressIdFor } from '../../api/src/data/onboarding-documents.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { ONBOARDING_IDS } from '../../api/src/local/seed-onboarding.js';
import { testDayPlus, TEST_EPOCH } from '../support/clock.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;
const { tenant, people, teams } = CONTOSO_IDS;
const two = (n: number) => String(n).padStart(2, '0');
const COHORT = 'Harbour intake';
const cohortId = 'behind-cohort';
const moduleId = ONBOARDING_IDS.modules.mission;
const members = Array.from({ length: 60 }, (_, n) => `behind-person-${two(n)}`);

beforeAll(async () => {
  env = await startE2eEnvironment();
  const client = new CosmosClient({ endpoint: env.stack.cosmos.endpoint, key: env.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const containers = containersOf(client);
    const at = TEST_EPOCH;
    const versionId = moduleVersionIdFor(moduleId, 1);
    const assignmentId = assignmentIdFor(cohortId, versionId);
    await Promise.all([
      ...members.map((id, n) => containers.directory.items.upsert({ id, tenantId: tenant, type: 'person', displayName: `Behind Person ${two(n)}`, teamId: teams.platform, roles: ['Employee'] })),
      containers.onboarding.items.upsert({ id: cohortId, tenantId: tenant, type: 'cohort', name: COHORT, description: '', memberIds: members, createdAt: at, updatedAt: at, createdBy: people.grace }),
      // Due a week ago: everyone who has not completed it is behind.
      containers.onboarding.items.upsert({
        id: assignmentId, tenantId: tenant, type: 'assignment', cohortId, moduleId, moduleVersionId: versionId, version: 1, moduleTitle: 'Mission',
        dueDate: testDayPlus(-7), startAt: null, audience: 'everyone', recipientIds: members, createdAt: at, createdBy: people.grace,
      }),
      // Every tenth completed it: 54 behind.
      ...members.filter((_, n) => n % 10 === 0).map((userId) =>
        containers.onboarding.items.upsert({
          id: progressIdFor(assignmentId, userId), tenantId: tenant, type: 'progress', assignmentId, cohortId, moduleId, moduleVersionId: versionId, version: 1, userId,
          sectionsDone: [], answers: [], startedAt: at, acknowledgedAt: at, completedAt: at, openedFromNotificationAt: null, updatedAt: at,
        }),
      ),
    ]);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await env?.close();
});

async function openDashboard({ tab }: TabSession): Promise<void> {
  await tab.getByRole('tab', { name: 'Onboarding admin' }).click();
  await tab.getByRole('tab', { name: 'Dashboard' }).click();
  await tab.getByRole('combobox', { name: 'Cohort', exact: true }).fill('harbour');
  await tab.getByRole('option', { name: COHORT, exact: true }).click();
  await tab.getByLabel('Module').selectOption(moduleId);
}

describe('the people behind on a dashboard, searched and paged', () => {
  it('an admin pages and searches the people behind by keyboard at 360 px: light → dark → high contrast, axe-clean', async () => {
    const session = await openTab(env, people.grace, { viewport: { width: 360, height: 800 } });
    session.context.setDefaultTimeout(10_000);
    const { tab, page } = session;
    const behind = tab.getByRole('region', { name: 'People behind' });
    const rows = () => behind.getByRole('table', { name: 'People behind' }).getByRole('row').count();
    const settledAxe = async () => {
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    };
    try {
      await openDashboard(session);
      // The first page (and a header row); the button counts everyone behind, not only the page.
      await expect.poll(rows, { timeout: 15_000 }).toBe(26);
      await expect.poll(() => behind.getByRole('status').textContent()).toBe('Showing the first 25 people; load more to see the rest.');
      expect(await tab.getByRole('button', { name: 'Remind the 54 people behind' }).count()).toBe(1);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      await settledAxe();

      // Dark, live: "Load more" by keyboard, twice, until all 54 are shown.
      await page.getByLabel('Theme').selectOption('dark');
      await behind.getByRole('button', { name: 'Load more people' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(rows).toBe(51);
      await behind.getByRole('button', { name: 'Load more people' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(rows).toBe(55);
      await expect.poll(() => behind.getByRole('status').textContent()).toBe('54 people.');
      expect(await behind.getByRole('button', { name: 'Load more people' }).count()).toBe(0);
      await settledAxe();

      // High contrast, live: a search typed by keyboard narrows the list on the server.
      await page.getByLabel('Theme').selectOption('contrast');
      await behind.getByRole('searchbox', { name: 'Search the people behind' }).focus();
      await page.keyboard.type('person 1');
      // Behind Person 10–19, less Person 10, who completed it.
      await expect.poll(rows).toBe(10);
      await expect.poll(() => behind.getByRole('status').textContent()).toBe('9 people matching “person 1”.');
      await expect.poll(() => behind.getByRole('table', { name: 'People behind' }).textContent()).not.toContain('Behind Person 10');
      await page.keyboard.type('9');
      await expect.poll(rows).toBe(2);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      await settledAxe();
    } finally {
      await session.context.close();
    }
  });

  it('a leader of another team sees the people behind counted, not named', async () => {
    const session = await openTab(env, people.aisha);
    const { tab, page } = session;
    try {
      await openDashboard(session);
      const behind = tab.getByRole('region', { name: 'People behind' });
      await expect.poll(() => behind.textContent(), { timeout: 15_000 }).toContain('54 people behind are not named here: only their team’s leaders see who.');
      expect(await behind.getByRole('table').count()).toBe(0);
      expect(await behind.getByRole('searchbox').count()).toBe(0);
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
