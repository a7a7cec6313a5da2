/**
 * Issue 4 in real Chromium through the local Teams host page: areas by role, a leader's edit
 * reaching an employee's home view, two leaders' conflicting edits resolved without loss,
 * keyboard reordering, the import dry run, and the channel tab set up and shown.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, toastTexts, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => {
  await env?.close();
});

const { aisha, ben, grace } = CONTOSO_IDS.people;

/** The areas the nav offers, by accessible name (Fluent's Tab also renders a hidden copy of its text). */
async function areaNames({ tab }: TabSession): Promise<string[]> {
  const names: string[] = [];
  for (const name of ['Home', 'Strategy', 'Teams', 'Insights']) if ((await tab.getByRole('tab', { name, exact: true }).count()) === 1) names.push(name);
  return names;
}

async function openArea({ tab }: TabSession, name: 'Strategy' | 'Teams' | 'Insights'): Promise<void> {
  await tab.getByRole('tab', { name, exact: true }).click();
  await expect.poll(() => tab.getByRole('heading', { level: 1, name }).count(), { timeout: 10_000 }).toBe(1);
}

describe('leaders keep the strategy map true', () => {
  it('shows an employee only Home and their own Insights, axe-clean', async () => {
    const employee = await openTab(env, ben);
    try {
      await expect.poll(() => employee.tab.getByRole('tab').count()).toBe(6); // Home, My onboarding, Insights, Mission moments, Mission pulse, Your data
      await expect.poll(() => areaNames(employee)).toEqual(['Home', 'Insights']);
      await openArea(employee, 'Insights');
      await expect.poll(() => employee.tab.getByRole('heading', { name: 'My work' }).count()).toBe(1);
      expect(await axeViolations(employee.page)).toEqual([]);
    } finally {
      await employee.context.close();
    }
  });

  // One test per theme: each opens three areas and runs axe on each.
  it.each(['default', 'dark', 'contrast'] as const)('shows leaders Strategy and Teams; every area is axe-clean in the %s theme', async (theme) => {
    const leader = await openTab(env, aisha, { theme });
    try {
      await expect.poll(() => areaNames(leader)).toEqual(['Home', 'Strategy', 'Teams', 'Insights']);
      for (const area of ['Strategy', 'Teams', 'Insights'] as const) {
        await openArea(leader, area);
        await expect.poll(() => leader.tab.locator('[aria-busy="true"], .fui-Spinner').count()).toBe(0);
        expect(await axeViolations(leader.page), `${area} in ${theme}`).toEqual([]);
      }
    } finally {
      await leader.context.close();
    }
  });

  it('fits a phone: the Strategy area has no sideways scrolling at 360 px', async () => {
    const session = await openTab(env, aisha, { viewport: { width: 360, height: 740 } });
    try {
      await openArea(session, 'Strategy');
      await expect.poll(() => session.tab.getByRole('button', { name: 'Add strategy' }).count()).toBe(1);
      await expect.poll(() => session.tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await session.context.close();
    }
  });

  it('a leader edits a strategy, and an employee who serves it sees what changed on their home view', async () => {
    const leader = await openTab(env, aisha);
    const why = 'Our biggest customer now fines us for every missed window.';
    try {
      await openArea(leader, 'Strategy');
      await leader.tab.getByRole('button', { name: 'Edit Deliver inside the promised window' }).click();
      const dialog = leader.tab.getByRole('dialog');
      await dialog.getByLabel('Why it is a focus now').fill(why);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => toastTexts(leader.tab)).toContain('Saved “Deliver inside the promised window”.');
    } finally {
      await leader.context.close();
    }
    const employee = await openTab(env, ben);
    try {
      const note = employee.tab.getByRole('region', { name: 'What changed since your last visit' });
      await expect.poll(() => note.textContent()).toContain('Deliver inside the promised window');
      await expect.poll(() => employee.tab.locator('main').textContent()).toContain(why);
      // A task whose strategy was archived says so, on its owner's home view.
      await expect.poll(() => employee.tab.locator('main').textContent()).toContain('The strategy it served was archived — link it to another.');
    } finally {
      await employee.context.close();
    }
  });

  it('resolves two leaders editing the same strategy at once without losing either change', async () => {
    const first = await openTab(env, aisha);
    const second = await openTab(env, grace);
    const title = 'Cut empty kilometres by 15%';
    try {
      await openArea(first, 'Strategy');
      await openArea(second, 'Strategy');
      await first.tab.getByRole('button', { name: `Edit ${title}` }).click();
      await second.tab.getByRole('button', { name: `Edit ${title}` }).click();

      await second.tab.getByRole('dialog').getByLabel('Measures of success').fill('Empty kilometres under 20% of all kilometres');
      await second.tab.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => second.tab.getByRole('dialog').count()).toBe(0);

      const mine = 'Half our trucks still come back empty from Madrid.';
      await first.tab.getByRole('dialog').getByLabel('Why it is a focus now').fill(mine);
      await first.tab.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      const conflict = first.tab.getByRole('region', { name: 'Someone else changed this' });
      await expect.poll(() => conflict.textContent()).toContain('Grace Lee saved a newer version');
      await conflict.getByRole('button', { name: 'Save my choices' }).click();
      await expect.poll(() => first.tab.getByRole('dialog').count()).toBe(0);

      // Both changes are there: Grace's measure and Aisha's reason.
      await first.tab.getByRole('button', { name: `Edit ${title}` }).click();
      await expect.poll(() => first.tab.getByRole('dialog').getByLabel('Why it is a focus now').inputValue()).toBe(mine);
      await expect.poll(() => first.tab.getByRole('dialog').getByLabel('Measures of success').inputValue()).toContain('under 20%');
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('restores an earlier version from a strategy’s history, and links insights straight to the item to fix', async () => {
    const session = await openTab(env, aisha);
    try {
      await openArea(session, 'Strategy');
      await session.tab.getByRole('button', { name: 'History of Deliver inside the promised window' }).click();
      const drawer = session.tab.getByRole('dialog', { name: /History of Deliver inside the promised window/ });
      await drawer.getByRole('button', { name: 'Restore this version' }).first().click();
      await session.tab.getByRole('alertdialog').getByRole('button', { name: 'Restore this version' }).click();
      await expect.poll(() => toastTexts(session.tab)).toContain('Restored “Deliver inside the promised window”.');

      await openArea(session, 'Insights');
      await session.tab.getByRole('link', { name: 'Renew forklift certification' }).click();
      await expect.poll(() => session.tab.getByRole('heading', { level: 1, name: 'Teams' }).count()).toBe(1);
      await expect.poll(() => session.tab.getByRole('checkbox', { name: 'Select Renew forklift certification' }).count()).toBe(1);
      await session.tab.getByRole('button', { name: 'Link Renew forklift certification' }).click();
      const dialog = session.tab.getByRole('dialog');
      await dialog.getByLabel('Strategy it serves').selectOption({ label: 'Deliver inside the promised window' });
      await dialog.getByLabel('How this serves the strategy').fill('Certified drivers keep the loading slots we promised.');
      await dialog.getByRole('button', { name: 'Save link' }).click();
      await expect.poll(() => toastTexts(session.tab)).toContain('Linked “Renew forklift certification” to “Deliver inside the promised window”.');
    } finally {
      await session.context.close();
    }
  });

  it('reorders strategies by keyboard and says where the strategy went', async () => {
    const session = await openTab(env, aisha);
    try {
      await openArea(session, 'Strategy');
      const headings = session.tab.getByRole('list').first().getByRole('heading', { level: 3 });
      // The area's h1 shows before its strategies have loaded: wait for the list itself.
      await expect.poll(() => headings.count()).toBeGreaterThan(1);
      const before = await headings.allTextContents();
      await session.tab.getByRole('button', { name: `Move ${before[0]} down` }).focus();
      await session.page.keyboard.press('Enter');
      await expect.poll(() => toastTexts(session.tab)).toContain(`Moved “${before[0]}” to position 2`);
      await expect.poll(() => headings.allTextContents()).toEqual([before[1], before[0], ...before.slice(2)]);
    } finally {
      await session.context.close();
    }
  });

  it('previews an import with errors by row and field, and imports only a clean file', async () => {
    const session = await openTab(env, aisha);
    try {
      await openArea(session, 'Strategy');
      const [download] = await Promise.all([
        session.page.waitForEvent('download'),
        session.tab.getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      const exported = readFileSync((await download.path()) ?? '', 'utf8');
      expect(JSON.parse(exported)).toHaveProperty('strategies');

      const pasted = session.tab.getByLabel('Or paste JSON or CSV');
      await pasted.fill('type,title,progress\nstrategy,,sideways\n');
      await session.tab.getByRole('button', { name: 'Preview import' }).click();
      const errors = session.tab.getByRole('table', { name: 'Errors' });
      await expect.poll(() => errors.textContent()).toContain('title');
      await expect.poll(() => session.tab.getByRole('button', { name: 'Import', exact: true }).getAttribute('aria-disabled')).toBe('true');

      await pasted.fill(exported);
      await session.tab.getByRole('button', { name: 'Preview import' }).click();
      await expect.poll(() => session.tab.getByText(/Ready to import/).count()).toBe(1);
      await session.tab.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => toastTexts(session.tab)).toMatch(/Imported: \d+ strateg(y|ies) created/);
    } finally {
      await session.context.close();
    }
  });

  it('sets up a channel tab for a team and shows that team’s line of sight in the channel', async () => {
    const { context, page, tab } = await openTab(env, aisha);
    try {
      await page.getByLabel('Tab', { exact: true }).selectOption('config:operations');
      await expect.poll(() => page.getByTestId('tab-status').textContent(), { timeout: 15_000 }).toContain('success');
      await expect.poll(() => tab.getByLabel('Team').inputValue()).not.toBe('');
      await expect.poll(() => page.getByRole('button', { name: 'Save tab settings' }).isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Save tab settings' }).click();
      await expect.poll(() => page.getByLabel('Tab', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('channel:operations');
      await expect.poll(() => tab.locator('main').textContent(), { timeout: 15_000 }).toContain('Re-plan the Tuesday Porto–Madrid run');
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).textContent()).toContain('Every shipment');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an admin grants Leader in the app, and that person then gets the leader areas', async () => {
    const admin = await openTab(env, grace);
    try {
      await openArea(admin, 'Teams');
      const leaderSwitch = admin.tab.getByRole('switch', { name: 'Leader: Chiara Rossi' });
      await expect.poll(() => leaderSwitch.isChecked()).toBe(false);
      expect(await axeViolations(admin.page)).toEqual([]);
      await leaderSwitch.click();
      await expect.poll(() => toastTexts(admin.tab)).toContain('Granted Leader for Chiara Rossi');
    } finally {
      await admin.context.close();
    }
    const granted = await openTab(env, CONTOSO_IDS.people.chiara);
    try {
      await expect.poll(() => areaNames(granted)).toEqual(['Home', 'Strategy', 'Teams', 'Insights']);
    } finally {
      await granted.context.close();
    }
  });
});
