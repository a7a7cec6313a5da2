/**
 * The home view leads with my work (issue 13), as an employee uses it in real Chromium: my tasks
 * first under the strategies they serve (each with progress, owner and measures), the vision one
 * glance away, one API request per load, a new task brought into view, and "what changed" that
 * stays until dismissed. Light, dark and high contrast switched live, 360 px, keyboard, axe.
 */
import type { FrameLocator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../api/src/services.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { testDayPlus } from '../support/clock.js';
import { axeViolations, expectThemesFollowTeams, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(async () => {
  await env?.close();
});

/** The API requests the page makes (the host page's own /dev calls are not the tab's). */
function apiRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.context().on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(request);
  });
  return seen;
}

/** Where an element starts, against the height of the tab's own viewport (the frame Teams gives it). */
const topAndViewport = (tab: FrameLocator, selector: string) =>
  tab.locator(selector).first().evaluate((element) => ({ top: element.getBoundingClientRect().top, bottom: element.getBoundingClientRect().bottom, height: window.innerHeight }));

/** A leader's change through the real API, as the Strategy area makes it. */
async function asLeader(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ id?: string; etag?: string }> {
  const token = await fetch(`${env.stack.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: tenant, userId: people.aisha }) });
  const { access_token: bearer } = (await token.json()) as { access_token: string };
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, ...(ifMatch ? { 'if-match': ifMatch } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
  const response = await fetch(`${env.stack.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as { id?: string; etag?: string };
}

describe('the home view leads with my work', () => {
  it('shows my tasks first with where each strategy stands and each task’s status and due date, in one request', async () => {
    // A Planner task of Ben's with a due date, as an import writes it (with its audit entry).
    const due = testDayPlus(14);
    const at = env.now();
    await getServices().taskSources.repository.writeTask(
      {
        id: 'src-home-view-planner', tenantId: tenant, ownerId: people.ben, title: 'Confirm the Porto dock slots with the carrier',
        strategyId: strategies.onTime, howItServes: 'Slots we can keep are windows we can promise.', createdAt: at.toISOString(), updatedAt: at.toISOString(),
        dueDate: due, completed: false,
        source: { kind: 'planner', id: 'home-view-1', containerId: 'plan-1', containerName: 'Iberia routes', webUrl: 'https://tasks.office.com/', removedAt: null, etag: 'W/"1"' },
      },
      undefined, 'import', { id: people.ben, displayName: 'Ben Carter' }, at,
    );

    const { context, page, tab } = await openTab(env, people.ben, { viewport: { width: 1280, height: 800 } });
    try {
      // One load of the home view is one API request: count a fresh load from the start.
      const requests = apiRequests(page);
      await page.reload();
      await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
      const onTime = tab.getByRole('region', { name: 'Deliver inside the promised window' });
      await expect.poll(() => onTime.textContent()).toContain('Confirm the Porto dock slots');
      await page.waitForLoadState('networkidle');
      expect(requests.map((request) => `${request.method()} ${new URL(request.url()).pathname}`)).toEqual(['GET /api/me/line-of-sight']);

      // My work is the first content after the compact header, and my first task is on the first screen.
      const order = await tab.locator('main').evaluate((main) =>
        [...main.children].filter((child) => child.tagName !== 'DIV' || child.childElementCount > 0).map((child) => child.tagName.toLowerCase() + (child.getAttribute('aria-labelledby') ? `#${child.getAttribute('aria-labelledby')}` : '')),
      );
      expect(order.slice(0, 2)).toEqual(['header', 'section#my-work-heading']);
      const first = await topAndViewport(tab, 'main li[id^="task-"]');
      expect(first.top).toBeGreaterThan(0);
      expect(first.bottom).toBeLessThan(first.height);

      // Where each strategy stands, from the strategy editor's fields; and my tasks' status and due date.
      await expect.poll(() => onTime.textContent()).toMatch(/At risk.*Owner: Aisha Khan.*My tasks: 0 of 2 done/);
      expect(await onTime.textContent()).toContain('Measures: On-time delivery rate back to 94% by June · Fewer than 5 missed windows a week per route');
      const planned = onTime.locator('li', { hasText: 'Confirm the Porto dock slots' });
      expect(await planned.textContent()).toMatch(/Open.*Due .*(Mar|3).*From Planner · Iberia routes/);
      expect(await planned.locator('time').getAttribute('datetime')).toBe(due);
      await tab.getByRole('button', { name: 'Mark done Confirm the Porto dock slots with the carrier' }).click();
      await expect.poll(() => onTime.textContent()).toContain('My tasks: 1 of 2 done');
      await expect.poll(() => planned.textContent()).toMatch(/^.*Done.*Due /);
      // Why the strategy matters is one click away, not in the way.
      expect(await onTime.locator('details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);

    } finally {
      await context.close();
    }
  });

  it('keeps the vision one keypress away, and reads well in dark and high contrast switched live', async () => {
    const { context, page, tab } = await openTab(env, people.ben);
    try {
      // The mission, values and differentiator: one click (here, the keyboard) away.
      const toggle = tab.getByRole('button', { name: 'Mission and values' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => tab.getByRole('heading', { name: 'Our mission' }).count()).toBe(0);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => tab.getByRole('heading', { name: 'Our mission' }).isVisible()).toBe(true);

      // Teams switches theme live: the pills and the open header keep their contrast (axe checks it; the
      // light theme is checked by the two tests below).
      await expectThemesFollowTeams(page, tab);
    } finally {
      await context.close();
    }
  });

  it('at 360 px by keyboard: my tasks on the first screen; a new task is scrolled into view, highlighted and focused', async () => {
    // Two changes since Chiara's last visit: the note is there, one line tall on a phone, and my work still on the first screen.
    await asLeader('POST', '/api/strategies', { title: 'Cut idling at the Milan depot', why: 'Fuel and noise.' });
    await asLeader('POST', '/api/strategies', { title: 'Train every driver on the new scanners', why: 'Fewer lost parcels.' });
    const { context, page, tab } = await openTab(env, people.chiara, { viewport: { width: 360, height: 740 } });
    try {
      const note = tab.getByRole('region', { name: 'What changed since your last visit' });
      await expect.poll(() => note.textContent()).toContain('Train every driver on the new scanners');
      expect(await note.locator('li').count()).toBe(1);
      expect(await note.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(1);
      await expect.poll(() => tab.locator('main li[id^="task-"]').count()).toBeGreaterThan(0);
      const first = await topAndViewport(tab, 'main li[id^="task-"]');
      expect(first.top).toBeGreaterThan(0);
      expect(first.top).toBeLessThan(first.height);
      expect(await tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);

      // Add a task for a strategy none of Chiara's work serves yet: it lands far down the page.
      const title = 'Text the Milan customers when a truck leaves late';
      await tab.getByRole('button', { name: 'Add task' }).focus();
      await page.keyboard.press('Enter');
      const dialog = tab.getByRole('dialog');
      await expect.poll(() => tab.getByLabel('Title').evaluate((input) => input === document.activeElement)).toBe(true);
      await page.keyboard.type(title);
      await dialog.getByLabel('Strategy it serves').selectOption({ label: 'Tell customers about delays before they ask' });
      await dialog.getByLabel('How this serves the strategy').fill('They know before they ask.');
      await dialog.getByRole('button', { name: 'Save' }).focus();
      await page.keyboard.press('Enter');

      // Said (status line), shown (scrolled into view, highlighted) and focused, so a screen reader reads it.
      await expect.poll(() => tab.getByRole('status').first().textContent()).toContain(`Added “${title}”`);
      const added = tab.locator('li[data-highlighted]');
      await expect.poll(() => added.textContent()).toContain(title);
      await expect.poll(() => added.evaluate((item) => item === document.activeElement)).toBe(true);
      await expect.poll(async () => {
        const { top, bottom, height } = await topAndViewport(tab, 'li[data-highlighted]');
        return top >= 0 && bottom <= height;
      }).toBe(true);
      expect(await tab.locator('main').evaluate((main) => main.scrollHeight > window.innerHeight)).toBe(true);

      // An edit is brought into view and highlighted the same way.
      const other = 'Move Milan pick-ups before the 7:00 ring-road peak';
      await tab.getByRole('button', { name: `Edit ${other}` }).focus();
      await page.keyboard.press('Enter');
      await tab.getByRole('dialog').getByLabel('Title').fill(`${other} (from Monday)`);
      await tab.getByRole('dialog').getByRole('button', { name: 'Save' }).press('Enter');
      await expect.poll(() => tab.locator('li[data-highlighted]').textContent()).toContain('(from Monday)');
      await expect.poll(() => tab.locator('li[data-highlighted]').evaluate((item) => item === document.activeElement)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps "what changed" (a strategy added, one archived) across tabs until I dismiss it; a new change brings it back', async () => {
    await asLeader('POST', '/api/strategies', { title: 'Pilot night deliveries in Porto', why: 'Empty roads at night.' });
    const trial = await asLeader('POST', '/api/strategies', { title: 'Trial a weekend depot', why: 'Saturday demand.' });
    await asLeader('POST', `/api/strategies/${trial.id}/archive`, undefined, trial.etag);

    const { context, page, tab } = await openTab(env, people.daniel);
    try {
      const note = tab.getByRole('region', { name: 'What changed since your last visit' });
      await expect.poll(() => note.textContent()).toContain('Aisha Khan added the strategy “Pilot night deliveries in Porto”');
      expect(await note.textContent()).toContain('Aisha Khan archived the strategy “Trial a weekend depot”');
      // Three lines of news and still my first task on the first screen (1280 × 900 here).
      const first = await topAndViewport(tab, 'main li[id^="task-"]');
      expect(first.top).toBeLessThan(first.height);

      // Another area and back: still there (loading the home view records nothing).
      await tab.getByRole('tab', { name: 'Insights' }).click();
      await expect.poll(() => note.count()).toBe(0);
      await tab.getByRole('tab', { name: 'Home' }).click();
      await expect.poll(() => note.textContent()).toContain('Pilot night deliveries in Porto');

      // Dismissed by keyboard: the visit is recorded then, and focus goes on to my work.
      const requests = apiRequests(page);
      await note.getByRole('button', { name: 'Dismiss what changed' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => note.count()).toBe(0);
      await expect.poll(() => tab.locator('#my-work-heading').evaluate((heading) => heading === document.activeElement)).toBe(true);
      await expect.poll(() => requests.filter((request) => request.method() === 'POST' && request.url().endsWith('/api/me/visits')).length).toBe(1);
      const visit = requests.find((request) => request.url().endsWith('/api/me/visits'));
      await expect.poll(async () => (await visit?.response())?.status()).toBe(204);

      await page.reload();
      await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
      await expect.poll(() => tab.getByRole('heading', { name: 'My work' }).count()).toBe(1);
      expect(await note.count()).toBe(0);

      // A new change: the note is back, with that change only.
      await asLeader('POST', '/api/strategies', { title: 'Share live ETAs with shops', why: 'Shops plan staff around us.' });
      await page.reload();
      await expect.poll(() => note.textContent(), { timeout: 15_000 }).toContain('added the strategy “Share live ETAs with shops”');
      expect(await note.locator('li').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
