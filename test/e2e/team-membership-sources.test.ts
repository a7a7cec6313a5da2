/**
 * Issue 9, part 4 in real Chromium: a Leader links their team to a Microsoft 365 group in the Teams
 * area; after the directory sync timer, the area lists the team's people with where each membership
 * came from — by hand, or from the group — axe-clean. Set up through the tab, the fake directory and
 * the timer only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, toastTexts, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
const { tenant, people } = CONTOSO_IDS;

beforeAll(async () => {
  env = await startE2eEnvironment({ fakeM365: true });
});
afterAll(async () => {
  await env?.close();
});

describe('a leader links their team to Microsoft 365 and sees where memberships came from', () => {
  it('links Operations to a group in the Teams area; after the sync, lists people by hand and from the group, axe-clean', async () => {
    const directory = env.stack.fakeM365!.directory;
    const newcomer = { id: randomUUID(), displayName: 'Nova Linked', userPrincipalName: 'nova.linked@contoso.example' };
    directory.upsertUser(tenant, newcomer);
    const groupId = randomUUID();
    directory.tenant(tenant)!.groups.set(groupId, { displayName: 'Ops crew', isTeam: false, members: [] });
    directory.setGroupMembers(tenant, groupId, [{ id: newcomer.id, userPrincipalName: newcomer.userPrincipalName }]);

    const linking = await openTab(env, people.aisha);
    try {
      await linking.tab.getByRole('tab', { name: 'Teams', exact: true }).click();
      await linking.tab.getByRole('button', { name: 'Link to Microsoft 365' }).click();
      const dialog = linking.tab.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Link' }).click();
      await expect.poll(() => dialog.textContent()).toContain('Pick a group');
      expect(await axeViolations(linking.page)).toEqual([]);
      // Picked by name (GET /api/groups?q= over the fake Graph's $search), not by pasting its Object ID.
      await dialog.getByRole('combobox', { name: 'Microsoft 365 group or team' }).fill('ops cr');
      await linking.tab.getByRole('option', { name: 'Ops crew (Microsoft 365 group)' }).click();
      await dialog.getByRole('button', { name: 'Link' }).click();
      await expect.poll(() => toastTexts(linking.tab), { timeout: 15_000 }).toContain('Linked Operations');
      await expect.poll(() => linking.tab.getByRole('button', { name: 'Unlink from Ops crew' }).count()).toBe(1);
    } finally {
      await linking.context.close();
    }
    await env.stack.timers.find((timer) => timer.name === 'directory-sync-timer')!.run();

    const leader = await openTab(env, people.aisha);
    try {
      await leader.tab.getByRole('tab', { name: 'Teams', exact: true }).click();
      const list = leader.tab.getByRole('list', { name: 'People in Operations' });
      await expect.poll(() => list.getByRole('listitem').filter({ hasText: 'Nova Linked' }).textContent(), { timeout: 15_000 }).toContain('From the Microsoft 365 group Ops crew');
      await expect.poll(() => list.getByRole('listitem').filter({ hasText: 'Ben Carter' }).textContent()).toContain('Added by hand');
      await expect.poll(() => leader.tab.getByText('Linked to the Microsoft 365 group Ops crew', { exact: false }).count()).toBe(1);
      await expect.poll(() => leader.tab.locator('[aria-busy="true"], .fui-Spinner').count()).toBe(0);
      expect(await axeViolations(leader.page)).toEqual([]);
    } finally {
      await leader.context.close();
    }
  });
});
