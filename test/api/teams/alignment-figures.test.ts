/**
 * The maintained alignment figures through the real local stack (HTTP, handlers, @azure/cosmos on the
 * embedded store), in a generated tenant of their own: after a random sequence of task creates, edits,
 * re-links, deletes, team re-maps (one and 50 at once), strategy archive/restore, team changes, a
 * directory removal and Planner/To Do writes, the stored figures equal a recount of every task, and
 * insights equal insights computed from every task; concurrent writers lose no increment; the nightly
 * timer repairs injected drift; another tenant's figures are untouched.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf } from '../../../api/src/data/cosmos-client.js';
import { createTaskSourcesRepository } from '../../../api/src/data/task-sources-repository.js';
import { FIGURES_TYPE } from '../../../api/src/data/alignment-figures-repository.js';
import { tallyTasks, type OwnerTallies } from '../../../api/src/domain/alignment-figures.js';
import { computeAlignment } from '../../../api/src/domain/alignment.js';
import { removePerson } from '../../../api/src/directory/users-sync.js';
import { getServices } from '../../../api/src/services.js';
import { TEAM_LIMITS, type Alignment } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { TEST_TODAY } from '../../support/clock.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { everyInsightsPage } from '../support/insights-pages.js';

let api: ApiTestStack;
let org: GeneratedOrganisation;
let client: CosmosClient;

beforeAll(async () => {
  api = await startApiTestStack();
  // ~75 tasks a team of ten: a 50-task re-map fills a whole batch, so its figures follow it (the other path).
  org = generateOrganisation({ people: 40, tasks: 300, strategies: 8, seed: 99, tenantIndex: 31 });
  client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  await writeOrganisation(client, org);
});
afterAll(async () => {
  client?.dispose();
  await api?.close();
});

async function tokenFor(userId: string): Promise<string> {
  const person = org.people.find((candidate) => candidate.id === userId);
  const issuer = getServices().auth.devTokenIssuer!;
  return issuer.issueDevToken({ tenantId: org.tenantId, userId, roles: person?.roles ?? ['Employee'], displayName: person?.displayName });
}

const asObject = (tallies: OwnerTallies) => Object.fromEntries([...tallies].sort(([a], [b]) => a.localeCompare(b)).map(([owner, counts]) => [owner, Object.fromEntries([...counts].sort())]));

async function recount(tenantId: string) {
  return tallyTasks(await getServices().teamTasks.listLinks(tenantId));
}

async function expectFiguresEqualRecount(step: string) {
  const stored = await getServices().alignmentFigures.read(org.tenantId);
  expect(stored.complete, step).toBe(true);
  expect(asObject(stored.tallies), step).toEqual(asObject(await recount(org.tenantId)));
}

/** Lists name tasks in the store's order; every figure and total must match exactly. */
const withoutListedTasks = (alignment: Alignment) => ({ ...alignment, unlinkedTasks: { total: alignment.unlinkedTasks.total, hidden: alignment.unlinkedTasks.hidden, items: alignment.unlinkedTasks.items.length } });

async function expectInsightsEqualFullRecompute(step: string) {
  const services = getServices();
  const [strategies, teams, people, tasks, inactive] = await Promise.all([
    services.strategy.listStrategies(org.tenantId),
    services.teams.list(org.tenantId),
    services.teams.listPeople(org.tenantId),
    services.teamTasks.listLinks(org.tenantId),
    services.teams.listInactivePeopleIds(org.tenantId),
  ]);
  const expected = computeAlignment({ strategies, teams, people, tasks, inactiveOwnerIds: new Set(inactive) }, TEAM_LIMITS.teamInsightItems);
  const { first: insights, teams: pagedTeams } = await everyInsightsPage(api, await tokenFor(org.adminId));
  expect(withoutListedTasks(insights.organisation), step).toEqual(withoutListedTasks(expected.organisation));
  const byTeam = new Map(expected.teams.map((team) => [team.teamId, team]));
  expect(pagedTeams.map((team) => ({ ...team, alignment: withoutListedTasks(team.alignment) })), step).toEqual(
    pagedTeams.map((team) => byTeam.get(team.teamId)).map((team) => team && { ...team, alignment: withoutListedTasks(team.alignment) }),
  );
  expect(pagedTeams.map((team) => team.teamId).sort(), step).toEqual([...byTeam.keys()].sort());
}

/** mulberry32, seeded: the same sequence of operations on every run. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('alignment figures kept up to date', () => {
  it('are built on the first insights read and equal a full recompute after every kind of change', async () => {
    const services = getServices();
    // Contoso's figures, built by its own insights read: nothing this test does may move them.
    expect((await api.request('GET', '/api/insights', { token: await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.grace) })).status).toBe(200);
    const contosoBefore = (await api.storedDocuments('tasks', CONTOSO_IDS.tenant)).filter((doc) => doc.type === FIGURES_TYPE);
    expect(contosoBefore.length).toBeGreaterThan(0);

    // The generated tenant was written straight to the store: its first insights read builds the figures.
    expect((await services.alignmentFigures.read(org.tenantId)).complete).toBe(false);
    await expectInsightsEqualFullRecompute('first read');
    await expectFiguresEqualRecount('first read');

    const random = prng(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const strategyIds = () => org.strategies.map((strategy) => strategy.id);
    const activeIds = async () => (await services.strategy.listStrategies(org.tenantId)).filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id);
    const admin = await tokenFor(org.adminId);
    const link = async () => (random() < 0.25 ? { strategyId: null, howItServes: '' } : { strategyId: pick(await activeIds()), howItServes: 'It moves this strategy forward' });
    const tasksOf = async (ownerId: string) => services.tasks.listForOwner(org.tenantId, ownerId);
    const someone = () => pick(org.people.slice(0, 30));
    const operations: Record<string, () => Promise<void>> = {
      async create() {
        const person = someone();
        const response = await api.request('POST', '/api/me/tasks', { token: await tokenFor(person.id), json: { title: 'A new task', ...(await link()) } });
        expect(response.status).toBe(201);
      },
      async edit() {
        const person = someone();
        const task = (await tasksOf(person.id))[0];
        if (!task) return;
        const changes = random() < 0.3 ? { title: 'Renamed' } : await link();
        const response = await api.request('PATCH', `/api/me/tasks/${task.id}`, { token: await tokenFor(person.id), json: changes, headers: { 'if-match': task.etag } });
        expect([200, 400]).toContain(response.status);
      },
      async delete() {
        const person = someone();
        const task = (await tasksOf(person.id))[0];
        if (!task) return;
        expect((await api.request('DELETE', `/api/me/tasks/${task.id}`, { token: await tokenFor(person.id), headers: { 'if-match': task.etag } })).status).toBe(204);
      },
      async remapMany() {
        const team = pick(org.teams);
        const members = new Set((await services.teams.listMembers(org.tenantId, team.id)).map((person) => person.id));
        const tasks = (await services.teamTasks.listForOwners(org.tenantId, [...members])).slice(0, TEAM_LIMITS.remapTasks);
        if (tasks.length === 0) return;
        const response = await api.request('POST', `/api/teams/${team.id}/tasks/remap`, {
          token: admin,
          json: { tasks: tasks.map((task) => ({ id: task.id, etag: task._etag })), strategyId: pick(await activeIds()), howItServes: 'Moved by a leader' },
        });
        expect(response.status, response.text).toBe(200);
      },
      async archiveOrRestore() {
        const strategy = (await services.strategyEditing.readStrategy(org.tenantId, pick(strategyIds())))!;
        const action = strategy.status === 'active' ? 'archive' : 'restore';
        const active = await activeIds();
        if (action === 'archive' && active.length < 3) return;
        const target = active.find((id) => id !== strategy.id)!;
        const json = action === 'archive' && random() < 0.5 ? { moveTasksTo: { strategyId: target, howItServes: 'Carried over' } } : {};
        const response = await api.request('POST', `/api/strategies/${strategy.id}/${action}`, { token: admin, json, headers: { 'if-match': strategy._etag } });
        expect(response.status).toBe(200);
      },
      async teamChange() {
        const teamId = pick(org.teams).id;
        const team = (await services.teams.list(org.tenantId)).find((candidate) => candidate.id === teamId)!;
        const response = await api.request('PATCH', `/api/teams/${team.id}`, { token: admin, json: { strategyIds: [pick(await activeIds())] }, headers: { 'if-match': team._etag } });
        expect(response.status).toBe(200);
        // Someone moves team, as the directory sync would write it.
        const person = someone();
        await containersOf(client).directory.items.upsert({ ...(await services.directory.getPerson(org.tenantId, person.id)), teamId: pick(org.teams).id });
      },
      async taskSourceSync() {
        const sources = createTaskSourcesRepository(containersOf(client).tasks);
        const person = someone();
        const at = services.now();
        const imported = await sources.importedTasks(org.tenantId, person.id, 'todo');
        const writes = [
          ...imported.slice(0, 1).map((before) => ({ before, action: 'update' as const, document: { ...before, strategyId: pick(strategyIds()), howItServes: 'Linked at the source' } })),
          ...[1, 2].map((n) => ({
            before: undefined,
            action: 'create' as const,
            document: { id: `todo-${person.id}-${at.getTime()}-${n}`, tenantId: org.tenantId, ownerId: person.id, title: 'From To Do', strategyId: null, howItServes: '', createdAt: at.toISOString(), updatedAt: at.toISOString(), source: { kind: 'todo' as const, id: `x${n}-${at.getTime()}`, containerId: 'list', containerName: 'List', webUrl: 'https://to-do.office.com/tasks/', removedAt: null, etag: 'W/"1"' } },
          })),
        ];
        await sources.writeTasks(writes, { id: 'task-source-sync', displayName: 'Sync' }, at);
        const gone = imported[1];
        if (gone) await sources.deleteTask(gone, { id: 'task-source-sync', displayName: 'Sync' }, at);
      },
    };
    const names = Object.keys(operations);
    for (let step = 0; step < 36; step += 1) {
      const name = step < names.length ? names[step]! : pick(names);
      await operations[name]!();
      await expectFiguresEqualRecount(`step ${step}: ${name}`);
    }
    // A directory removal deletes the person's tasks (audited, through the same writes).
    const leaving = org.people[7]!;
    expect((await tasksOf(leaving.id)).length).toBeGreaterThan(0);
    await removePerson({ people: services.people, tasks: services.tasks, now: services.now }, org.tenantId, leaving.id);
    await expectFiguresEqualRecount('directory removal');
    await expectInsightsEqualFullRecompute('after the sequence');

    const contosoAfter = (await api.storedDocuments('tasks', CONTOSO_IDS.tenant)).filter((doc) => doc.type === FIGURES_TYPE);
    expect(contosoAfter.map((doc) => [doc.id, doc._etag])).toEqual(contosoBefore.map((doc) => [doc.id, doc._etag]));
  });

  it('lose no increment under concurrent writers', async () => {
    await getServices().alignmentFigures.readOrRebuild(org.tenantId);
    const people = org.people.slice(0, 12);
    const strategyId = (await getServices().strategy.listStrategies(org.tenantId)).find((strategy) => strategy.status === 'active')!.id;
    await Promise.all(
      people.flatMap((person, index) =>
        [0, 1].map(async (n) => {
          const json = (index + n) % 2 === 0 ? { title: `Concurrent ${n}`, strategyId, howItServes: 'Together' } : { title: `Concurrent ${n}` };
          expect((await api.request('POST', '/api/me/tasks', { token: await tokenFor(person.id), json })).status).toBe(201);
        }),
      ),
    );
    await expectFiguresEqualRecount('24 concurrent creates');
  });

  it('are repaired by the nightly recount when they drifted', async () => {
    const services = getServices();
    const [owner] = org.people;
    await services.alignmentFigures.applyChanges(org.tenantId, [
      { ownerId: owner!.id, strategyKey: org.strategies[1]!.id, by: 5 },
      { ownerId: 'someone-who-never-was', strategyKey: '', by: 2 },
    ]);
    expect(asObject((await services.alignmentFigures.read(org.tenantId)).tallies)).not.toEqual(asObject(await recount(org.tenantId)));
    const timer = api.stack.timers.find((candidate) => candidate.name === 'alignment-figures-timer')!;
    expect(timer.schedule).toBe('0 30 2 * * *');
    await timer.run();
    await expectFiguresEqualRecount('after the nightly recount');
    const shards = (await api.storedDocuments<{ rebuiltAt: string }>('tasks', org.tenantId)).filter((doc) => doc.type === FIGURES_TYPE);
    // Stamped with the API's clock, which the tests start at TEST_TODAY.
    expect(shards.every((shard) => shard.rebuiltAt.startsWith(TEST_TODAY))).toBe(true);
  });
});
