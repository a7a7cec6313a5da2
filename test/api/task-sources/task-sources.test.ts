/**
 * Planner and To Do brought into the line of sight, over real HTTP against the local stack and a
 * loopback fake Graph: consent, bringing in, sync of title / completion / deletion, throttling in
 * the middle of a sync, ownership, write-back with ETags, disconnecting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, SyncOutcome, Task, TaskSourceStatus } from '../../../api/src/shared/contracts.js';
import { CONTOSO, CONTOSO_IDS, FABRIKAM_IDS, startTaskSourcesTestStack, type TaskSourcesTestStack } from './task-sources-test-support.js';

const p = CONTOSO_IDS.people;
let t: TaskSourcesTestStack;

beforeAll(async () => {
  t = await startTaskSourcesTestStack({ taskPageSize: 2 });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const imported = async (personId: string, tenantId: string = CONTOSO) => (await t.tasksOf(tenantId, personId)).filter((task) => task.source);
const sync = async (personId: string) => (await t.as<{ outcomes: SyncOutcome[] }>(CONTOSO, personId, 'POST', '/api/me/task-sources/sync')).body.outcomes;
const byTitle = (tasks: Task[]) => tasks.map((task) => task.title).sort();

describe('consent', () => {
  it('answers a consent_required problem naming what to ask for, and writes nothing, until the person consents', async () => {
    t.givePlan(CONTOSO, p.aisha, 'plan-aisha', ['Check the depot rota']);
    const refused = await t.as<Problem>(CONTOSO, p.aisha, 'GET', '/api/me/task-sources/planner/available');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'consent_required', consent: { scopes: ['Tasks.Read'], source: 'planner' } });
    const importRefused = await t.as<Problem>(CONTOSO, p.aisha, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-aisha'] });
    expect(importRefused.body.code).toBe('consent_required');
    expect(await imported(p.aisha)).toEqual([]);
    const status = await t.as<{ sources: TaskSourceStatus[] }>(CONTOSO, p.aisha, 'GET', '/api/me/task-sources');
    expect(status.body.sources.map((source) => [source.kind, source.consent, source.connected])).toEqual([['planner', 'required', false], ['todo', 'required', false]]);

    t.consent(CONTOSO, p.aisha);
    const available = await t.as<{ containers: { id: string; name: string; tasks: { title: string }[] }[] }>(CONTOSO, p.aisha, 'GET', '/api/me/task-sources/planner/available');
    expect(available.status).toBe(200);
    expect(available.body.containers).toEqual([expect.objectContaining({ id: 'plan-aisha', name: 'Plan plan-aisha', tasks: [expect.objectContaining({ title: 'Check the depot rota' })] })]);
  });
});

describe('bringing tasks in and keeping them in sync', () => {
  it('brings in a whole plan once, then follows title changes, completion and deletion at the source', async () => {
    t.consent(CONTOSO, p.ben);
    const [first, second, third] = t.givePlan(CONTOSO, p.ben, 'plan-ben', ['Review missed windows', 'Draft staffing plan', 'Call the carrier']);
    const result = await t.as<{ imported: number }>(CONTOSO, p.ben, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-ben'] });
    expect(result).toMatchObject({ status: 200, body: { imported: 3 } });
    // Bringing the same plan in again doubles nothing: the source id is the natural key.
    await t.as(CONTOSO, p.ben, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-ben'], tasks: [{ containerId: 'plan-ben', id: first!.id }] });
    expect(byTitle(await imported(p.ben))).toEqual(['Call the carrier', 'Draft staffing plan', 'Review missed windows']);
    expect((await imported(p.ben))[0]!.source).toMatchObject({ kind: 'planner', containerId: 'plan-ben', containerName: 'Plan plan-ben', removedAt: null });

    const work = t.directory.tenant(CONTOSO)!.work;
    work.updatePlannerTask(first!.id, { title: 'Review missed delivery windows' });
    work.updatePlannerTask(second!.id, { percentComplete: 100 });
    work.removePlannerTask(third!.id);
    const [planner] = await sync(p.ben);
    expect(planner).toMatchObject({ kind: 'planner', state: 'done', updated: 2, removedAtSource: 1, created: 0 });

    const tasks = await imported(p.ben);
    expect(tasks).toHaveLength(3);
    expect(tasks.find((task) => task.source!.id === first!.id)?.title).toBe('Review missed delivery windows');
    expect(tasks.find((task) => task.source!.id === second!.id)?.completed).toBe(true);
    // Removed at the source: marked, never deleted silently.
    expect(tasks.find((task) => task.source!.id === third!.id)?.source?.removedAt).toEqual(expect.any(String));
  });

  it('follows a To Do list with delta links: a single task brought in, completed and deleted at the source', async () => {
    t.consent(CONTOSO, p.chiara);
    const [keep, other] = t.giveList(CONTOSO, p.chiara, 'list-chiara', ['Ask carriers for tracking feeds', 'Not brought in']);
    const result = await t.as(CONTOSO, p.chiara, 'POST', '/api/me/task-sources/todo/import', { tasks: [{ containerId: 'list-chiara', id: keep!.id }] });
    expect(result.status).toBe(200);
    await sync(p.chiara);
    expect(byTitle(await imported(p.chiara))).toEqual(['Ask carriers for tracking feeds']);

    const work = t.directory.tenant(CONTOSO)!.work;
    work.updateTodoTask('list-chiara', keep!.id, { status: 'completed' });
    work.updateTodoTask('list-chiara', other!.id, { title: 'Still not brought in' });
    expect((await sync(p.chiara))[1]).toMatchObject({ kind: 'todo', state: 'done', updated: 1, created: 0 });
    expect((await imported(p.chiara))[0]).toMatchObject({ completed: true });

    work.removeTodoTask('list-chiara', keep!.id);
    expect((await sync(p.chiara))[1]).toMatchObject({ removedAtSource: 1 });
    const [gone] = await imported(p.chiara);
    expect(gone!.source!.removedAt).toEqual(expect.any(String));
    // The person unlinks it: it stays as a plain task.
    const unlinked = await t.as<Task>(CONTOSO, p.chiara, 'POST', `/api/me/tasks/${gone!.id}/unlink-source`, undefined, { 'If-Match': gone!.etag });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.source).toBeUndefined();
    expect(await imported(p.chiara)).toEqual([]);
  });

  it('resumes a sync Graph throttled in the middle, doubling nothing', async () => {
    t.consent(CONTOSO, p.daniel);
    const tasks = t.givePlan(CONTOSO, p.daniel, 'plan-daniel', ['One', 'Two', 'Three', 'Four', 'Five']);
    await t.as(CONTOSO, p.daniel, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-daniel'] });
    const work = t.directory.tenant(CONTOSO)!.work;
    for (const task of tasks) work.updatePlannerTask(task.id, { title: `${task.title} (renamed)` });
    // The first page passes, the second is throttled (pages of 2).
    t.graph.inject({ kind: 'throttle', path: '/me/planner/tasks', after: 1, count: 1, retryAfter: '3' });

    const [stopped] = await sync(p.daniel);
    expect(stopped).toMatchObject({ state: 'throttled', retryAfterSeconds: 3, updated: 2 });
    const status = await t.as<{ sources: TaskSourceStatus[] }>(CONTOSO, p.daniel, 'GET', '/api/me/task-sources');
    expect(status.body.sources[0]).toMatchObject({ kind: 'planner', syncPending: true });

    const [resumed] = await sync(p.daniel);
    expect(resumed).toMatchObject({ state: 'done', updated: 3, created: 0, removedAtSource: 0 });
    const after = await imported(p.daniel);
    expect(byTitle(after)).toEqual(['Five (renamed)', 'Four (renamed)', 'One (renamed)', 'Three (renamed)', 'Two (renamed)']);
    expect(new Set(after.map((task) => task.id)).size).toBe(5);
  });

  it('doubles nothing when the same plan is brought in twice at once (two tabs, or a retry racing the first try)', async () => {
    t.consent(CONTOSO, p.nadia);
    t.givePlan(CONTOSO, p.nadia, 'plan-nadia', ['First', 'Second', 'Third']);
    const both = await Promise.all([1, 2].map(() => t.as(CONTOSO, p.nadia, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-nadia'] })));
    expect(both.map((response) => response.status)).toEqual([200, 200]);
    const tasks = await imported(p.nadia);
    expect(byTitle(tasks)).toEqual(['First', 'Second', 'Third']);
    const stored = await t.api.storedDocuments<{ ownerId?: string; source?: unknown }>('tasks', CONTOSO);
    expect(stored.filter((doc) => doc.ownerId === p.nadia && doc.source)).toHaveLength(3);
  });

  it('resumes a throttled To Do delta round from the page it stopped at', async () => {
    t.consent(CONTOSO, p.elena);
    t.giveList(CONTOSO, p.elena, 'list-elena', ['A', 'B', 'C', 'D', 'E']);
    await t.as(CONTOSO, p.elena, 'POST', '/api/me/task-sources/todo/import', { containerIds: ['list-elena'] });
    t.graph.inject({ kind: 'throttle', path: '/list-elena/tasks/delta', after: 1, count: 1 });
    expect((await sync(p.elena))[1]).toMatchObject({ state: 'throttled' });
    t.directory.tenant(CONTOSO)!.work.addTodoTask('list-elena', { id: 'list-elena-new', title: 'F' });
    expect((await sync(p.elena))[1]).toMatchObject({ state: 'done' });
    expect((await sync(p.elena))[1]).toMatchObject({ state: 'done', created: 1 });
    expect(byTitle(await imported(p.elena))).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });
});

describe('the sync timer', () => {
  it('runs every 15 minutes and syncs people whose token is at hand, resuming nothing twice', async () => {
    const timer = t.api.stack.timers.find((candidate) => candidate.name === 'task-sources-sync-timer')!;
    expect([timer.schedule, timer.intervalMs]).toEqual(['0 */15 * * * *', 15 * 60_000]);
    t.consent(CONTOSO, p.lucia);
    const [task] = t.givePlan(CONTOSO, p.lucia, 'plan-lucia', ['Before the timer']);
    await t.as(CONTOSO, p.lucia, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-lucia'] });
    t.directory.tenant(CONTOSO)!.work.updatePlannerTask(task!.id, { title: 'Renamed, synced by the timer', percentComplete: 100 });
    await timer.run();
    expect((await imported(p.lucia))[0]).toMatchObject({ title: 'Renamed, synced by the timer', completed: true });
    await timer.run();
    expect(await imported(p.lucia)).toHaveLength(1);
  });
});

describe('ownership', () => {
  it('answers 404 for another person\'s or another tenant\'s plans, lists and tasks', async () => {
    t.consent(CONTOSO, p.farid);
    t.consent(CONTOSO, p.grace);
    t.consent(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    const [faridTask] = t.giveList(CONTOSO, p.farid, 'list-farid', ['Farid only']);
    t.givePlan(CONTOSO, p.farid, 'plan-farid', ['Farid plan task']);
    await t.as(CONTOSO, p.farid, 'POST', '/api/me/task-sources/todo/import', { containerIds: ['list-farid'] });
    const [mine] = await imported(p.farid);

    for (const [tenantId, personId] of [[CONTOSO, p.grace], [FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc]] as const) {
      expect((await t.as(tenantId, personId, 'POST', '/api/me/task-sources/todo/import', { containerIds: ['list-farid'] })).status).toBe(404);
      expect((await t.as(tenantId, personId, 'POST', '/api/me/task-sources/todo/import', { tasks: [{ containerId: 'list-farid', id: faridTask!.id }] })).status).toBe(404);
      expect((await t.as(tenantId, personId, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-farid'] })).status).toBe(404);
      expect((await t.as(tenantId, personId, 'PATCH', `/api/me/tasks/${mine!.id}`, { completed: true }, { 'If-Match': mine!.etag })).status).toBe(404);
      expect((await t.as(tenantId, personId, 'POST', `/api/me/tasks/${mine!.id}/unlink-source`, undefined, { 'If-Match': mine!.etag })).status).toBe(404);
      expect(await imported(personId, tenantId)).toEqual([]);
    }
    expect(await imported(p.farid)).toEqual([mine]);
  });
});

describe('write-back', () => {
  it('completes the task at the source with its ETag, and on a conflict shows the source\'s version and overwrites nothing', async () => {
    t.consent(CONTOSO, p.hugo);
    const [done, changed] = t.givePlan(CONTOSO, p.hugo, 'plan-hugo', ['Done here', 'Changed there']);
    await t.as(CONTOSO, p.hugo, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-hugo'] });
    const needsConsent = await t.as<Problem>(CONTOSO, p.hugo, 'PUT', '/api/me/task-sources/planner/settings', { writeBack: true });
    expect(needsConsent.body).toMatchObject({ status: 403, code: 'consent_required', consent: { scopes: ['Tasks.ReadWrite'] } });
    t.consent(CONTOSO, p.hugo, ['Tasks.ReadWrite']);
    expect((await t.as<TaskSourceStatus>(CONTOSO, p.hugo, 'PUT', '/api/me/task-sources/planner/settings', { writeBack: true })).body.writeBack).toBe(true);

    const work = t.directory.tenant(CONTOSO)!.work;
    const tasks = await imported(p.hugo);
    const local = tasks.find((task) => task.source!.id === done!.id)!;
    const completed = await t.as<Task>(CONTOSO, p.hugo, 'PATCH', `/api/me/tasks/${local.id}`, { completed: true }, { 'If-Match': local.etag });
    expect(completed).toMatchObject({ status: 200, body: { completed: true } });
    expect(work.plannerTask(done!.id)!.percentComplete).toBe(100);

    work.updatePlannerTask(changed!.id, { title: 'Changed there, meanwhile' });
    const stale = tasks.find((task) => task.source!.id === changed!.id)!;
    const conflict = await t.as<Problem & { current: Task }>(CONTOSO, p.hugo, 'PATCH', `/api/me/tasks/${stale.id}`, { completed: true }, { 'If-Match': stale.etag });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ code: 'source_conflict', current: { title: 'Changed there, meanwhile', completed: false } });
    expect(work.plannerTask(changed!.id)!.percentComplete).toBe(0);
    // With the refreshed version the person can complete it.
    const retried = await t.as<Task>(CONTOSO, p.hugo, 'PATCH', `/api/me/tasks/${stale.id}`, { completed: true }, { 'If-Match': conflict.body.current.etag });
    expect(retried.status).toBe(200);
    expect(work.plannerTask(changed!.id)!.percentComplete).toBe(100);
  });

  it('is off by default: done in Line of Sight changes nothing at the source', async () => {
    t.consent(CONTOSO, p.ines, ['Tasks.Read', 'Tasks.ReadWrite']);
    const [task] = t.giveList(CONTOSO, p.ines, 'list-ines', ['Local only']);
    await t.as(CONTOSO, p.ines, 'POST', '/api/me/task-sources/todo/import', { containerIds: ['list-ines'] });
    const [local] = await imported(p.ines);
    expect((await t.as(CONTOSO, p.ines, 'PATCH', `/api/me/tasks/${local!.id}`, { completed: true }, { 'If-Match': local!.etag })).status).toBe(200);
    expect(t.directory.tenant(CONTOSO)!.work.todoLists.get('list-ines')!.tasks.get(task!.id)!.status).toBe('notStarted');
  });
});

describe('disconnecting', () => {
  it('keeps imported tasks as plain tasks, or removes them, as the person chooses', async () => {
    t.consent(CONTOSO, p.jonas);
    t.givePlan(CONTOSO, p.jonas, 'plan-jonas', ['Keep me']);
    t.giveList(CONTOSO, p.jonas, 'list-jonas', ['Remove me']);
    await t.as(CONTOSO, p.jonas, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-jonas'] });
    await t.as(CONTOSO, p.jonas, 'POST', '/api/me/task-sources/todo/import', { containerIds: ['list-jonas'] });
    const before = (await t.tasksOf(CONTOSO, p.jonas)).length;

    expect((await t.as(CONTOSO, p.jonas, 'POST', '/api/me/task-sources/planner/disconnect', { importedTasks: 'keep' })).body).toMatchObject({ kept: 1, removed: 0 });
    expect((await t.as(CONTOSO, p.jonas, 'POST', '/api/me/task-sources/todo/disconnect', { importedTasks: 'remove' })).body).toMatchObject({ kept: 0, removed: 1 });
    const after = await t.tasksOf(CONTOSO, p.jonas);
    expect(after).toHaveLength(before - 1);
    expect(after.find((task) => task.title === 'Keep me')?.source).toBeUndefined();
    expect(after.some((task) => task.title === 'Remove me')).toBe(false);
    const status = await t.as<{ sources: TaskSourceStatus[] }>(CONTOSO, p.jonas, 'GET', '/api/me/task-sources');
    expect(status.body.sources.every((source) => !source.connected)).toBe(true);
  });
});

describe('leaders\' view', () => {
  it('lists imported tasks in the team\'s tasks with their source, and counts them in insights naming it', async () => {
    t.consent(CONTOSO, p.marco);
    t.givePlan(CONTOSO, p.marco, 'plan-marco', ['Imported and unlinked']);
    await t.as(CONTOSO, p.marco, 'POST', '/api/me/task-sources/planner/import', { containerIds: ['plan-marco'] });
    const [task] = await imported(p.marco);
    const admin = p.grace; // an Admin: sees everyone by name
    const insights = await t.as<{ organisation: { taskCount: number; unlinkedTasks: { items: { id: string; source?: string }[] } } }>(CONTOSO, admin, 'GET', '/api/insights');
    expect(insights.status).toBe(200);
    expect(insights.body.organisation.unlinkedTasks.items.find((item) => item.id === task!.id)).toMatchObject({ source: 'planner' });
    // Grace leads Platform, Marco's team.
    const teamTasks = await t.as<{ tasks: { id: string; source?: string; completed?: boolean }[] }>(CONTOSO, p.grace, 'GET', `/api/teams/${CONTOSO_IDS.teams.platform}/tasks`);
    expect(teamTasks.status).toBe(200);
    expect(teamTasks.body.tasks.find((item) => item.id === task!.id)).toMatchObject({ source: 'planner', completed: false });
  });
});
