/**
 * The directory sync timer reads /users/delta from the fake Graph: new people appear, changes follow,
 * a disabled account stops counting, a deleted user is anonymised (their tasks deleted), throttling
 * mid-round resumes from the stored link with nothing read or written twice, and an expired delta
 * link starts a full round that removes whoever is gone. The test changes only the fake directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, newUser, startDirectoryTestStack, type DirectoryTestStack } from './directory-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const { grace, aisha } = CONTOSO_IDS.people;
const DOMAIN = 'contoso.example';
let env: DirectoryTestStack;
let graceToken: string;

beforeAll(async () => {
  env = await startDirectoryTestStack();
  graceToken = await env.api.tokenFor(tenant, grace);
  // The first round lists everyone; the tests below start from its delta link.
  await env.sync();
});
afterAll(async () => {
  await env?.close();
});

const deltaQueries = () => env.graph.usersDeltaRequests.filter((entry) => entry.tenantId === tenant).map((entry) => entry.query);

async function organisationTaskCount(): Promise<number> {
  const insights = insightsSchema.parse((await env.api.request('GET', '/api/insights', { token: graceToken })).body);
  if (insights.scope !== 'organisation') throw new Error('expected the organisation view');
  return insights.organisation.taskCount;
}

async function addTask(userId: string, title: string): Promise<string> {
  const token = await env.api.tokenFor(tenant, userId);
  const created = await env.api.request<{ id: string }>('POST', '/api/me/tasks', { token, json: { title } });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('the users sync', () => {
  it('runs from a timer registered with app.timer every five minutes', () => {
    expect(env.api.stack.timers.map((timer) => [timer.name, timer.schedule, timer.intervalMs])).toContainEqual(['directory-sync-timer', '0 */5 * * * *', 300_000]);
  });

  it('creates new people and follows their changes through the stored delta link', async () => {
    const user = newUser('Ines Duarte', DOMAIN, { department: 'Finance', jobTitle: 'Analyst', managerId: aisha });
    env.directory.upsertUser(tenant, user);
    const before = deltaQueries().length;
    await env.sync();
    expect(await env.person(tenant, user.id)).toMatchObject({
      displayName: 'Ines Duarte', upn: user.userPrincipalName, email: user.mail, department: 'Finance', jobTitle: 'Analyst', managerId: aisha, teamId: null, roles: ['Employee'],
    });
    // The run started from the delta link the first round stored, and asked Graph for nothing more.
    expect(deltaQueries().slice(before)).toHaveLength(1);
    expect(deltaQueries()[before]).toContain('$deltatoken=');

    env.directory.upsertUser(tenant, { ...user, displayName: 'Ines Duarte-Silva', jobTitle: 'Senior Analyst', managerId: null });
    await env.sync();
    expect(await env.person(tenant, user.id)).toMatchObject({ displayName: 'Ines Duarte-Silva', jobTitle: 'Senior Analyst', managerId: null, department: 'Finance' });
  });

  it('stops counting a disabled account in insights, and counts it again when re-enabled', async () => {
    const user = newUser('Otto Berg', DOMAIN);
    env.directory.upsertUser(tenant, user);
    await addTask(user.id, 'Check the weekly routes');
    const counted = await organisationTaskCount();

    env.directory.upsertUser(tenant, { ...user, accountEnabled: false });
    await env.sync();
    expect(await env.person(tenant, user.id)).toMatchObject({ accountEnabled: false, displayName: 'Otto Berg' });
    expect(await organisationTaskCount()).toBe(counted - 1);

    env.directory.upsertUser(tenant, { ...user, accountEnabled: true });
    await env.sync();
    expect(await organisationTaskCount()).toBe(counted);
  });

  it('anonymises a person deleted from the tenant and deletes their tasks (audited), once', async () => {
    const user = newUser('Petra Lind', DOMAIN, { department: 'Legal', jobTitle: 'Counsel', managerId: aisha });
    env.directory.upsertUser(tenant, user);
    const taskId = await addTask(user.id, 'Review the carrier contracts');
    await env.sync();
    expect((await env.api.storedTasks(tenant)).has(taskId)).toBe(true);

    env.directory.removeUser(tenant, user.id);
    await env.sync();
    const person = await env.person(tenant, user.id);
    expect(person).toMatchObject({ displayName: 'Former colleague', teamId: null, accountEnabled: false, roles: ['Employee'] });
    expect(person?.removedAt).toEqual(expect.any(String));
    for (const field of ['upn', 'email', 'department', 'jobTitle', 'managerId', 'grantedRoles']) expect(person).not.toHaveProperty(field);
    expect(JSON.stringify(person)).not.toContain('Petra');
    const tasks = [...(await env.api.storedTasks(tenant)).values()];
    expect(tasks.filter((task) => task.ownerId === user.id)).toEqual([]);
    const audits = (await env.api.storedDocuments('tasks', tenant)).filter((doc) => doc.type === 'audit' && doc.entityId === taskId);
    expect(audits.map((entry) => [entry.action, (entry.actor as { id: string }).id])).toContainEqual(['delete', 'directory-sync']);
    const listed = await env.api.request<{ people: { id: string }[] }>('GET', '/api/people', { token: graceToken });
    expect(listed.body.people.map((entry) => entry.id)).not.toContain(user.id);

    // A later run has nothing more to do for them.
    const etag = person?._etag;
    await env.sync();
    expect((await env.person(tenant, user.id))?._etag).toBe(etag);
  });

  it('resumes a round Graph throttled half-way from the stored next link: nothing read or written twice', async () => {
    const users = ['Ada One', 'Bo Two', 'Cy Three', 'Di Four', 'Ed Five'].map((name) => newUser(name, DOMAIN));
    for (const user of users) env.directory.upsertUser(tenant, user);
    env.graph.setPageSize(2);
    try {
      env.graph.inject({ kind: 'throttle', path: '/users/delta', after: 1, count: 1, retryAfter: '3600' });
      const before = deltaQueries().length;
      await env.sync();
      const known = async () => (await Promise.all(users.map((user) => env.person(tenant, user.id)))).filter(Boolean).length;
      // The first page was applied and its next link stored; Graph's hour-long Retry-After ended the run.
      expect(await known()).toBe(2);
      const firstRun = deltaQueries().slice(before);
      expect(firstRun).toHaveLength(1);
      const written = new Map(await Promise.all(users.slice(0, 2).map(async (user) => [user.id, (await env.person(tenant, user.id))?._etag] as const)));

      await env.sync();
      expect(await known()).toBe(5);
      const secondRun = deltaQueries().slice(before + 1);
      // Pages two and three, each read once, starting from the stored $skiptoken link.
      expect(secondRun).toHaveLength(2);
      expect(secondRun[0]).toContain('$skiptoken=');
      expect(new Set([...firstRun, ...secondRun]).size).toBe(3);
      for (const [id, etag] of written) expect((await env.person(tenant, id))?._etag).toBe(etag);
    } finally {
      env.graph.setPageSize(100);
      env.graph.clearFaults();
    }
  });

  it('waits out a short Retry-After within the run', async () => {
    const user = newUser('Flo Six', DOMAIN);
    env.directory.upsertUser(tenant, user);
    env.graph.inject({ kind: 'throttle', path: '/users/delta', count: 1, retryAfter: '1' });
    const before = deltaQueries().length;
    await env.sync();
    expect(await env.person(tenant, user.id)).toMatchObject({ displayName: 'Flo Six' });
    expect(deltaQueries().slice(before)).toHaveLength(1);
  });

  it('starts a full round when Graph no longer knows the delta link, and removes whoever it no longer lists', async () => {
    const staying = newUser('Gus Seven', DOMAIN);
    const leaving = newUser('Hal Eight', DOMAIN);
    env.directory.upsertUser(tenant, staying);
    env.directory.upsertUser(tenant, leaving);
    await env.sync();
    env.directory.expireDeltaLinks(tenant);
    env.directory.removeUser(tenant, leaving.id);
    env.directory.upsertUser(tenant, { ...staying, jobTitle: 'Planner' });

    const before = deltaQueries().length;
    await env.sync();
    const queries = deltaQueries().slice(before);
    // The refused delta link, then a first-round request (no token): everyone listed again.
    expect(queries.some((query) => !query.includes('token='))).toBe(true);
    expect(await env.person(tenant, staying.id)).toMatchObject({ displayName: 'Gus Seven', jobTitle: 'Planner' });
    expect(await env.person(tenant, leaving.id)).toMatchObject({ displayName: 'Former colleague' });
    // The seeded people the directory lists were seen again, so none was removed.
    expect(await env.person(tenant, aisha)).toMatchObject({ displayName: expect.not.stringMatching(/Former/) });
  });
});
