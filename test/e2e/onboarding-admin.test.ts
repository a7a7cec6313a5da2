/**
 * Issue 5's leader tools in real Chromium: writing a module (sections added, moved and removed, a
 * knowledge check, the API's field errors, publish) and retrying a dead-lettered Teams notification,
 * which the fake Microsoft Graph then receives. axe-clean in high contrast.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { ONBOARDING_IDS } from '../../api/src/local/seed-onboarding.js';
import { assignedContent, moduleDeepLink } from '../../api/src/notifications/notification-content.js';
import { assignmentIdFor } from '../../api/src/data/onboarding-documents.js';
import { assignedChainKey, assignedIdempotencyKey, chainIdFor, outboxDocumentFor } from '../../api/src/notifications/outbox.js';
import { getServices } from '../../api/src/services.js';
import type { FakeGraph } from '../../api/src/local/fake-m365/fake-graph.js';
import { startE2eEnvironmentWithGraph } from './support/onboarding-setup.js';
import { axeViolations, openTab, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let graph: FakeGraph;
let env: E2eEnvironment;
const { aisha, farid } = CONTOSO_IDS.people;

beforeAll(async () => {
  const started = await startE2eEnvironmentWithGraph();
  env = started;
  graph = started.graph;
});

afterAll(async () => {
  await env?.close();
});

async function openAdmin({ tab }: TabSession, part: 'Modules' | 'Cohorts' | 'Failed notifications'): Promise<void> {
  await tab.getByRole('tab', { name: 'Onboarding admin' }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name: 'Onboarding admin' }).count()).toBe(1);
  await tab.getByRole('tab', { name: part }).click();
}

/** A notification that failed every attempt, as the drain leaves it: dead, with its reason. */
async function deadNotification(topic: string): Promise<void> {
  const assignmentId = 'e2e-dead-assignment';
  const queued = outboxDocumentFor(CONTOSO_IDS.tenant, {
    recipientUserId: farid,
    kind: 'assigned',
    assignmentId,
    idempotencyKey: assignedIdempotencyKey(assignmentId, farid),
    chainKey: assignedChainKey(assignmentId),
    content: assignedContent(topic, '2026-12-20', moduleDeepLink('teams-app-id', assignmentId)),
  }, getServices().now());
  const at = getServices().now().toISOString();
  await getServices().outbox.createMany(CONTOSO_IDS.tenant, [{ ...queued, state: 'dead', attempts: 6, lastError: 'Graph answered 503 Service Unavailable', deadAt: at }]);
}

describe('leaders write modules and look after failed notifications', () => {
  it('a leader writes a module: sections added, moved and removed, a knowledge check, server field errors, publish (high contrast, axe-clean)', async () => {
    const session = await openTab(env, aisha, { theme: 'contrast' });
    session.context.setDefaultTimeout(8_000); // a missing control fails by name, well inside the test's time
    const { tab, page } = session;
    const title = 'Linking your first task, step by step';
    try {
      await openAdmin(session, 'Modules');
      await tab.getByRole('button', { name: 'New module' }).click();
      await tab.getByRole('button', { name: 'Save draft' }).click();
      await expect.poll(() => tab.locator('main').textContent()).toContain('Give the module a title'); // the API's field error, under its field

      await tab.getByRole('textbox', { name: /^Title/ }).fill(title);
      await tab.getByLabel('Section 1 title').fill('Find your strategy');
      await tab.getByLabel('Paragraph', { exact: true }).fill('Every task serves a strategy; find yours on the Home tab.');
      await tab.getByRole('button', { name: 'Add section' }).click();
      await tab.getByLabel('Section 2 title').fill('Scratch section');
      await tab.getByRole('button', { name: 'Move section 2 up' }).click();
      await expect.poll(() => tab.getByLabel('Section 1 title').inputValue()).toBe('Scratch section');
      await tab.getByRole('button', { name: 'Remove section 1', exact: true }).click();
      await expect.poll(() => tab.getByLabel('Section 1 title').inputValue()).toBe('Find your strategy');
      await tab.getByLabel('New block in section 1').selectOption({ label: 'Live strategy map' });
      await tab.getByRole('button', { name: 'Add block' }).click();
      await expect.poll(() => tab.getByText('Block 2: Live strategy map').count()).toBe(1);

      await tab.getByRole('button', { name: 'Add knowledge check' }).click();
      await tab.getByLabel('Question 1', { exact: true }).fill('Where do you link a task to a strategy?');
      await tab.getByLabel('Option 1 of question 1', { exact: true }).fill('On the Home tab');
      await tab.getByLabel('Option 2 of question 1', { exact: true }).fill('By email to your leader');
      await tab.getByLabel('Explanation shown with the right answer to question 1').fill('Each task on Home has “Link to a strategy”.');
      await tab.getByLabel('Why option 2 of question 1 is right or wrong (optional)').fill('Your leader can’t link it for you: the link lives on the task.');
      expect(await axeViolations(page)).toEqual([]);

      // The learner preview, from the unsaved draft: the live strategy map, and a check that says why, not what.
      const writes = await getServices().onboarding.listModules(CONTOSO_IDS.tenant);
      await tab.getByRole('button', { name: 'Preview as a new hire' }).click();
      const preview = tab.getByRole('region', { name: `Learner preview: ${title}` });
      await expect.poll(() => preview.getByRole('list', { name: 'Our strategies' }).textContent()).toContain('Deliver inside the promised window');
      await preview.getByRole('radio', { name: 'By email to your leader' }).check();
      await preview.getByRole('button', { name: 'Check answer' }).click();
      const said = preview.locator('[aria-live="polite"]').filter({ hasText: 'Not right yet.' });
      await expect.poll(() => said.textContent()).toContain('the link lives on the task');
      expect(await said.textContent()).not.toContain('On the Home tab');
      await page.getByLabel('Theme').selectOption('dark');
      expect(await axeViolations(page)).toEqual([]);
      // On a phone the preview fits without sideways scrolling.
      await page.setViewportSize({ width: 360, height: 740 });
      await expect.poll(() => tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await getServices().onboarding.listModules(CONTOSO_IDS.tenant)).toEqual(writes); // nothing recorded
      await tab.getByRole('button', { name: 'Back to editing' }).click();
      await expect.poll(() => tab.getByLabel('Question 1', { exact: true }).inputValue()).toBe('Where do you link a task to a strategy?');
      await page.getByLabel('Theme').selectOption('contrast');

      await tab.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Published' }).textContent()).toContain('Published version 1.');
      await tab.getByRole('button', { name: 'Close' }).click();
      const modules = tab.getByRole('list', { name: 'Onboarding modules' });
      await expect.poll(() => modules.textContent()).toContain(title);
      await expect.poll(() => modules.getByRole('listitem').filter({ hasText: title }).textContent()).toContain('Version 1 published');
      expect(await axeViolations(page)).toEqual([]);

      await tab.getByRole('tab', { name: 'Failed notifications' }).click();
      await expect.poll(() => tab.locator('main').textContent()).toContain('No failed notifications');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('lists a dead-lettered notification with its reason; Retry sends it, and the list empties', async () => {
    const topic = 'How our strategies serve customers';
    await deadNotification(topic);
    const session = await openTab(env, aisha, { theme: 'contrast' });
    const { tab, page } = session;
    try {
      await openAdmin(session, 'Failed notifications');
      const list = tab.getByRole('list', { name: 'Failed notification list' });
      await expect.poll(() => list.textContent()).toContain('Graph answered 503 Service Unavailable');
      expect(await axeViolations(page)).toEqual([]);
      await list.getByRole('button', { name: /^Retry the notification to / }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'again' }).textContent()).toContain('Sending the notification to');
      await expect.poll(() => graph.feed(CONTOSO_IDS.tenant).filter((entry) => entry.userId === farid && entry.templateParameters.moduleTitle === topic).length).toBe(1);
      await expect.poll(() => tab.locator('main').textContent()).toContain('No failed notifications');
    } finally {
      await session.context.close();
    }
  });

  it('pages and searches a big cohort\'s people, and assigning a module twice notifies nobody twice', async () => {
    // The test's own 60 people and cohort, written straight to the store as an import would.
    const services = getServices();
    const tenantId = CONTOSO_IDS.tenant;
    const ids = Array.from({ length: 60 }, (_, index) => `e2e-paged-${String(index).padStart(2, '0')}`);
    for (const id of ids) await services.directory.upsert({ id, tenantId, type: 'person', displayName: `Paged Person ${id.slice(-2)}`, teamId: null, roles: ['Employee'], upn: `${id}@contoso.example` });
    const at = services.now().toISOString();
    await services.onboarding.create({ id: 'e2e-paged-cohort', tenantId, type: 'cohort', name: 'Sixty new hires', description: '', memberIds: ids, createdAt: at, updatedAt: at, createdBy: aisha });

    const session = await openTab(env, aisha);
    const { tab, page } = session;
    try {
      await openAdmin(session, 'Cohorts');
      await tab.getByRole('button', { name: 'Open Sixty new hires' }).click();
      const people = tab.getByRole('list', { name: 'People in Sixty new hires' });
      await expect.poll(() => people.getByRole('listitem').count()).toBe(50);
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toBe('Showing 1–50 of 60');
      await tab.getByRole('button', { name: 'Next people' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toBe('Showing 51–60 of 60');
      await expect.poll(() => people.textContent()).toContain('Paged Person 59');
      await tab.getByLabel('Find a person in this cohort').fill('person 1');
      await tab.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Showing' }).textContent()).toBe('Showing 1–10 of 10 matching “person 1”');
      expect(await axeViolations(page)).toEqual([]);

      const mission = tab.getByRole('checkbox', { name: /^Our mission and why it matters/ });
      await mission.check();
      await tab.getByRole('button', { name: 'Assign' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'Assigned' }).textContent()).toBe('Assigned 1 module: 60 notifications on their way.');
      await mission.check();
      await tab.getByRole('button', { name: 'Assign' }).click();
      await expect.poll(() => tab.getByRole('status').filter({ hasText: 'already' }).textContent()).toBe('1 module was already assigned to this cohort: nobody is notified twice.');
      await services.notifications.settled(tenantId);
      const chainId = chainIdFor(assignedChainKey(assignmentIdFor('e2e-paged-cohort', `${ONBOARDING_IDS.modules.mission}-v1`)));
      await expect.poll(() => graph.feed(tenantId).filter((entry) => entry.chainId === chainId).length).toBe(60);
      expect(graph.feed(tenantId).filter((entry) => ids.includes(entry.userId)).every((entry) => entry.deliveries === 1)).toBe(true);
    } finally {
      await session.context.close();
    }
  });
});
