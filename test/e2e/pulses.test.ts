/**
 * Issue 11 in real Chromium through the local Teams host page: a leader opens a mission pulse with
 * the starter set; the fake Graph receives one notification per person; an employee opens that
 * notification's deep link, lands on the questions and answers; the leader closes the pulse and sees
 * results where the teams below the threshold (and any that would reveal them) are hidden. axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { STARTER_STATEMENTS } from '../../api/src/shared/pulse-contracts.js';
import type { FakeGraph } from '../../api/src/local/fake-m365/fake-graph.js';
import { devToken, startE2eEnvironmentWithGraph } from './support/onboarding-setup.js';
import { axeViolations, openTab, type E2eEnvironment } from './support/tab-session.js';

let graph: FakeGraph;
let env: E2eEnvironment;
const { aisha, ben } = CONTOSO_IDS.people;
const TITLE = 'Do we live our mission?';

beforeAll(async () => {
  const started = await startE2eEnvironmentWithGraph();
  env = started;
  graph = started.graph;
});

afterAll(async () => {
  await env?.close();
});

const pulseFeed = () => graph.feed(CONTOSO_IDS.tenant).filter((entry) => entry.activityType === 'pulseOpened' && entry.templateParameters.pulseTitle === TITLE);

/** Colleagues answer through the API, as their own Teams clients would. */
async function answerAs(userId: string, pulseId: string, value: number): Promise<number> {
  const token = await devToken(env.stack.url, CONTOSO_IDS.tenant, userId);
  const answers = STARTER_STATEMENTS.map((_, index) => ({ statementId: `s${index + 1}`, value }));
  const response = await fetch(`${env.stack.url}/api/pulses/${pulseId}/responses`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) });
  return response.status;
}

describe('mission pulse, from a leader’s pulse to results that keep small teams anonymous', () => {
  it('a leader opens a pulse with the starter set; everyone is notified once', async () => {
    const session = await openTab(env, aisha);
    const { tab, page } = session;
    try {
      await tab.getByRole('tab', { name: 'Mission pulse' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 1, name: 'Mission pulse' }).count()).toBe(1);
      await expect.poll(() => tab.getByRole('textbox', { name: 'Statement 1' }).inputValue()).toBe(STARTER_STATEMENTS[0]);
      await tab.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('button', { name: 'Open the pulse and notify people' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'is open' }).count()).toBe(1);
      await expect.poll(() => pulseFeed().length).toBe(13);
      expect(pulseFeed().every((entry) => entry.deliveries === 1)).toBe(true);
    } finally {
      await session.context.close();
    }
  });

  it('an employee opens the notification’s deep link, lands on the questions and answers', async () => {
    const notification = pulseFeed().find((entry) => entry.userId === ben);
    expect(notification?.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    const session = await openTab(env, ben);
    const { tab, page } = session;
    try {
      await page.getByRole('textbox', { name: 'Notification link' }).fill(notification!.webUrl);
      await page.getByRole('button', { name: 'Open notification link' }).click();
      await expect.poll(() => tab.getByRole('heading', { level: 2, name: TITLE }).count(), { timeout: 15_000 }).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      for (const statement of STARTER_STATEMENTS) await tab.getByRole('radiogroup', { name: statement }).getByRole('radio', { name: 'Agree', exact: true }).check();
      await tab.getByRole('textbox', { name: /Anything you want to add/ }).fill('We talk about the promise every morning.');
      await tab.getByRole('button', { name: 'Send my answer' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Your answer is in' }).count()).toBe(1);
      await expect.poll(() => tab.getByRole('region', { name: 'Open for you' }).or(tab.locator('section[aria-labelledby="open-pulses"]')).textContent()).toContain('answered, thank you');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('after close the leader sees results: Operations (5) shown, the two teams of 4 hidden; chart and table side by side', async () => {
    const pulseId = new URL(pulseFeed()[0]!.webUrl).searchParams.get('context')!.match(/pulse:([^:]+):/)![1]!;
    const { people } = CONTOSO_IDS;
    for (const person of [people.aisha, people.chiara, people.jonas, people.nadia, people.daniel, people.elena, people.ines, people.lucia, people.farid, people.grace, people.hugo, people.marco]) {
      expect(await answerAs(person, pulseId, person === people.elena ? 2 : 5)).toBe(201);
    }
    const session = await openTab(env, aisha);
    const { tab, page } = session;
    try {
      await tab.getByRole('tab', { name: 'Mission pulse' }).click();
      await tab.getByRole('button', { name: `Close ${TITLE} now` }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'is closed' }).count()).toBe(1);
      await tab.getByRole('link', { name: `Results of ${TITLE}` }).click();
      const groups = tab.getByRole('table', { name: 'Answers by group' });
      await expect.poll(() => groups.getByRole('row').count(), { timeout: 15_000 }).toBe(5);
      await expect.poll(() => groups.getByRole('row', { name: /Operations/ }).textContent()).toContain('5');
      await expect.poll(() => groups.getByRole('row', { name: /Customer Success/ }).textContent()).toContain('Hidden');
      await expect.poll(() => groups.getByRole('row', { name: /Platform Engineering/ }).textContent()).toContain('Hidden');
      await expect.poll(() => tab.getByRole('table', { name: 'Statements for Whole organisation' }).getByRole('row').count()).toBe(6);
      await expect.poll(() => tab.locator('svg').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await tab.getByRole('combobox', { name: 'Statements for' }).selectOption({ label: 'Customer Success' });
      await expect.poll(() => tab.getByText(/Customer Success: hidden to keep answers anonymous/).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
