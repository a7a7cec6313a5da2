/**
 * Issue 9, part 4 in real Chromium: a Leader's team linked to a Microsoft 365 group; after the
 * directory sync timer, the Leader's Teams area lists the team's people with where each membership
 * came from — by hand, or from the group — axe-clean. Set up through the API, the fake directory and
 * the timer only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { axeViolations, openTab, startE2eEnvironment, type E2eEnvironment } from './support/tab-session.js';

let env: E2eEnvironment;
const { tenant, people, teams } = CONTOSO_IDS;

beforeAll(async () => {
  env = await startE2eEnvironment({ fakeM365: true });
});
afterAll(async () => {
  await env?.close();
});

async function api<T>(method: string, path: string, userId: string, init: { json?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const token = ((await (await fetch(`${env.stack.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenantId: tenant, userId }) })).json()) as { access_token: string }).access_token;
  const response = await fetch(`${env.stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

describe('a leader sees where their team’s memberships came from', () => {
  it('lists people added by hand and people from the linked group, axe-clean', async () => {
    const directory = env.stack.fakeM365!.directory;
    const newcomer = { id: randomUUID(), displayName: 'Nova Linked', userPrincipalName: 'nova.linked@contoso.example' };
    directory.upsertUser(tenant, newcomer);
    const groupId = randomUUID();
    directory.tenant(tenant)!.groups.set(groupId, { displayName: 'Ops crew', isTeam: false, members: [] });
    directory.setGroupMembers(tenant, groupId, [{ id: newcomer.id, userPrincipalName: newcomer.userPrincipalName }]);
    const { teams: list } = await api<{ teams: { id: string; etag: string }[] }>('GET', '/api/teams', people.aisha);
    const operations = list.find((team) => team.id === teams.operations)!;
    await api('PUT', `/api/teams/${operations.id}/group`, people.aisha, { json: { groupId }, headers: { 'if-match': operations.etag } });
    await env.stack.timers.find((timer) => timer.name === 'directory-sync-timer')!.run();

    const leader = await openTab(env, people.aisha);
    try {
      await leader.tab.getByRole('tab', { name: 'Teams' }).click();
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
