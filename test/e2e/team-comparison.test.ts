/**
 * Issue 11, teams compared, in real Chromium: after a closed pulse, a leader compares teams in a
 * sortable table with charts, sees the team that lives the mission most, and figures for small
 * teams stay hidden. axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { devToken } from './support/onboarding-setup.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
const { people } = CONTOSO_IDS;

async function call(userId: string, method: string, path: string, body?: unknown) {
  const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, userId);
  const response = await fetch(`${env.stack.url}${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: response.status, body: (await response.json()) as { id: string } };
}

beforeAll(async () => {
  env = await startE2eEnvironment();
  const closesAt = new Date(env.now().getTime() + 3 * 86_400_000).toISOString();
  const pulse = await call(people.grace, 'POST', '/api/pulses', { title: 'Mission check', statements: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }], closesAt });
  for (const person of [people.aisha, people.ben, people.chiara, people.jonas, people.nadia, people.daniel, people.elena, people.ines, people.farid, people.grace]) {
    const answers = ['s1', 's2', 's3'].map((statementId) => ({ statementId, value: person === people.elena ? 1 : 5 }));
    expect((await call(person, 'POST', `/api/pulses/${pulse.body.id}/responses`, { answers })).status).toBe(201);
  }
  expect((await call(people.grace, 'POST', `/api/pulses/${pulse.body.id}/close`)).status).toBe(200);
});

afterAll(async () => env?.close());

describe('teams compared', () => {
  it('a leader compares teams: highlights, a sortable table with hidden small-team figures, charts', async () => {
    const session = await openTab(env, people.aisha);
    const { tab, page } = session;
    try {
      await tab.getByRole('tab', { name: 'Teams compared' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 1, name: 'Teams compared' }).count()).toBe(1);
      const table = tab.getByRole('table', { name: 'Teams compared' });
      await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
      await expect.poll(() => table.getByRole('row', { name: /Operations/ }).textContent()).toContain('100%');
      // Customer Success (3 answers) and Platform (2): below the threshold, their pulse figure is hidden.
      await expect.poll(() => table.getByRole('row', { name: /Platform Engineering/ }).textContent()).toContain('—');
      await expect.poll(() => tab.getByRole('region', { name: 'Living the mission most' }).or(tab.locator('section[aria-labelledby="living-the-mission"]')).textContent()).toContain('Operations stands out on');
      await expect.poll(() => tab.locator('svg').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);

      await tab.getByRole('columnheader', { name: 'Team' }).click();
      await expect.poll(() => tab.getByRole('columnheader', { name: 'Team' }).getAttribute('aria-sort')).toBe('descending');
      await expect.poll(async () => (await table.getByRole('row').nth(1).textContent()) ?? '').toContain('Platform Engineering');
      await tab.getByRole('columnheader', { name: 'Team' }).click();
      await expect.poll(async () => (await table.getByRole('row').nth(1).textContent()) ?? '').toContain('Customer Success');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
