/**
 * A generated organisation (300 people, 1,500 tasks, 20 strategies) in its own tenant: the insights
 * endpoint and the home view answer with the right figures. The expected figures come from the pure
 * functions over the generated data in memory (tested on their own in test/api/domain), plus a few
 * counted here by hand; what this test proves is the read path: queries, projection, tenant scoping.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAlignment, computePersonAlignment } from '../../../api/src/domain/alignment.js';
import { nameVisibilityFor } from '../../../api/src/domain/name-visibility.js';
import { getServices } from '../../../api/src/services.js';
import { employeeInsightsSchema, lineOfSightSchema, TEAM_LIMITS, type Alignment } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { everyInsightsPage } from '../support/insights-pages.js';

let api: ApiTestStack;
let org: GeneratedOrganisation;

beforeAll(async () => {
  api = await startApiTestStack();
  org = generateOrganisation({ people: 300, tasks: 1500, strategies: 20, seed: 7, tenantIndex: 2 });
  const client = new CosmosClient({
    endpoint: api.stack.cosmos.endpoint,
    key: api.stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  try {
    await writeOrganisation(client, org);
  } finally {
    client.dispose();
  }
});
afterAll(async () => {
  await api?.close();
});

/** Generated people have no dev identity entry; the stack's own dev issuer signs their tokens. */
async function tokenFor(userId: string): Promise<string> {
  const person = org.people.find((candidate) => candidate.id === userId);
  const issuer = getServices().auth.devTokenIssuer;
  if (!person || !issuer) throw new Error('no dev issuer or person');
  return issuer.issueDevToken({ tenantId: org.tenantId, userId, roles: person.roles, displayName: person.displayName });
}

/** Teams as insights pages them: by name, then id, ordinally. */
const byName = <T extends { teamName: string; teamId: string }>(teams: readonly T[]) =>
  [...teams].sort((a, b) => (a.teamName < b.teamName ? -1 : a.teamName > b.teamName ? 1 : a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));

/**
 * Which 50 tasks are listed depends on the order the store returns them in; every other figure,
 * and the totals, must match exactly.
 */
function withoutListedTasks(alignment: Alignment) {
  return { ...alignment, unlinkedTasks: { total: alignment.unlinkedTasks.total, items: alignment.unlinkedTasks.items.length } };
}

describe('a generated organisation of 300 people and 1,500 tasks', () => {
  /** What this person may see by name (their roles and team as generated). */
  function visibilityOf(userId: string) {
    const person = org.people.find((candidate) => candidate.id === userId)!;
    return nameVisibilityFor({ userId, isAdmin: person.roles.includes('Admin'), isLeader: person.roles.includes('Leader'), teamId: person.teamId });
  }

  it('gives leaders and admins the organisation\u2019s and every team\u2019s figures', async () => {
    const activeIds = new Set(org.strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id));
    for (const [userId, teamItemCap] of [[org.leaderId, TEAM_LIMITS.insightItems], [org.adminId, TEAM_LIMITS.teamInsightItems]] as const) {
      const expected = computeAlignment(org, teamItemCap, visibilityOf(userId));
      // Pages of 7 teams: the 30 teams come over 5 pages, each team once, in name order.
      const { first: insights, teams, pages } = await everyInsightsPage(api, await tokenFor(userId), { limit: 7 });
      expect(pages).toBe(Math.ceil(org.teams.length / 7));
      expect(insights.teamCount).toBe(org.teams.length);
      expect(insights.organisation.taskCount).toBe(1500);
      expect(insights.organisation.linkedTaskCount).toBe(org.tasks.filter((task) => task.strategyId && activeIds.has(task.strategyId)).length);
      expect(insights.organisation.perStrategy).toHaveLength(activeIds.size);
      expect(withoutListedTasks(insights.organisation)).toEqual(withoutListedTasks(expected.organisation));
      expect(teams).toHaveLength(org.teams.length);
      expect(teams.map((team) => ({ ...team, alignment: withoutListedTasks(team.alignment) }))).toEqual(
        byName(expected.teams).map((team) => ({ ...team, alignment: withoutListedTasks(team.alignment) })),
      );
      const unlinkedIds = new Set(org.tasks.filter((task) => !task.strategyId || !activeIds.has(task.strategyId)).map((task) => task.id));
      expect(insights.organisation.unlinkedTasks.items.every((item) => unlinkedIds.has(item.id))).toBe(true);
    }
  });

  it('gives an employee only their own figures and their team\u2019s', async () => {
    const response = await api.request('GET', '/api/insights', { token: await tokenFor(org.employeeId) });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('organisation');
    const insights = employeeInsightsSchema.parse(response.body);
    const mine = org.tasks.filter((task) => task.ownerId === org.employeeId);
    expect(insights.me).toEqual(computePersonAlignment(mine, org.strategies));
    const teamId = org.people.find((person) => person.id === org.employeeId)?.teamId;
    const expectedTeam = computeAlignment(org, TEAM_LIMITS.insightItems, visibilityOf(org.employeeId)).teams.find((team) => team.teamId === teamId);
    expect(insights.team && { ...insights.team, alignment: withoutListedTasks(insights.team.alignment) }).toEqual(
      expectedTeam && { ...expectedTeam, alignment: withoutListedTasks(expectedTeam.alignment) },
    );
  });

  it('gives a person without a team their own figures and no team', async () => {
    const loner = org.people.find((person) => person.teamId === null && person.roles.length === 1);
    if (!loner) throw new Error('the generator makes people without a team');
    const insights = employeeInsightsSchema.parse((await api.request('GET', '/api/insights', { token: await tokenFor(loner.id) })).body);
    expect(insights.team).toBeNull();
    expect(insights.me.taskCount).toBe(org.tasks.filter((task) => task.ownerId === loner.id).length);
  });

  it('still answers the home view with the person\u2019s own tasks', async () => {
    const response = await api.request('GET', '/api/me/line-of-sight', { token: await tokenFor(org.employeeId) });
    expect(response.status).toBe(200);
    const home = lineOfSightSchema.parse(response.body);
    const mine = org.tasks.filter((task) => task.ownerId === org.employeeId);
    const shown = home.strategies.flatMap((strategy) => strategy.myTasks).length + home.unlinkedTasks.length;
    expect(shown).toBe(mine.length);
    expect(home.strategies).toHaveLength(org.strategies.filter((strategy) => strategy.status === 'active').length);
  });
});
