/**
 * Issue 13 in real Chromium: the insights area no longer receives every team at once. A leader
 * finds a team by name (the server searches and pages the teams), picks it, and sees its figures;
 * the organisation stays one choice away, and the area stays axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

describe('insights: teams found by name', () => {
  it('narrows the teams to those matching the search, shows the one picked, and goes back to the organisation', async () => {
    const session = await openTab(env, CONTOSO_IDS.people.grace);
    const { tab, page } = session;
    try {
      await tab.getByRole('tab', { name: 'Insights', exact: true }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'The organisation: work linked to strategy' }).count(), { timeout: 10_000 }).toBe(1);
      const show = tab.getByRole('combobox', { name: 'Show' });
      const options = () => show.locator('option').allTextContents();
      await expect.poll(options).toEqual(['The whole organisation', 'Customer Success', 'Operations', 'Platform Engineering']);

      const insightsRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/insights')) insightsRequests.push(request.url());
      });
      await tab.getByRole('searchbox').fill('engin');
      await expect.poll(options).toEqual(['The whole organisation', 'Platform Engineering']);
      // The server did the searching: the tab asked for it by name.
      expect(insightsRequests.some((url) => new URL(url).searchParams.get('q') === 'engin')).toBe(true);
      await expect.poll(() => tab.getByRole('status').filter({ hasText: '1 team matching “engin”.' }).count()).toBe(1);

      await show.selectOption({ label: 'Platform Engineering' });
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Platform Engineering: work linked to strategy' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // Another search keeps the team picked on screen and in the list.
      await tab.getByRole('searchbox').fill('no such team');
      await expect.poll(() => tab.getByText('No teams match “no such team”.').count()).toBe(1);
      expect(await options()).toEqual(['The whole organisation', 'Platform Engineering']);
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'Platform Engineering: work linked to strategy' }).count()).toBe(1);

      await show.selectOption({ label: 'The whole organisation' });
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: 'The organisation: work linked to strategy' }).count()).toBe(1);
    } finally {
      await session.context.close();
    }
  });
});
