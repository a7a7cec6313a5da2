/**
 * Issue 13 in real Chromium: the channel tab's lists that scale. Operations' channel shows each list's
 * first 10 tasks; a longer list is searched and paged on the server ("Load more tasks", by keyboard).
 * Aisha, its Leader, at 360 px with the Teams theme switched live from light to dark to high contrast,
 * axe-clean in each; Ben, an employee of the team, pages only his own tasks and sees the rest counted.
 * The extra tasks and the channel link are this file's own (its own stack).
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { PSEUDO, documentLanguage, overflowsSideways, recordApiStrings, untranslatedTexts } from './support/i18n.js';
import { axeViolations, openTab, startE2eEnvironment, switchTheme, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;
const { tenant, people, teams, strategies } = CONTOSO_IDS;
const two = (n: number) => String(n).padStart(2, '0');
/** The dev host's Operations channel (tabs/dev-host/host-protocol.ts). */
const OPERATIONS_CHANNEL = { teamsTeamId: 'c0c0a000-0000-4000-8000-00000000a001', channelId: '19:contoso-operations-general@thread.tacv2' };

beforeAll(async () => {
  env = await startE2eEnvironment();
  const client = new CosmosClient({ endpoint: env.stack.cosmos.endpoint, key: env.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const containers = containersOf(client);
    const { resource: operations } = await containers.directory.item(teams.operations, tenant).read();
    await containers.directory.items.upsert({ ...operations, channel: OPERATIONS_CHANNEL });
    const at = (n: number) => new Date(Date.UTC(2026, 0, 10, 9, n)).toISOString();
    const task = (id: string, ownerId: string, title: string, n: number) => ({
      id, tenantId: tenant, ownerId, title, strategyId: strategies.onTime, howItServes: 'Keeps the promised window', createdAt: at(n), updatedAt: at(n),
    });
    // On time: 40 more of Aisha's and 12 more of Ben's, 55 in all with the seed's three.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, n) => containers.tasks.items.upsert(task(`channel-task-${two(n)}`, people.aisha, `Channel task ${two(n)}`, n))),
      ...Array.from({ length: 12 }, (_, n) => containers.tasks.items.upsert(task(`ben-task-${two(n)}`, people.ben, `Ben’s rota ${two(n)}`, 40 + n))),
    ]);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await env?.close();
});

async function openChannel(userId: string, options: Parameters<typeof openTab>[2] = {}): Promise<TabSession> {
  const session = await openTab(env, userId, { viewport: { width: 360, height: 800 }, ...options });
  session.context.setDefaultTimeout(10_000);
  await session.page.getByLabel('Tab', { exact: true }).selectOption('channel:operations');
  await expect.poll(() => session.tab.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Every shipment');
  await expect.poll(() => session.tab.locator('.fui-Spinner').count()).toBe(0);
  return session;
}

/** The one list longer than a page: the section holding a search box. */
const pagedList = (session: TabSession) => session.tab.locator('section').filter({ has: session.tab.getByRole('searchbox') }).getByRole('listitem');
const status = (session: TabSession, text: string) => session.tab.getByRole('status').filter({ hasText: text });

describe('the channel tab’s long lists', () => {
  it('the Leader loads more and searches by keyboard: 360 px, light → dark → high contrast', async () => {
    const session = await openChannel(people.aisha);
    const { page, tab } = session;
    try {
      await expect.poll(() => tab.getByRole('searchbox').count()).toBe(1);
      await expect.poll(() => pagedList(session).count()).toBe(10);
      await expect.poll(() => tab.getByText('55 tasks in all').count()).toBe(1);
      await expect.poll(() => status(session, 'Showing the first 10 tasks').count()).toBe(1);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      await switchTheme(page, 'dark');
      await tab.getByRole('button', { name: 'Load more tasks' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => pagedList(session).count()).toBe(35);
      await tab.getByRole('button', { name: 'Load more tasks' }).press('Enter');
      await expect.poll(() => pagedList(session).count()).toBe(55);
      await expect.poll(() => status(session, '55 tasks').count()).toBe(1);
      await expect.poll(() => tab.getByRole('button', { name: 'Load more tasks' }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await switchTheme(page, 'contrast');
      await tab.getByRole('searchbox').focus();
      await page.keyboard.type('channel task 07');
      await expect.poll(() => pagedList(session).allTextContents()).toEqual([expect.stringContaining('Channel task 07')]);
      await expect.poll(() => status(session, '1 task matching “channel task 07”').count()).toBe(1);
      await tab.getByRole('searchbox').fill('nothing like this');
      await expect.poll(() => tab.getByText('No tasks match “nothing like this”.').count()).toBe(1);
      // Clearing the search shows the list from its first page again.
      await tab.getByRole('searchbox').fill('');
      await expect.poll(() => pagedList(session).count()).toBe(25);
      await expect.poll(() => tab.locator('.fui-Spinner').count()).toBe(0);
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('an employee of the team pages only his own tasks and sees his teammates’ counted', async () => {
    const session = await openChannel(people.ben);
    const { page, tab } = session;
    try {
      await expect.poll(() => pagedList(session).count()).toBe(10);
      await expect.poll(() => tab.getByText('13 tasks in all').count()).toBe(1);
      await expect.poll(() => tab.getByText('And 42 tasks by teammates.').count()).toBe(1);
      await tab.getByRole('button', { name: 'Load more tasks' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => pagedList(session).count()).toBe(13);
      const owners = await pagedList(session).locator('.fui-Caption1').allTextContents();
      expect(owners.every((owner) => owner.startsWith('Ben Carter'))).toBe(true);
      await expect.poll(() => tab.getByText(/Channel task/).count()).toBe(0);
      await tab.getByRole('searchbox').fill('channel task');
      await expect.poll(() => tab.getByText('No tasks match “channel task”.').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('says everything of a paged list from the catalogues, and fits 360 px right to left', async () => {
    let apiStrings = new Set<string>();
    const pseudo = await openChannel(people.aisha, { locale: PSEUDO, beforeOpen: (page) => (apiStrings = recordApiStrings(page)) });
    try {
      await expect.poll(() => pagedList(pseudo).count()).toBe(10);
      expect(await untranslatedTexts(pseudo.tab.locator('body'), apiStrings)).toEqual([]);
    } finally {
      await pseudo.context.close();
    }
    const arabic = await openChannel(people.aisha, { locale: 'ar-SA' });
    try {
      await expect.poll(() => pagedList(arabic).count()).toBe(10);
      expect(await documentLanguage(arabic.tab)).toEqual({ lang: 'ar-SA', dir: 'rtl' });
      expect(await overflowsSideways(arabic.tab)).toBe(false);
    } finally {
      await arabic.context.close();
    }
  });
});
