/**
 * GET /api/insights names only whom the caller may see: an employee nobody but themself, a Leader
 * the team they lead, an Admin everyone. Checked against every string in the response, with the
 * Contoso demo data (read only), so a name or task title cannot slip through in any field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO } from '../../../api/src/local/seed-contoso.js';
import { employeeInsightsSchema, leaderInsightsSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const { people: p, teams: t, tenant } = CONTOSO_IDS;
let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => {
  await api?.close();
});

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The names, ids and task titles of the given people that appear anywhere in the response. */
function leaked(body: unknown, people: readonly { id: string; displayName: string }[]): string[] {
  const strings = stringsIn(body);
  const ids = new Set(people.map((person) => person.id));
  const secrets = [
    ...people.flatMap((person) => [person.id, person.displayName]),
    ...CONTOSO.tasks.filter((task) => ids.has(task.ownerId)).flatMap((task) => [task.id, task.title]),
  ];
  return secrets.filter((secret) => strings.some((text) => text.includes(secret)));
}

async function insightsOf(userId: string) {
  const response = await api.request('GET', '/api/insights', { token: await api.tokenFor(tenant, userId) });
  expect(response.status).toBe(200);
  return response.body;
}

const archived = new Set(CONTOSO.strategies.filter((strategy) => strategy.status === 'archived').map((strategy) => strategy.id));
const unlinkedOf = (teamId: string) => {
  const members = new Set(CONTOSO.people.filter((person) => person.teamId === teamId).map((person) => person.id));
  return CONTOSO.tasks.filter((task) => members.has(task.ownerId) && (task.strategyId === null || archived.has(task.strategyId)));
};

describe('names in insights', () => {
  it('an employee’s insights name nobody else and list no colleague’s task', async () => {
    const body = await insightsOf(p.ben);
    const everyoneElse = CONTOSO.people.filter((person) => person.id !== p.ben);
    expect(leaked(body, everyoneElse)).toEqual([]);

    const insights = employeeInsightsSchema.parse(body);
    const team = insights.team!.alignment;
    // The team's figures are all there, as numbers: Ben's own unlinked tasks named, the others counted.
    const teamUnlinked = unlinkedOf(t.operations);
    const bens = teamUnlinked.filter((task) => task.ownerId === p.ben);
    expect(teamUnlinked.length).toBeGreaterThan(bens.length);
    expect(team.unlinkedTasks.total).toBe(teamUnlinked.length);
    expect(team.unlinkedTasks.items.map((item) => item.id).sort()).toEqual(bens.map((task) => task.id).sort());
    expect(team.unlinkedTasks.hidden).toBe(teamUnlinked.length - bens.length);
    expect(team.peopleWithoutLinkedTask.items.filter((person) => person.id !== p.ben)).toEqual([]);
    expect(team.peopleWithoutLinkedTask.hidden).toBe(team.peopleWithoutLinkedTask.total - team.peopleWithoutLinkedTask.items.length);
  });

  it('a Leader of Operations gets names for Operations and only aggregates for Customer Success', async () => {
    const body = await insightsOf(p.aisha);
    const outside = CONTOSO.people.filter((person) => person.teamId !== t.operations);
    expect(leaked(body, outside)).toEqual([]);

    const insights = leaderInsightsSchema.parse(body);
    const teamOf = (teamId: string) => insights.teams.find((entry) => entry.teamId === teamId)!.alignment;
    const operations = teamOf(t.operations);
    expect(operations.unlinkedTasks.items.map((item) => item.title)).toContain('Renew forklift certification');
    expect(operations.unlinkedTasks).toMatchObject({ total: unlinkedOf(t.operations).length, hidden: 0 });

    const customerSuccess = teamOf(t.customerSuccess);
    expect(customerSuccess.unlinkedTasks.total).toBe(unlinkedOf(t.customerSuccess).length);
    expect(customerSuccess.unlinkedTasks.total).toBeGreaterThan(0);
    expect(customerSuccess.unlinkedTasks).toMatchObject({ items: [], hidden: customerSuccess.unlinkedTasks.total });
    expect(customerSuccess.peopleWithoutLinkedTask).toMatchObject({ items: [], hidden: customerSuccess.peopleWithoutLinkedTask.total });
    // The organisation's lists name Operations' people only, and count everyone.
    expect(insights.organisation.unlinkedTasks.items.every((item) => CONTOSO.people.find((person) => person.id === item.ownerId)?.teamId === t.operations)).toBe(true);
    expect(insights.organisation.unlinkedTasks.total).toBe(insights.organisation.unlinkedTasks.items.length + insights.organisation.unlinkedTasks.hidden);
  });

  it('an Admin gets every name', async () => {
    const insights = leaderInsightsSchema.parse(await insightsOf(p.grace));
    expect(insights.organisation.unlinkedTasks.hidden).toBe(0);
    expect(insights.organisation.peopleWithoutLinkedTask.hidden).toBe(0);
    expect(insights.organisation.unlinkedTasks.items.map((item) => item.ownerName)).toEqual(expect.arrayContaining(['Ben Carter', 'Elena Petrova']));
  });
});
