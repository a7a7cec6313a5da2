import { describe, expect, it } from 'vitest';
import {
  lineOfSightSchema,
  problemSchema,
  remapResultSchema,
  remapStaleSchema,
  TEAM_LIMITS,
  teamTaskListSchema,
  teamTaskSchema,
  type TeamTask,
} from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS } from '../support/api-test-stack.js';
import { teamsTestStack } from './teams-test-stack.js';

const { tenant, people, teams, strategies } = CONTOSO_IDS;
const HOW = 'Fewer surprises on the road keeps deliveries inside their window.';

const stack = teamsTestStack();
// Tokens are filled in before the first test, so they are read as `tokens.x` inside tests, never copied at load.
const { tokens } = stack;

async function teamTasks(token: string, teamId: string): Promise<TeamTask[]> {
  const response = await stack.api.request('GET', `/api/teams/${teamId}/tasks`, { token });
  expect(response.status).toBe(200);
  return teamTaskListSchema.parse(response.body).tasks;
}

const remap = (token: string, teamId: string, json: unknown) => stack.api.request('POST', `/api/teams/${teamId}/tasks/remap`, { token, json });

describe('leader re-mapping', () => {
  it('lists the team\u2019s tasks with owner names and re-maps one task, audited; the owner sees it at home', async () => {
    const tasks = await teamTasks(tokens.aisha, teams.operations);
    expect(new Set(tasks.map((task) => task.ownerName))).toEqual(new Set(['Aisha Khan', 'Ben Carter', 'Chiara Rossi']));
    const forklift = tasks.find((task) => task.title === 'Renew forklift certification');
    if (!forklift) throw new Error('seed task missing');

    const linked = await stack.api.request('PATCH', `/api/teams/${teams.operations}/tasks/${forklift.id}/link`, {
      token: tokens.aisha,
      headers: { 'if-match': forklift.etag },
      json: { strategyId: strategies.onTime, howItServes: HOW },
    });
    expect(linked.status).toBe(200);
    const task = teamTaskSchema.parse(linked.body);
    expect(task).toMatchObject({ id: forklift.id, strategyId: strategies.onTime, howItServes: HOW, ownerName: 'Ben Carter' });
    expect(linked.headers.get('etag')).toBe(task.etag);
    const audits = await stack.stored.auditsOf('tasks', tenant, forklift.id);
    expect(audits).toEqual([expect.objectContaining({ action: 'remap', actor: expect.objectContaining({ id: people.aisha }) })]);
    expect(audits[0]?.before).toMatchObject({ strategyId: null });

    const home = lineOfSightSchema.parse((await stack.api.request('GET', '/api/me/line-of-sight', { token: tokens.ben })).body);
    expect(home.strategies.find((strategy) => strategy.id === strategies.onTime)?.myTasks.map((mine) => mine.id)).toContain(forklift.id);

    const again = await stack.api.request('PATCH', `/api/teams/${teams.operations}/tasks/${forklift.id}/link`, {
      token: tokens.aisha,
      headers: { 'if-match': forklift.etag },
      json: { strategyId: strategies.emptyKm, howItServes: HOW },
    });
    expect(again.status).toBe(412);
    expect(problemSchema.parse(again.body).current).toMatchObject({ id: forklift.id, etag: task.etag });
    expect((await stack.api.request('PATCH', `/api/teams/${teams.operations}/tasks/${forklift.id}/link`, { token: tokens.aisha, json: { strategyId: strategies.onTime, howItServes: HOW } })).status).toBe(428);
  });

  it('re-maps several tasks in one go, with an audit entry per task', async () => {
    const picked = (await teamTasks(tokens.aisha, teams.operations)).slice(0, 3);
    const response = await remap(tokens.aisha, teams.operations, {
      tasks: picked.map(({ id, etag }) => ({ id, etag })),
      strategyId: strategies.emptyKm,
      howItServes: HOW,
    });
    expect(response.status).toBe(200);
    const result = remapResultSchema.parse(response.body);
    expect(result.tasks.map((task) => [task.id, task.strategyId])).toEqual(picked.map((task) => [task.id, strategies.emptyKm]));
    for (const task of picked) {
      expect((await stack.stored.auditsOf('tasks', tenant, task.id)).filter((entry) => entry.action === 'remap').length).toBeGreaterThan(0);
    }
  });

  it('writes nothing when any etag is stale, and answers 412 listing the stale ids', async () => {
    const [first, second, third] = await teamTasks(tokens.aisha, teams.operations);
    if (!first || !second || !third) throw new Error('seed tasks missing');
    const owner = await stack.api.tokenFor(tenant, second.ownerId);
    const edited = await stack.api.request('PATCH', `/api/me/tasks/${second.id}`, { token: owner, headers: { 'if-match': second.etag }, json: { title: 'Changed meanwhile' } });
    expect(edited.status).toBe(200);

    await stack.expectNothingWritten('tasks', async () => {
      const response = await remap(tokens.aisha, teams.operations, {
        tasks: [first, second, third].map(({ id, etag }) => ({ id, etag })),
        strategyId: strategies.proactiveTracking,
        howItServes: HOW,
      });
      expect(response.status).toBe(412);
      const stale = remapStaleSchema.parse(problemSchema.parse(response.body).current);
      expect(stale.staleIds).toEqual([second.id]);
      expect(stale.tasks[0]).toMatchObject({ id: second.id, title: 'Changed meanwhile' });
    });
  });

  it(`refuses more than ${TEAM_LIMITS.remapTasks} tasks per call (400), writing nothing`, async () => {
    const [task] = await teamTasks(tokens.aisha, teams.operations);
    if (!task) throw new Error('seed task missing');
    await stack.expectNothingWritten('tasks', async () => {
      for (const count of [TEAM_LIMITS.remapTasks + 1, 101]) {
        const tasks = Array.from({ length: count }, (_, index) => ({ id: `task-${index}`, etag: task.etag }));
        const response = await remap(tokens.aisha, teams.operations, { tasks, strategyId: strategies.onTime, howItServes: HOW });
        expect(response.status).toBe(400);
        expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual(['tasks']);
      }
    });
  });

  it('refuses employees and other teams\u2019 leaders (403), and hides other teams\u2019 and tenants\u2019 tasks (404)', async () => {
    const [opsTask] = await teamTasks(tokens.aisha, teams.operations);
    const [supportTask] = await teamTasks(tokens.daniel, teams.customerSuccess);
    if (!opsTask || !supportTask) throw new Error('seed tasks missing');
    const body = (task: TeamTask) => ({ tasks: [{ id: task.id, etag: task.etag }], strategyId: strategies.onTime, howItServes: HOW });
    await stack.expectNothingWritten('tasks', async () => {
      expect((await remap(tokens.ben, teams.operations, body(opsTask))).status).toBe(403);
      expect((await remap(tokens.daniel, teams.operations, body(opsTask))).status).toBe(403);
      const link = await stack.api.request('PATCH', `/api/teams/${teams.operations}/tasks/${opsTask.id}/link`, {
        token: tokens.ben,
        headers: { 'if-match': opsTask.etag },
        json: { strategyId: strategies.onTime, howItServes: HOW },
      });
      expect(link.status).toBe(403);
      // Aisha leads Operations: a Customer Success task is not hers to re-map, even through her own team.
      expect((await remap(tokens.aisha, teams.operations, body(supportTask))).status).toBe(404);
      expect((await remap(tokens.marc, teams.operations, body(opsTask))).status).toBe(404);
    });
  });

  it('answers bad input with field paths, writing nothing', async () => {
    const [task] = await teamTasks(tokens.aisha, teams.operations);
    if (!task) throw new Error('seed task missing');
    await stack.expectNothingWritten('tasks', async () => {
      const cases: [unknown, string[]][] = [
        [{ tasks: [{ id: task.id, etag: task.etag }], strategyId: strategies.onTime, howItServes: '' }, ['howItServes']],
        [{ tasks: [{ id: task.id, etag: task.etag }], strategyId: strategies.lyon, howItServes: HOW }, ['strategyId']],
        [{ tasks: [{ id: task.id, etag: task.etag }], strategyId: 'no-such-strategy', howItServes: HOW }, ['strategyId']],
        [{ tasks: [{ id: 'bad id', etag: task.etag }], strategyId: strategies.onTime, howItServes: HOW }, ['tasks.0.id']],
        [{ tasks: [], strategyId: strategies.onTime }, ['howItServes', 'tasks']],
      ];
      for (const [json, paths] of cases) {
        const response = await remap(tokens.aisha, teams.operations, json);
        expect(response.status, JSON.stringify(json)).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(problemSchema.parse(response.body).errors?.map((error) => error.path).sort()).toEqual(paths);
      }
    });
  });
  it('keeps an imported task\u2019s state, due date and Planner link when re-mapping it', async () => {
    const id = 'remap-keeps-imported-task';
    const source = { kind: 'planner', id: 'planner-task-7', containerId: 'plan-1', containerName: 'Dock plan', webUrl: 'https://tasks.office.com/t/7', removedAt: null, etag: 'W/"source-1"' };
    await stack.stored.upsert('tasks', {
      id, tenantId: tenant, ownerId: people.ben, title: 'Check the dock schedule', strategyId: null, howItServes: '',
      createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', completed: true, dueDate: '2026-02-01', source,
    } as { id: string; tenantId: string });
    const picked = (await teamTasks(tokens.aisha, teams.operations)).find((task) => task.id === id);
    if (!picked) throw new Error('imported task not listed');
    const response = await remap(tokens.aisha, teams.operations, { tasks: [{ id, etag: picked.etag }], strategyId: strategies.onTime, howItServes: HOW });
    expect(response.status).toBe(200);
    expect(await stack.stored.read('tasks', tenant, id)).toMatchObject({ strategyId: strategies.onTime, howItServes: HOW, completed: true, dueDate: '2026-02-01', source });
  });
});
