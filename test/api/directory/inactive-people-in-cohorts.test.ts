/**
 * Disabled accounts and people removed from the tenant stop counting in cohorts: the dashboard's
 * figures leave them out, and a new assignment is not planned for them. Everything the test does
 * goes through the API, the fake directory and the sync timer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSchema, publishResultSchema, type Assignment } from '../../../api/src/shared/contracts.js';
import { testDayPlus } from '../../support/clock.js';
import { moduleBody } from '../onboarding/onboarding-test-support.js';
import { CONTOSO_IDS, newUser, startDirectoryTestStack, type DirectoryTestStack } from './directory-test-support.js';

const tenant = CONTOSO_IDS.tenant;
let env: DirectoryTestStack;
let grace: string;

beforeAll(async () => {
  env = await startDirectoryTestStack();
  grace = await env.api.tokenFor(tenant, CONTOSO_IDS.people.grace);
});
afterAll(async () => {
  await env?.close();
});

async function publishedVersion(title: string): Promise<{ moduleId: string; versionId: string }> {
  const created = await env.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: moduleBody(title) });
  expect(created.status).toBe(201);
  const published = publishResultSchema.parse((await env.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } })).body);
  return { moduleId: created.body.id, versionId: published.version.id };
}

async function assign(cohortId: string, versionId: string): Promise<Assignment> {
  const response = await env.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohortId}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) } });
  expect(response.status).toBe(201);
  return response.body.assignments[0]!;
}

describe('people who no longer count, in cohorts', () => {
  it('drop out of the dashboard’s figures and of new assignments', async () => {
    const [kept, disabled, removed] = [newUser('Iris Kept', 'contoso.example'), newUser('Jon Disabled', 'contoso.example'), newUser('Kai Removed', 'contoso.example')];
    for (const user of [kept, disabled, removed]) env.directory.upsertUser(tenant, user);
    await env.sync();
    const cohort = await env.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'Spring joiners', memberIds: [kept.id, disabled.id, removed.id] } });
    expect(cohort.status).toBe(201);
    const first = await publishedVersion('Welcome aboard');
    expect((await assign(cohort.body.id, first.versionId)).recipientCount).toBe(3);
    const dashboard = async () => dashboardSchema.parse((await env.api.request('GET', `/api/cohorts/${cohort.body.id}/dashboard?moduleId=${first.moduleId}`, { token: grace })).body);
    expect((await dashboard()).assigned).toBe(3);

    env.directory.upsertUser(tenant, { ...disabled, accountEnabled: false });
    env.directory.removeUser(tenant, removed.id);
    await env.sync();
    const after = await dashboard();
    expect(after.assigned).toBe(1);
    expect(after.people.map((person) => person.userId)).toEqual([kept.id]);

    const second = await publishedVersion('Safety basics');
    expect((await assign(cohort.body.id, second.versionId)).recipientCount).toBe(1);
  });
});
