/**
 * Issue 13, "honest feedback everywhere", as leaders do it in real Chromium: every action confirms
 * itself in a toast that names it, restoring asks first, the history shows whole texts with a word
 * diff, a conflict names who changed which field and is merged field by field, a bulk re-map clears
 * its selection and says one sentence is used, fix-links lead only where the viewer can act, and the
 * import preview speaks the editor's words. By keyboard, at 360 px, with the theme switched live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, switchTheme, toastTexts, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

const { tenant, people, strategies, teams } = CONTOSO_IDS;

/** Another leader's change through the API, while the browser's leader is editing. */
async function asDaniel(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ status: number; body: unknown }> {
  const token = await fetch(`${env.stack.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: tenant, userId: people.daniel }) });
  const { access_token } = (await token.json()) as { access_token: string };
  const headers: Record<string, string> = { authorization: `Bearer ${access_token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...(ifMatch ? { 'if-match': ifMatch } : {}) };
  const response = await fetch(`${env.stack.url}${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: response.status, body: await response.json() };
}

type MapStrategy = { id: string; etag: string; title: string; why: string; progress: string };
const strategyNow = async (id: string) => ((await asDaniel('GET', '/api/strategy-map')).body as { strategies: MapStrategy[] }).strategies.find((s) => s.id === id)!;

async function openArea({ tab }: TabSession, name: 'Strategy' | 'Teams' | 'Insights'): Promise<void> {
  await tab.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name }).count(), { timeout: 10_000 }).toBe(1);
}

const noSidewaysScroll = (session: TabSession) => session.tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);

describe('leaders get honest feedback', () => {
  it('a conflict names who changed which field and merges field by field; the history shows whole texts; restoring asks; every action is confirmed — themes switched live', async () => {
    const session = await openTab(env, people.aisha);
    const { tab, page } = session;
    const title = 'Cut empty kilometres by 15%';
    try {
      await openArea(session, 'Strategy');
      // By keyboard: the edit button, then the fields.
      await tab.getByRole('button', { name: `Edit ${title}` }).focus();
      await page.keyboard.press('Enter');
      const dialog = tab.getByRole('dialog');
      await dialog.getByLabel('Title').fill('Cut empty kilometres by 20%');
      await dialog.getByLabel('Why it is a focus now').fill('Empty return legs cost us margin.');

      // Meanwhile Daniel changes the same reason and the progress.
      const base = await strategyNow(strategies.emptyKm);
      const theirs = 'Empty return legs cost us margin and carbon, and every tender now asks for emissions per shipment in the bid.';
      expect((await asDaniel('PATCH', `/api/strategies/${strategies.emptyKm}`, { why: theirs, progress: 'off_track' }, base.etag)).status).toBe(200);

      await dialog.getByLabel('Why it is a focus now').press('Tab');
      await dialog.getByRole('button', { name: 'Save' }).click();
      const conflict = tab.getByRole('region', { name: 'Someone else changed this' });
      await expect.poll(() => conflict.textContent()).toContain('Daniel Okafor saved a newer version');
      const why = conflict.getByRole('group', { name: 'Why it is a focus now' });
      await expect.poll(() => why.textContent()).toContain('Theirs — changed by Daniel Okafor');
      await expect.poll(() => conflict.getByRole('group', { name: 'Progress' }).textContent()).toContain('Off track');
      await switchTheme(page, 'dark');
      expect(await axeViolations(page), 'conflict panel, dark').toEqual([]);

      // Keep my title, take their progress (the default for a field only they changed), merge the reason.
      await why.getByRole('radio', { name: 'Merge' }).check();
      const merged = 'Empty return legs cost us margin and carbon; every tender asks for emissions per shipment.';
      await why.getByLabel('Merged Why it is a focus now').fill(merged);
      await conflict.getByRole('button', { name: 'Save my choices' }).click();
      await expect.poll(() => toastTexts(tab)).toContain('Saved “Cut empty kilometres by 20%”.');
      await expect.poll(() => strategyNow(strategies.emptyKm)).toMatchObject({ title: 'Cut empty kilometres by 20%', why: merged, progress: 'off_track' });

      // The history shows the whole reason (well over 80 characters), the words removed and added, and progress in words.
      await tab.getByRole('button', { name: 'History of Cut empty kilometres by 20%' }).click();
      const drawer = tab.getByRole('dialog', { name: /History of Cut empty kilometres by 20%/ });
      const whyChange = drawer.locator('li li').filter({ hasText: 'Why it is a focus now' });
      await expect.poll(() => whyChange.first().locator('ins').allTextContents()).toContainEqual(expect.stringContaining('[added:'));
      await expect.poll(() => whyChange.first().locator('del').allTextContents()).toContainEqual(expect.stringContaining('[removed:'));
      // Read without the removed words, the newest change is the whole merged reason, uncut.
      const withoutRemoved = (element: HTMLElement) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('del, ins > span').forEach((node) => node.remove());
        return copy.textContent;
      };
      await expect.poll(() => whyChange.first().locator('p').evaluate(withoutRemoved)).toBe(merged);
      await expect.poll(() => whyChange.nth(1).locator('p').evaluate(withoutRemoved)).toBe(theirs);
      await expect.poll(() => drawer.textContent()).toContain('Progress: from Not started to Off track');
      expect(await drawer.textContent()).not.toContain('off_track');

      // Restoring asks first; Cancel changes nothing.
      await drawer.getByRole('button', { name: 'Restore this version' }).first().click();
      const ask = tab.getByRole('alertdialog', { name: /Restore Cut empty kilometres by 20%/ });
      await expect.poll(() => ask.textContent()).toContain('What it says now stays in the history');
      await switchTheme(page, 'contrast');
      expect(await axeViolations(page), 'restore question, high contrast').toEqual([]);
      await ask.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => ask.count()).toBe(0);
      await drawer.getByRole('button', { name: 'Restore this version' }).first().click();
      await tab.getByRole('alertdialog').getByRole('button', { name: 'Restore this version' }).click();
      await expect.poll(() => toastTexts(tab)).toMatch(/Restored “Cut empty kilometres by 20%”\.It is back to the version Daniel Okafor saved on/);

      // Archive, then restore from the archived list: asked, then confirmed by name.
      await switchTheme(page, 'default');
      await tab.getByRole('button', { name: 'Archive Tell customers about delays before they ask' }).click();
      await tab.getByRole('dialog').getByRole('radio', { name: /Leave them needing a new link/ }).check();
      await tab.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
      await expect.poll(() => toastTexts(tab)).toContain('Archived “Tell customers about delays before they ask”.');
      await tab.getByRole('button', { name: 'Restore Tell customers about delays before they ask' }).click();
      await tab.getByRole('alertdialog').getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => toastTexts(tab)).toContain('Restored “Tell customers about delays before they ask”.');
      // Copy: counts agree with their nouns.
      await expect.poll(() => tab.locator('main').textContent()).toMatch(/1 team serves it/);
      expect(await tab.locator('main').textContent()).not.toMatch(/\b1 team serve it/);
      expect(await axeViolations(page), 'strategy area with toasts, light').toEqual([]);
    } finally {
      await session.context.close();
    }
  });

  it('at 360 px by keyboard: fix-links lead to the team the leader can act on, a bulk re-map clears its selection, a conflict fits, the import preview speaks the editor’s words', async () => {
    const session = await openTab(env, people.aisha, { viewport: { width: 360, height: 740 } });
    const { tab, page } = session;
    try {
      await openArea(session, 'Insights');
      const teamLinks = tab.locator('main a[href*="#/teams"]');
      await expect.poll(() => teamLinks.count()).toBeGreaterThan(0);
      const hrefs = await teamLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => !href.includes(`team=${teams.operations}`))).toEqual([]);

      await openArea(session, 'Teams');
      await expect.poll(() => tab.getByRole('heading', { name: 'Operations’ tasks' }).count()).toBe(1);
      await tab.getByRole('switch', { name: 'Only tasks that need a link' }).check();
      for (const task of ['Renew forklift certification', 'Plan the summer holiday rota']) {
        await tab.getByRole('checkbox', { name: `Select ${task}` }).focus();
        await page.keyboard.press('Space');
      }
      await tab.getByRole('button', { name: 'Link 2 selected' }).click();
      const dialog = tab.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('is used for all 2 tasks');
      await expect.poll(() => dialog.textContent()).toContain('Each owner other than you gets one Teams notification saying so.');
      await dialog.getByLabel('Strategy it serves').selectOption({ label: 'Deliver inside the promised window' });
      await dialog.getByLabel('How this serves the strategy').fill('Fewer surprises on the dock keep our delivery windows.');
      await dialog.getByRole('button', { name: 'Save link' }).click();
      await expect.poll(() => toastTexts(tab)).toContain('Linked 2 tasks to “Deliver inside the promised window”.');
      expect(await toastTexts(tab)).toContain('Each owner other than you is notified in Teams.');
      await expect.poll(() => tab.getByRole('button', { name: 'Clear selection' }).count()).toBe(0);
      await expect.poll(() => tab.getByRole('button', { name: 'Link selected' }).getAttribute('aria-disabled')).toBe('true');
      await expect.poll(() => tab.getByRole('list', { name: 'The team’s tasks' }).getByRole('checkbox', { checked: true }).count()).toBe(0);
      expect(await noSidewaysScroll(session)).toBeLessThanOrEqual(0);

      await openArea(session, 'Strategy');
      // A conflict on a phone: the panel fits, and taking their version says so.
      const platform = 'Bring Fabrikam customers onto one platform';
      await tab.getByRole('button', { name: `Edit ${platform}` }).click();
      await tab.getByRole('dialog').getByLabel('How it serves customers').fill('One login for every customer.');
      const base = await strategyNow(strategies.onePlatform);
      expect((await asDaniel('PATCH', `/api/strategies/${strategies.onePlatform}`, { customerImpact: 'One place to see every shipment.' }, base.etag)).status).toBe(200);
      await tab.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      const conflict = tab.getByRole('region', { name: 'Someone else changed this' });
      await expect.poll(() => conflict.getByRole('group', { name: 'How it serves customers' }).textContent()).toContain('changed by Daniel Okafor');
      expect(await noSidewaysScroll(session)).toBeLessThanOrEqual(0);
      await conflict.getByRole('button', { name: 'Take all of theirs' }).click();
      await expect.poll(() => toastTexts(tab)).toContain(`Kept the other leader’s version of “${platform}”.`);

      const pasted = tab.getByLabel('Or paste JSON or CSV');
      await pasted.fill('type,title,progress\nstrategy,Grow in Iberia,sideways\n');
      await tab.getByRole('button', { name: 'Preview import' }).click();
      const errors = tab.getByRole('table', { name: 'Errors' });
      await expect.poll(() => errors.textContent()).toContain('Choose Not started, On track, At risk or Off track');
      expect(await errors.textContent()).toContain('Progress');
      expect(await errors.textContent()).not.toMatch(/expected one of|"on_track"/);

      await pasted.fill('type,title,progress,why\nstrategy,Grow in Iberia,On track,New customers in Spain and Portugal\n');
      await tab.getByRole('button', { name: 'Preview import' }).click();
      const changes = tab.getByRole('table', { name: 'Changes' });
      await expect.poll(() => changes.textContent()).toContain('Progress: On track');
      const text = (await changes.textContent()) ?? '';
      expect(text).toContain('Why it is a focus now');
      expect(text).toContain('Status: from Active to Archived'); // the strategies the file leaves out
      expect(text).not.toMatch(/customerImpact|ownerId|— → —|archived/);
      expect(await noSidewaysScroll(session)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), 'import preview at 360 px').toEqual([]);
    } finally {
      await session.context.close();
    }
  });
});
