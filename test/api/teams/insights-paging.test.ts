/**
 * Issue 13: GET /api/insights at scale. A Leader's or Admin's answer details one page of teams
 * (`?q=&limit=&cursor=`, the shared list query), keyset by name: paging shows every team once, a
 * team added between pages neither repeats nor hides another, search narrows by name, and a Leader
 * still sees names of their own team only. The figures' tallies are kept per instance keyed on the
 * shards' etags, the computed figures for everything read: a task write or a team renamed shows on
 * the very next read, and one tenant's figures never show in another's.
 * Two generated tenants of this file's own.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { leaderInsightsSchema } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { everyInsightsPage } from '../support/insights-pages.js';

let api: ApiTestStack;
let big: GeneratedOrganisation;
let small: GeneratedOrganisation;

beforeAll(async () => {
  // Paging through every team, several times over, is a burst of expensive requests by one person on purpose.
  api = await startApiTestStack({ rateLimits: { personExpensive: 1000, tenantExpensive: 10_000 } });
  // 23 and 6 teams; the same seed, so the two tenants look alike and only their sizes tell them apart.
  big = generateOrganisation({ people: 230, tasks: 900, strategies: 10, seed: 3, tenantIndex: 51 });
  small = generateOrganisation({ people: 60, tasks: 200, strategies: 10, seed: 3, tenantIndex: 52 });
  const client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    for (const org of [big, small]) await writeOrganisation(client, org);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await api?.close();
});

async function tokenFor(org: GeneratedOrganisation, userId: string): Promise<string> {
  const person = org.people.find((candidate) => candidate.id === userId);
  return getServices().auth.devTokenIssuer!.issueDevToken({ tenantId: org.tenantId, userId, roles: person?.roles ?? ['Employee'], displayName: person?.displayName });
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const namesInOrder = (teams: readonly { id: string; name: string }[]) => [...teams].sort((a, b) => ordinal(a.name, b.name) || ordinal(a.id, b.id)).map((team) => team.id);

async function insights(org: GeneratedOrganisation, userId: string, query = '') {
  const response = await api.request('GET', `/api/insights${query}`, { token: await tokenFor(org, userId) });
  expect(response.status).toBe(200);
  return leaderInsightsSchema.parse(response.body);
}

describe('GET /api/insights pages teams', () => {
  it('answers the first 25 teams by name without parameters, and every team once over pages of any size', async () => {
    const first = await insights(big, big.adminId);
    expect(first.teamCount).toBe(big.teams.length);
    expect(first.teams.map((team) => team.teamId)).toEqual(namesInOrder(big.teams).slice(0, 25));
    expect(first.nextCursor).toBeNull();
    for (const limit of [1, 4, 10]) {
      const { teams, pages } = await everyInsightsPage(api, await tokenFor(big, big.adminId), { limit });
      expect(teams.map((team) => team.teamId)).toEqual(namesInOrder(big.teams));
      expect(pages).toBe(Math.ceil(big.teams.length / limit));
    }
  });

  // In the small tenant: the other tests count the big one's teams.
  it('neither repeats nor skips a team when one is added between pages', async () => {
    const token = await tokenFor(small, small.adminId);
    const before = await insights(small, small.adminId, '?limit=2');
    const last = before.teams.at(-1)!;
    // One sorting before the cursor (already passed) and one after it (still to come).
    for (const name of ['Team 0000 (new)', 'Team 9999 (new)']) expect((await api.request('POST', '/api/teams', { token, json: { name } })).status).toBe(201);
    const seen = [...before.teams.map((team) => team.teamName)];
    let cursor = before.nextCursor;
    while (cursor) {
      const page = await insights(small, small.adminId, `?limit=2&cursor=${cursor}`);
      seen.push(...page.teams.map((team) => team.teamName));
      cursor = page.nextCursor;
    }
    expect(seen.filter((name) => name > last.teamName && !name.endsWith('(new)'))).toEqual(small.teams.map((team) => team.name).filter((name) => name > last.teamName).sort(ordinal));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain('Team 9999 (new)');
    expect(seen).not.toContain('Team 0000 (new)');
  });

  it('searches team names, case-insensitively and anywhere in the name', async () => {
    const found = await insights(big, big.adminId, '?q=eam%20001');
    const expected = big.teams.filter((team) => team.name.toLowerCase().includes('eam 001'));
    expect(expected.length).toBeGreaterThan(1);
    expect(found.teamCount).toBe(expected.length);
    expect(found.teams.map((team) => team.teamId)).toEqual(namesInOrder(expected));
    const none = await insights(big, big.adminId, '?q=no%20such%20team');
    expect(none).toMatchObject({ teams: [], teamCount: 0, nextCursor: null });
    // The organisation's figures never depend on the search.
    expect(none.organisation.taskCount).toBe(found.organisation.taskCount);
  });

  it('refuses a bad limit or a cursor it never gave out, naming the parameter', async () => {
    const token = await tokenFor(big, big.leaderId);
    for (const [query, path] of [['?limit=0', 'limit'], ['?limit=101', 'limit'], ['?cursor=not-ours', 'cursor']] as const) {
      const response = await api.request<{ errors?: { path: string }[] }>('GET', `/api/insights${query}`, { token });
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body), query).toContain(path);
    }
  });

  it('names only the Leader’s own team’s people on any page of teams', async () => {
    const leaderTeam = big.people.find((person) => person.id === big.leaderId)!.teamId;
    const { first, teams } = await everyInsightsPage(api, await tokenFor(big, big.leaderId), { limit: 7 });
    expect(teams).toHaveLength(big.teams.length);
    for (const team of teams.filter((entry) => entry.teamId !== leaderTeam)) {
      expect(team.alignment.unlinkedTasks.items, team.teamName).toEqual([]);
      expect(team.alignment.peopleWithoutLinkedTask.items, team.teamName).toEqual([]);
    }
    const members = new Set(big.people.filter((person) => person.teamId === leaderTeam).map((person) => person.id));
    expect(first.organisation.unlinkedTasks.items.every((item) => members.has(item.ownerId) && item.teamId === leaderTeam)).toBe(true);
    expect(first.actionableTeamIds).toEqual([leaderTeam]);
  });
});

describe('GET /api/insights reads the kept figures', () => {
  it('shows a task write on the very next read, and each tenant only its own figures', async () => {
    const read = () => insights(small, small.adminId, '?limit=1');
    const warm = await read();
    expect(warm.organisation.taskCount).toBe(small.tasks.length);
    expect((await read()).organisation).toEqual(warm.organisation);

    // The other tenant, read in between on the same instance, answers its own figures.
    expect((await insights(big, big.adminId, '?limit=1')).organisation.taskCount).toBe(big.tasks.length);

    const owner = small.people.find((person) => person.id === small.employeeId)!;
    const created = await api.request('POST', '/api/me/tasks', { token: await tokenFor(small, owner.id), json: { title: 'Written between two reads' } });
    expect(created.status).toBe(201);
    const after = await read();
    expect(after.organisation.taskCount).toBe(small.tasks.length + 1);
    expect(after.organisation.unlinkedTasks.total).toBe(warm.organisation.unlinkedTasks.total + 1);
    expect((await insights(big, big.adminId, '?limit=1')).organisation.taskCount).toBe(big.tasks.length);
  });

  it('shows a team renamed, with no task written, on the very next read', async () => {
    const token = await tokenFor(small, small.adminId);
    const team = small.teams[3]!;
    const before = await insights(small, small.adminId, `?q=${encodeURIComponent(team.name)}`);
    expect(before.teams.map((entry) => entry.teamName)).toEqual([team.name]);
    const listed = await api.request<{ teams: { id: string; etag: string }[] }>('GET', '/api/teams', { token });
    const etag = listed.body.teams.find((entry) => entry.id === team.id)!.etag;
    expect((await api.request('PATCH', `/api/teams/${team.id}`, { token, headers: { 'if-match': etag }, json: { name: 'Renamed between reads' } })).status).toBe(200);
    const after = await insights(small, small.adminId, '?q=renamed%20between');
    expect(after.teams.map((entry) => [entry.teamId, entry.teamName])).toEqual([[team.id, 'Renamed between reads']]);
    expect((await insights(small, small.adminId, `?q=${encodeURIComponent(team.name)}`)).teams).toEqual([]);
  });
});
