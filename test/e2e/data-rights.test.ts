/**
 * Issue 14, people's data rights, in real Chromium at 360 px: an Admin schedules the deletion of the
 * organisation's data (a wrong name is refused on the field), an employee sees when it will happen
 * and downloads their own data by keyboard, and the Admin cancels it by keyboard, in light, dark and
 * high-contrast themes switched live, then erases a person who left; axe-clean throughout.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { devToken } from './support/onboarding-setup.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment, type TabSession } from './support/tab-session.js';

let env: E2eEnvironment;
const { people, tenant } = CONTOSO_IDS;
const MOBILE = { width: 360, height: 800 };

beforeAll(async () => {
  env = await startE2eEnvironment();
});

afterAll(async () => env?.close());

async function deletionState(): Promise<string> {
  const token = await devToken(env.stack.url, tenant, people.ben);
  const response = await fetch(`${env.stack.url}/api/tenant/deletion`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await response.json()) as { state: string }).state;
}

async function openYourData(session: TabSession): Promise<void> {
  await session.tab.getByRole('tab', { name: 'Your data' }).click();
  await expect.poll(() => session.tab.getByRole('heading', { level: 1, name: 'Your data' }).count()).toBe(1);
  const overflow = await session.tab.locator('html').evaluate((root) => root.scrollWidth - root.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('your data', () => {
  it('an Admin schedules the deletion, an employee sees it and downloads their data, the Admin cancels it and erases a person', async () => {
    const admin = await openTab(env, people.grace, { viewport: MOBILE });
    try {
      await openYourData(admin);
      const confirmation = admin.tab.getByLabel(/Type “Contoso Logistics” to confirm/);
      await expect.poll(() => confirmation.count()).toBe(1);
      expect(await axeViolations(admin.page)).toEqual([]);

      // A wrong name: refused on the field, nothing scheduled.
      await confirmation.fill('Contoso');
      await confirmation.press('Enter');
      await expect.poll(() => confirmation.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => admin.tab.locator('.fui-Field__validationMessage').first().textContent()).toContain('Type “Contoso Logistics” to confirm');
      expect(await deletionState()).toBe('none');

      // The name, by keyboard: scheduled, with its date.
      await confirmation.fill('Contoso Logistics');
      await confirmation.press('Enter');
      await expect.poll(() => admin.tab.getByRole('status').first().textContent()).toContain('Deletion scheduled');
      await expect.poll(() => admin.tab.getByText(/will be deleted on/).count()).toBe(1);
      expect(await deletionState()).toBe('scheduled');
      expect(await axeViolations(admin.page)).toEqual([]);

      // Ben sees what is coming, and takes his data with him, by keyboard.
      const employee = await openTab(env, people.ben, { viewport: MOBILE });
      try {
        await openYourData(employee);
        await expect.poll(() => employee.tab.getByText(/All of Contoso Logistics’s data in Line of Sight will be deleted on/).count()).toBe(1);
        expect(await employee.tab.getByRole('button', { name: 'Cancel the deletion' }).count()).toBe(0);
        expect(await employee.tab.getByRole('button', { name: 'Export everything' }).count()).toBe(0);
        await employee.tab.getByRole('button', { name: 'Download my data' }).focus();
        const [download] = await Promise.all([employee.page.waitForEvent('download'), employee.page.keyboard.press('Enter')]);
        expect(download.suggestedFilename()).toBe('line-of-sight-my-data.json');
        const file = readFileSync((await download.path()) ?? '', 'utf8');
        const mine = JSON.parse(file) as { person: { id: string; displayName: string } };
        expect(mine.person).toEqual({ id: people.ben, displayName: 'Ben Carter' });
        expect(file).toContain('Renew forklift certification');
        for (const other of ['Grace Lee', 'Aisha Khan', 'Chiara Rossi', people.grace, people.aisha]) expect(file).not.toContain(other);
        await expect.poll(() => employee.tab.getByRole('status').first().textContent()).toContain('Your data is downloaded');
        expect(await axeViolations(employee.page)).toEqual([]);
      } finally {
        await employee.context.close();
      }

      // Dark and high contrast, live; then the Admin cancels by keyboard.
      for (const theme of ['dark', 'contrast'] as const) {
        await admin.page.getByLabel('Theme').selectOption(theme);
        await expect.poll(() => admin.tab.getByRole('button', { name: 'Cancel the deletion' }).count()).toBe(1);
        expect(await axeViolations(admin.page)).toEqual([]);
      }
      await admin.tab.getByRole('button', { name: 'Cancel the deletion' }).focus();
      await admin.page.keyboard.press('Enter');
      await expect.poll(() => admin.tab.getByRole('status').first().textContent()).toContain('The deletion is cancelled');
      await expect.poll(() => admin.tab.getByLabel(/Type “Contoso Logistics” to confirm/).count()).toBe(1);
      expect(await deletionState()).toBe('cancelled');
      expect(await axeViolations(admin.page)).toEqual([]);

      // The Admin erases a person who left: found by name, confirmed in a dialog.
      await admin.tab.getByLabel('Find a person by name').fill('hugo');
      await admin.tab.getByRole('button', { name: 'Erase Hugo Martins’s data' }).click();
      const dialog = admin.tab.getByRole('alertdialog');
      await expect.poll(() => dialog.textContent()).toContain('cannot be undone');
      expect(await axeViolations(admin.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Erase' }).click();
      await expect.poll(() => admin.tab.getByRole('status').first().textContent()).toContain('Hugo Martins’s data is erased');
      const token = await devToken(env.stack.url, tenant, people.grace);
      const list = (await (await fetch(`${env.stack.url}/api/people`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { people: { id: string }[] };
      expect(list.people.map((person) => person.id)).not.toContain(people.hugo);
    } finally {
      await admin.context.close();
    }
  });
});
