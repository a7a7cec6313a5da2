import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema, taskListSchema, taskSchema, type Task } from '../../../api/src/shared/contracts.js';
import { z } from 'zod/mini';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
let ben: string;
beforeAll(async () => {
  api = await startApiTestStack();
  ben = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
});
afterAll(async () => {
  await api?.close();
});

async function createTask(token: string, input: Record<string, unknown>): Promise<Task> {
  const response = await api.request('POST', '/api/me/tasks', { token, json: input });
  expect(response.status).toBe(201);
  return taskSchema.parse(response.body);
}

describe('task CRUD', () => {
  it('creates, lists, updates and deletes the caller\u2019s task', async () => {
    const created = await createTask(ben, {
      title: '  Check tyre pressure on the Madrid trucks  ',
      strategyId: CONTOSO_IDS.strategies.onTime,
      howItServes: 'No roadside stops, so the Madrid loads stay inside their window.',
    });
    expect(created).toMatchObject({ title: 'Check tyre pressure on the Madrid trucks', strategyId: CONTOSO_IDS.strategies.onTime });
    expect((await api.storedTasks(CONTOSO_IDS.tenant)).get(created.id)?.ownerId).toBe(CONTOSO_IDS.people.ben);

    const list = taskListSchema.parse((await api.request('GET', '/api/me/tasks', { token: ben })).body);
    expect(list.tasks.map((task) => task.id)).toContain(created.id);

    const patched = await api.request('PATCH', `/api/me/tasks/${created.id}`, {
      token: ben,
      headers: { 'if-match': created.etag },
      json: { strategyId: null },
    });
    expect(patched.status).toBe(200);
    const updated = taskSchema.parse(patched.body);
    expect(updated).toMatchObject({ id: created.id, strategyId: null, title: created.title });
    expect(updated.etag).not.toBe(created.etag);
    expect(patched.headers.get('etag')).toBe(updated.etag);

    const home = (await api.request<{ unlinkedTasks: Task[] }>('GET', '/api/me/line-of-sight', { token: ben })).body;
    expect(home.unlinkedTasks.map((task) => task.id)).toContain(created.id);

    const deleted = await api.request('DELETE', `/api/me/tasks/${created.id}`, { token: ben, headers: { 'if-match': updated.etag } });
    expect(deleted.status).toBe(204);
    expect((await api.storedTasks(CONTOSO_IDS.tenant)).has(created.id)).toBe(false);
    expect((await api.request('DELETE', `/api/me/tasks/${created.id}`, { token: ben })).status).toBe(404);
  });

  it('answers a stale PATCH with 412 and the current task, and loses no update', async () => {
    const task = await createTask(ben, { title: 'Draft the depot safety briefing' });
    const first = await api.request('PATCH', `/api/me/tasks/${task.id}`, {
      token: ben,
      headers: { 'if-match': task.etag },
      json: { title: 'Draft the depot safety briefing for December' },
    });
    expect(first.status).toBe(200);

    // A second tab still holds the old etag.
    const stale = await api.request('PATCH', `/api/me/tasks/${task.id}`, {
      token: ben,
      headers: { 'if-match': task.etag },
      json: { title: 'Overwrite from an old tab' },
    });
    expect(stale.status).toBe(412);
    const problem = z.required(problemSchema, { current: true }).parse(stale.body);
    expect(problem.code).toBe('precondition_failed');
    expect(problem.current).toEqual(taskSchema.parse(first.body));
    expect((await api.storedTasks(CONTOSO_IDS.tenant)).get(task.id)?.title).toBe('Draft the depot safety briefing for December');
  });

  it('lets exactly one of two concurrent PATCHes with the same etag win', async () => {
    const task = await createTask(ben, { title: 'Count the spare pallets' });
    const edit = (title: string) =>
      api.request('PATCH', `/api/me/tasks/${task.id}`, { token: ben, headers: { 'if-match': task.etag }, json: { title } });
    const responses = await Promise.all([edit('Count the spare pallets in Porto'), edit('Count the spare pallets in Madrid')]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412]);
    const winner = taskSchema.parse(responses.find((response) => response.status === 200)?.body);
    expect((await api.storedTasks(CONTOSO_IDS.tenant)).get(task.id)).toMatchObject({ title: winner.title, etag: winner.etag });
  });

  it('answers a stale DELETE with 412 and keeps the task', async () => {
    const task = await createTask(ben, { title: 'Book the trailer inspection' });
    const changed = taskSchema.parse(
      (await api.request('PATCH', `/api/me/tasks/${task.id}`, { token: ben, headers: { 'if-match': task.etag }, json: { title: 'Book both trailer inspections' } })).body,
    );
    const stale = await api.request('DELETE', `/api/me/tasks/${task.id}`, { token: ben, headers: { 'if-match': task.etag } });
    expect(stale.status).toBe(412);
    expect(z.required(problemSchema, { current: true }).parse(stale.body).current.etag).toBe(changed.etag);
    expect((await api.storedTasks(CONTOSO_IDS.tenant)).get(task.id)?.etag).toBe(changed.etag);
  });

  it('requires If-Match on PATCH (428) and writes nothing without it', async () => {
    const task = await createTask(ben, { title: 'Sort the lost-and-found shelf' });
    const before = await api.storedTasks(CONTOSO_IDS.tenant);
    const response = await api.request('PATCH', `/api/me/tasks/${task.id}`, { token: ben, json: { title: 'Changed' } });
    expect(response.status).toBe(428);
    expect(problemSchema.parse(response.body).code).toBe('precondition_required');
    expect(await api.storedTasks(CONTOSO_IDS.tenant)).toEqual(before);
  });
});

describe('isolation between people and tenants', () => {
  const chiarasTask = 'c0a70004-0000-4000-8000-000000000009';
  const sofiasTask = 'fab00004-0000-4000-8000-000000000001';

  it('answers 404 for a colleague\u2019s task in the same tenant, and changes nothing', async () => {
    const before = await api.storedTasks(CONTOSO_IDS.tenant);
    const etag = before.get(chiarasTask)?.etag ?? '';
    const patch = await api.request('PATCH', `/api/me/tasks/${chiarasTask}`, { token: ben, headers: { 'if-match': etag }, json: { title: 'Mine now' } });
    const remove = await api.request('DELETE', `/api/me/tasks/${chiarasTask}`, { token: ben, headers: { 'if-match': etag } });
    expect([patch.status, remove.status]).toEqual([404, 404]);
    expect(problemSchema.parse(patch.body).code).toBe('not_found');
    expect(await api.storedTasks(CONTOSO_IDS.tenant)).toEqual(before);
  });

  it('answers 404 for another tenant\u2019s task, and changes nothing there', async () => {
    const before = await api.storedTasks(FABRIKAM_IDS.tenant);
    const etag = before.get(sofiasTask)?.etag ?? '';
    expect(etag).not.toBe('');
    const patch = await api.request('PATCH', `/api/me/tasks/${sofiasTask}`, { token: ben, headers: { 'if-match': etag }, json: { title: 'Cross-tenant' } });
    const remove = await api.request('DELETE', `/api/me/tasks/${sofiasTask}`, { token: ben });
    expect([patch.status, remove.status]).toEqual([404, 404]);
    expect(await api.storedTasks(FABRIKAM_IDS.tenant)).toEqual(before);
  });

  it('never lists another tenant\u2019s tasks, even for a person with the same role', async () => {
    const marc = await api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    const tasks = taskListSchema.parse((await api.request('GET', '/api/me/tasks', { token: marc })).body).tasks;
    const contosoIds = new Set((await api.storedTasks(CONTOSO_IDS.tenant)).keys());
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.filter((task) => contosoIds.has(task.id))).toEqual([]);
  });
});
