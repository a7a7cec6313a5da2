/**
 * Issue 13: the channel tab at scale. One team of ten people with 2,400 tasks (generated straight into
 * the embedded Cosmos store): GET /api/teams/{id}/line-of-sight answers each list's first page and
 * count, and GET /api/teams/{id}/tasks?strategyId=<id>|unlinked pages the rest — every task exactly
 * once, search narrowing by title — with the line of sight's privacy: a member of the team pages only
 * their own tasks, whatever cursor they send; a Leader of another team, or anyone outside it, gets 404.
 * A generated tenant of this file's own.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { problemSchema, TEAM_LIMITS, teamLineOfSightSchema, teamTaskPageSchema, type TeamTask } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
let org: GeneratedOrganisation;
let teamId: string;
/** A Leader of the second team, and an Employee of it. */
let otherLeaderId: string;
let outsiderId: string;

beforeAll(async () => {
  // Paging every list of the team, several times over, is a burst of requests by one person on purpose.
  api = await startApiTestStack({ rateLimits: { person: 10_000, tenant: 100_000 } });
  org = generateOrganisation({ people: 30, tasks: 2400, strategies: 10, seed: 7, tenantIndex: 61 });
  teamId = org.teams[0]!.id;
  const members = org.people.filter((person) => person.teamId === teamId);
  // Every task belongs to team 0, round the team: a team far larger than one answer.
  org.tasks.forEach((task, index) => (task.ownerId = members[index % members.length]!.id));
  const others = org.people.filter((person) => person.teamId === org.teams[1]!.id);
  others[0]!.roles = ['Employee', 'Leader'];
  otherLeaderId = others[0]!.id;
  outsiderId = others[1]!.id;
  const client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    await writeOrganisation(client, org);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await api?.close();
});

async function tokenFor(userId: string): Promise<string> {
  const person = org.people.find((candidate) => candidate.id === userId);
  return getServices().auth.devTokenIssuer!.issueDevToken({ tenantId: org.tenantId, userId, roles: person?.roles ?? ['Employee'], displayName: person?.displayName });
}

const activeIds = () => org.strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id);
/** The generated tasks of one list, oldest first (the generator's createdAt follows the index). */
function expectedList(list: string, ownerId?: string) {
  const active = activeIds();
  return org.tasks
    .filter((task) => (list === 'unlinked' ? task.strategyId === null || !active.includes(task.strategyId) : task.strategyId === list))
    .filter((task) => ownerId === undefined || task.ownerId === ownerId)
    .map((task) => task.id);
}

async function lineOfSight(userId: string) {
  const response = await api.request('GET', `/api/teams/${teamId}/line-of-sight`, { token: await tokenFor(userId) });
  expect(response.status).toBe(200);
  return teamLineOfSightSchema.parse(response.body);
}

/** Every page of one list from `cursor` on, `limit` at a time. */
async function restOf(userId: string, list: string, cursor: string | null, { q = '', limit = 100 } = {}): Promise<TeamTask[]> {
  const token = await tokenFor(userId);
  const tasks: TeamTask[] = [];
  let next = cursor;
  let first = cursor === null;
  while (first || next !== null) {
    first = false;
    const params = new URLSearchParams({ strategyId: list, q, limit: String(limit) });
    if (next) params.set('cursor', next);
    const response = await api.request('GET', `/api/teams/${teamId}/tasks?${params}`, { token });
    expect(response.status, `${list} ${params}`).toBe(200);
    const page = teamTaskPageSchema.parse(response.body);
    expect(page.tasks.length).toBeLessThanOrEqual(limit);
    tasks.push(...page.tasks);
    next = page.nextCursor;
  }
  return tasks;
}

describe('the channel tab of a team with 2,400 tasks', () => {
  it('answers each list’s first page and count, and pages the rest: every task exactly once (the Leader)', async () => {
    const view = await lineOfSight(org.leaderId);
    const lists = [...view.strategies.map((strategy) => ({ id: strategy.id, first: strategy.tasks, count: strategy.taskCount, cursor: strategy.nextCursor, hidden: strategy.hiddenTasks })),
      { id: 'unlinked', first: view.unlinkedTasks, count: view.unlinkedTaskCount, cursor: view.unlinkedNextCursor, hidden: view.hiddenUnlinkedTasks }];
    expect(lists.length).toBeGreaterThan(2);
    const seen: string[] = [];
    for (const list of lists) {
      const expected = expectedList(list.id);
      expect(list.hidden).toBe(0);
      expect(list.count).toBe(expected.length);
      expect(list.first.map((task) => task.id)).toEqual(expected.slice(0, TEAM_LIMITS.channelTasks));
      expect(list.cursor === null).toBe(expected.length <= TEAM_LIMITS.channelTasks);
      const rest = list.cursor === null ? [] : await restOf(org.leaderId, list.id, list.cursor);
      const ids = [...list.first, ...rest].map((task) => task.id);
      expect(ids).toEqual(expected);
      seen.push(...ids);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(org.tasks.length);
    // The Admin pages the same lists; from the start too, in pages of any size.
    const strategy = view.strategies[0]!.id;
    expect((await restOf(org.adminId, strategy, null, { limit: 7 })).map((task) => task.id)).toEqual(expectedList(strategy));
  });

  it('searches a list by title on the server', async () => {
    const strategy = (await lineOfSight(org.leaderId)).strategies[0]!.id;
    const found = await restOf(org.leaderId, strategy, null, { q: 'TASK 12', limit: 25 });
    const expected = org.tasks.filter((task) => task.strategyId === strategy && task.title.toLowerCase().includes('task 12')).map((task) => task.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((task) => task.id)).toEqual(expected);
    expect((await restOf(org.leaderId, 'unlinked', null, { q: 'no task is called this' })).length).toBe(0);
  });

  it('lets a member of the team see and page only their own tasks, whatever cursor they send', async () => {
    const employee = org.employeeId;
    const view = await lineOfSight(employee);
    const leaders = await lineOfSight(org.leaderId);
    for (const strategy of view.strategies) {
      const own = expectedList(strategy.id, employee);
      expect(strategy.taskCount).toBe(own.length);
      expect(strategy.hiddenTasks).toBe(expectedList(strategy.id).length - own.length);
      const rest = strategy.nextCursor === null ? [] : await restOf(employee, strategy.id, strategy.nextCursor);
      expect([...strategy.tasks, ...rest].map((task) => task.id)).toEqual(own);
      // The Leader's cursor continues the employee's own list, never the Leader's.
      const leaderCursor = leaders.strategies.find((entry) => entry.id === strategy.id)!.nextCursor;
      if (leaderCursor) expect((await restOf(employee, strategy.id, leaderCursor)).every((task) => task.ownerId === employee)).toBe(true);
    }
    const unlinked = await restOf(employee, 'unlinked', null, { limit: 50 });
    expect(unlinked.map((task) => task.id)).toEqual(expectedList('unlinked', employee));
    // Without a list, the team's tasks stay the Leader's and Admins' (403).
    expect((await api.request('GET', `/api/teams/${teamId}/tasks?limit=10`, { token: await tokenFor(employee) })).status).toBe(403);
  });

  it('answers a Leader of another team, and anyone outside the team, with 404', async () => {
    const strategy = (await lineOfSight(org.leaderId)).strategies[0]!.id;
    for (const userId of [otherLeaderId, outsiderId]) {
      for (const list of [strategy, 'unlinked']) {
        const response = await api.request('GET', `/api/teams/${teamId}/tasks?strategyId=${list}`, { token: await tokenFor(userId) });
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      // What they see of the team is counts only: nothing to page.
      const view = await lineOfSight(userId);
      expect(view.strategies.every((entry) => entry.tasks.length === 0 && entry.taskCount === 0 && entry.nextCursor === null)).toBe(true);
      expect(view.unlinkedTaskCount).toBe(0);
    }
  });

  it('answers a list that is not an active strategy, or a bad query, with problem+json', async () => {
    const archived = org.strategies.find((strategy) => strategy.status === 'archived')!.id;
    const cases: [string, string][] = [
      ['strategyId=no-such-strategy', 'strategyId'],
      [`strategyId=${archived}`, 'strategyId'],
      ['strategyId=', 'strategyId'],
      ['strategyId=unlinked&limit=0', 'limit'],
      ['strategyId=unlinked&cursor=not*a*cursor', 'cursor'],
    ];
    for (const [query, path] of cases) {
      const response = await api.request('GET', `/api/teams/${teamId}/tasks?${query}`, { token: await tokenFor(org.leaderId) });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual([path]);
    }
  });
});
