import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortSchema, memberImportPreviewSchema, problemSchema, publishResultSchema, type Assignment } from '../../../api/src/shared/contracts.js';
import { getServices } from '../../../api/src/services.js';
import { CONTOSO_IDS, FABRIKAM_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';
import { TEST_EPOCH, testDayPlus } from '../../support/clock.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
let kit: OnboardingTestStack;
let grace: string;
let ben: string;
let marc: string;
let versionId: string;

beforeAll(async () => {
  kit = await startOnboardingTestStack();
  [grace, ben, marc] = await Promise.all([
    kit.api.tokenFor(tenant, p.grace),
    kit.api.tokenFor(tenant, p.ben),
    kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
  ]);
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: moduleBody('Cohort module') });
  const published = await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } });
  versionId = publishResultSchema.parse(published.body).version.id;
});
afterAll(async () => kit?.close());

async function createCohort(name: string, memberIds: string[] = []) {
  const response = await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name, memberIds } });
  expect(response.status).toBe(201);
  return cohortSchema.parse(response.body);
}

const csv = (token: string, cohortId: string, body: string, dryRun: boolean) =>
  kit.api.request('POST', `/api/cohorts/${cohortId}/members/import?dryRun=${dryRun}`, { token, body, headers: { 'content-type': 'text/csv' } });

describe('cohorts', () => {
  it('imports members from a CSV of UPNs: dry-run preview with per-row errors, nothing written on error', async () => {
    const cohort = await createCohort('CSV cohort');
    const file = 'upn\r\njonas.weber@contoso.example\r\nLUCIA.FERNANDEZ@contoso.example\r\nnobody@contoso.example\r\nnot an email\r\n';
    const before = await kit.fingerprint(tenant);
    const preview = await csv(grace, cohort.id, file, true);
    expect(preview.status).toBe(200);
    expect(memberImportPreviewSchema.parse(preview.body)).toMatchObject({
      dryRun: true, toAdd: 2, errors: 2,
      rows: [
        { row: 2, status: 'add', userId: p.jonas }, { row: 3, status: 'add', userId: p.lucia },
        { row: 4, status: 'error', error: 'Nobody in your organisation has this UPN or email' }, { row: 5, status: 'error' },
      ],
    });
    const refused = await csv(grace, cohort.id, file, false);
    expect(refused.status).toBe(400);
    expect(problemSchema.parse(refused.body).errors?.map((error) => error.path)).toEqual(['rows.4', 'rows.5']);
    expect(await kit.fingerprint(tenant)).toEqual(before);

    const applied = await csv(grace, cohort.id, 'jonas.weber@contoso.example\nlucia.fernandez@contoso.example\n', false);
    expect(applied.status).toBe(200);
    expect(memberImportPreviewSchema.parse(applied.body).cohort?.members.map((member) => member.userId).sort()).toEqual([p.jonas, p.lucia].sort());
    // A Fabrikam-tenant address is not a person of this tenant.
    const other = await csv(grace, cohort.id, 'marc.girard@fabrikam.example\n', true);
    expect(memberImportPreviewSchema.parse(other.body).rows[0]).toMatchObject({ status: 'error' });
  });

  it('refuses bad input with field paths, employees with 403, other tenants with 404 — writing nothing', async () => {
    const cohort = await createCohort('Guarded');
    const before = await kit.fingerprint(tenant);
    const bad = await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: '', memberIds: ['no such person'] } });
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path)).toEqual(expect.arrayContaining(['name', 'memberIds.0']));
    const unknown = await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [FABRIKAM_IDS.people.sofia] } });
    expect(problemSchema.parse(unknown.body).errors).toEqual([{ path: 'userIds.0', message: 'No such person' }]);
    const badAssign = await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: ['nope'], dueDate: '2026-02-30' } });
    expect(problemSchema.parse(badAssign.body).errors?.map((error) => error.path)).toEqual(['dueDate']);
    const pastDue = await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(-1) } });
    expect(problemSchema.parse(pastDue.body).errors).toEqual([{ path: 'dueDate', message: 'Pick today or a later date' }]);
    const missingVersion = await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: ['nope'], dueDate: testDayPlus(30) } });
    expect(problemSchema.parse(missingVersion.body).errors?.map((error) => error.path)).toEqual(['moduleVersionIds.0']);
    expect((await kit.api.request('POST', '/api/cohorts', { token: ben, json: { name: 'Mine' } })).status).toBe(403);
    expect((await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: ben, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) } })).status).toBe(403);
    expect((await csv(ben, cohort.id, 'ben.carter@contoso.example', false)).status).toBe(403);
    expect((await kit.api.request('GET', `/api/cohorts/${cohort.id}`, { token: marc })).status).toBe(404);
    expect((await kit.api.request('GET', `/api/cohorts/${cohort.id}/dashboard?moduleId=module-mission`, { token: marc })).status).toBe(404);
    expect((await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: marc, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) } })).status).toBe(404);
    expect((await kit.api.request('GET', '/api/cohorts', { token: ben })).status).toBe(403);
    const listed = await kit.api.request<{ cohorts: { id: string; name: string }[] }>('GET', '/api/cohorts', { token: grace });
    expect(listed.body.cohorts.map((entry) => entry.name)).toEqual(expect.arrayContaining(['Joined from Fabrikam', 'Guarded']));
    const marcs = await kit.api.request<{ cohorts: unknown[] }>('GET', '/api/cohorts', { token: marc });
    expect(marcs.body.cohorts).toEqual([]);
    expect((await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: marc, json: { userIds: [FABRIKAM_IDS.people.sofia] } })).status).toBe(404);
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });
});

describe('assigning modules', () => {
  it('saves the assignment as one plan; the drain writes one outbox entry per person, sends them through Graph, and reaches members who join later', async () => {
    const cohort = await createCohort('Assign cohort', [p.jonas, p.marco]);
    const response = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) } });
    expect(response.status).toBe(201);
    const [assignment] = response.body.assignments;
    expect(assignment).toMatchObject({ moduleVersionId: versionId, recipientCount: 2, audience: 'everyone', alreadyAssigned: false });

    await getServices().notifications.settled(tenant);
    const outbox = (await kit.documents<{ assignmentId: string; recipientUserId: string }>(tenant, 'outbox')).filter((entry) => entry.assignmentId === assignment!.id);
    expect(outbox.map((entry) => entry.recipientUserId).sort()).toEqual([p.jonas, p.marco].sort());
    const feed = kit.graph.feed(tenant).filter((entry) => entry.webUrl.includes(encodeURIComponent(assignment!.id)));
    expect(feed.map((entry) => entry.userId).sort()).toEqual([p.jonas, p.marco].sort());
    expect(feed[0]).toMatchObject({ activityType: 'moduleAssigned', templateParameters: { moduleTitle: 'Cohort module' } });

    const added = await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [p.nadia] } });
    expect(added.status).toBe(200);
    expect(cohortSchema.parse(added.body).assignments[0]).toMatchObject({ recipientCount: 3 });
    await getServices().notifications.settled(tenant);
    expect(kit.graph.feed(tenant).filter((entry) => entry.webUrl.includes(encodeURIComponent(assignment!.id))).map((entry) => entry.userId)).toContain(p.nadia);
    expect(kit.graph.feed(tenant).every((entry) => entry.deliveries === 1)).toBe(true);

    const removed = await kit.api.request('DELETE', `/api/cohorts/${cohort.id}/members/${p.marco}`, { token: grace });
    expect(cohortSchema.parse(removed.body).members.map((member) => member.userId)).not.toContain(p.marco);
  });

  it('holds notifications back until the scheduled start', async () => {
    const cohort = await createCohort('Later cohort', [p.hugo]);
    const startAt = new Date(Date.parse(TEST_EPOCH) + 7 * 86_400_000).toISOString();
    const response = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30), startAt } });
    expect(response.status).toBe(201);
    await getServices().notifications.settled(tenant);
    expect(kit.graph.feed(tenant).filter((entry) => entry.userId === p.hugo)).toEqual([]);
    // Queued (by the drain, from the plan) but held until the start.
    const held = (await kit.documents<{ recipientUserId: string; nextAttemptAt: string; state: string }>(tenant, 'outbox')).filter((entry) => entry.recipientUserId === p.hugo);
    expect(held).toEqual([expect.objectContaining({ state: 'pending', nextAttemptAt: startAt })]);
    const hugo = await kit.api.tokenFor(tenant, p.hugo);
    const mine = await kit.api.request<{ assignments: unknown[] }>('GET', '/api/me/onboarding', { token: hugo });
    expect(mine.body.assignments).toEqual([]);
    expect((await kit.api.request('GET', `/api/me/onboarding/${response.body.assignments[0]!.id}`, { token: hugo })).status).toBe(404);
  });
});
