/**
 * `npm start` keeps its data: the built start.js runs as a child process with its own data folder;
 * writes go through the API; after a clean stop or a `kill -9` right after the writes were
 * acknowledged, a new process has every one of them with the same etag, and accepts the token
 * issued before. `--reset` starts afresh; a start with data never seeds over edits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS } from '../../../api/src/local/seed.js';
import { editableStrategyMapSchema, taskListSchema, taskSchema, type EditableStrategy, type Task } from '../../../api/src/shared/contracts.js';
import { startProcess, type StartedProcess } from './start-process.js';

const { tenant, people, strategies } = CONTOSO_IDS;
const folders: string[] = [];
const running: StartedProcess[] = [];

afterAll(async () => {
  await Promise.all(running.map((started) => started.stop('SIGKILL')));
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'los-data-'));
  folders.push(folder);
  return folder;
}

async function start(dataDir: string, args: string[] = []): Promise<StartedProcess> {
  const started = await startProcess(dataDir, args);
  running.push(started);
  return started;
}

async function call(started: StartedProcess, method: string, path: string, init: { token?: string; json?: unknown; ifMatch?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.ifMatch) headers['if-match'] = init.ifMatch;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(started.url + path, { method, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function tokenFor(started: StartedProcess, userId: string): Promise<string> {
  const response = await call(started, 'POST', '/dev/token', { json: { tenantId: tenant, userId } });
  expect(response.status).toBe(200);
  return (response.body as { access_token: string }).access_token;
}

async function strategy(started: StartedProcess, token: string, id: string): Promise<EditableStrategy> {
  const response = await call(started, 'GET', '/api/strategy-map', { token });
  expect(response.status).toBe(200);
  const found = editableStrategyMapSchema.parse(response.body).strategies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no strategy ${id}`);
  return found;
}

async function myTasks(started: StartedProcess, token: string): Promise<Task[]> {
  const response = await call(started, 'GET', '/api/me/tasks', { token });
  expect(response.status).toBe(200);
  return taskListSchema.parse(response.body).tasks;
}

interface Writes {
  ben: string;
  aisha: string;
  task: Task;
  edited: EditableStrategy;
}

/** A task for Ben and an edit of a seeded strategy by Aisha, both acknowledged (201/200). */
async function write(started: StartedProcess, label: string): Promise<Writes> {
  const [ben, aisha] = [await tokenFor(started, people.ben), await tokenFor(started, people.aisha)];
  const created = await call(started, 'POST', '/api/me/tasks', { token: ben, json: { title: `Kept across a ${label}`, strategyId: strategies.onTime, howItServes: 'Nothing a developer types is lost.' } });
  expect(created.status).toBe(201);
  const before = await strategy(started, aisha, strategies.onTime);
  const patched = await call(started, 'PATCH', `/api/strategies/${strategies.onTime}`, {
    token: aisha,
    ifMatch: before.etag,
    json: { measures: [`Measured after a ${label}`] },
  });
  expect(patched.status).toBe(200);
  return { ben, aisha, task: taskSchema.parse(created.body), edited: patched.body as EditableStrategy };
}

/** Every write is there with its etag, the old tokens are accepted, and the old task etag still saves. */
async function expectKept(started: StartedProcess, writes: Writes): Promise<void> {
  const tasks = await myTasks(started, writes.ben);
  expect(tasks.find((task) => task.id === writes.task.id)).toMatchObject({ title: writes.task.title, etag: writes.task.etag });
  expect(await strategy(started, writes.aisha, strategies.onTime)).toMatchObject({ measures: writes.edited.measures, etag: writes.edited.etag });
  const saved = await call(started, 'PATCH', `/api/me/tasks/${writes.task.id}`, { token: writes.ben, ifMatch: writes.task.etag, json: { title: `${writes.task.title}, saved again` } });
  expect(saved.status).toBe(200);
}

// Each test starts two or three real processes: give a loaded machine room.
describe('npm start keeps its data in the data folder', { timeout: 180_000 }, () => {
  it('after a clean stop (SIGTERM), with the same etags and tokens, and without seeding over the edits', async () => {
    const dataDir = await dataFolder();
    const first = await start(dataDir);
    expect(first.output()).toContain(`embedded, kept in ${dataDir}: new store; demo data written for Contoso Logistics and Fabrikam Freight`);
    const writes = await write(first, 'clean stop');
    // npm start's request log: method, route, status, duration and the caller's trace id, one line each.
    const traceId = 'ab'.repeat(16);
    await fetch(`${first.url}/api/health`, { headers: { traceparent: `00-${traceId}-${'cd'.repeat(8)}-01` } });
    await expect.poll(() => first.output()).toMatch(new RegExp(`GET\\s+/api/health\\s+200\\s+\\d+ ms trace=${traceId}`));
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await start(dataDir);
    expect(second.output()).toMatch(/embedded, kept in .*: \d+ documents restored; demo data already there, not rewritten/);
    await expectKept(second, writes);
    await second.stop('SIGINT');
  });

  it('after kill -9 right after the writes were acknowledged', async () => {
    const dataDir = await dataFolder();
    const first = await start(dataDir);
    const writes = await write(first, 'hard kill');
    expect(await first.stop('SIGKILL')).toBeNull();

    const second = await start(dataDir);
    await expectKept(second, writes);
    // And again: the journal written after a restore is kept too.
    const more = await write(second, 'second hard kill');
    await second.stop('SIGKILL');
    const third = await start(dataDir);
    await expectKept(third, more);
    await third.stop('SIGTERM');
  });

  it('starts afresh with --reset: the demo data again, the old data and tokens gone', async () => {
    const dataDir = await dataFolder();
    const first = await start(dataDir);
    const writes = await write(first, 'reset');
    await first.stop('SIGTERM');

    const reset = await start(dataDir, ['--reset']);
    expect(reset.output()).toMatch(/--reset: deleted .*cosmos-snapshot\.jsonl.*dev-signing-key\.json/);
    expect(reset.output()).toContain('new store; demo data written for Contoso Logistics and Fabrikam Freight');
    expect((await call(reset, 'GET', '/api/me/tasks', { token: writes.ben })).status).toBe(401);
    const ben = await tokenFor(reset, people.ben);
    expect((await myTasks(reset, ben)).map((task) => task.id)).not.toContain(writes.task.id);
    const aisha = await tokenFor(reset, people.aisha);
    expect((await strategy(reset, aisha, strategies.onTime)).measures).not.toEqual(writes.edited.measures);
    await reset.stop('SIGTERM');
  });
});
