/**
 * Every onboarding write a leader makes leaves exactly one audit entry (who, when by the API clock,
 * before/after) in the onboarding container's tenant partition, written in the change's own
 * transactional batch; a refused write leaves none. Each test uses its own module or cohort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditDocument } from '../../../api/src/data/audit.js';
import { outboxDocumentFor } from '../../../api/src/notifications/outbox.js';
import { assignedContent, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { getServices } from '../../../api/src/services.js';
import { assignmentListSchema, cohortSchema, moduleSchema, publishResultSchema } from '../../../api/src/shared/contracts.js';
import { TEST_TODAY, testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
let kit: OnboardingTestStack;
let grace: string;

beforeAll(async () => {
  kit = await startOnboardingTestStack();
  grace = await kit.api.tokenFor(tenant, p.grace);
});
afterAll(async () => kit?.close());

function expectEntry(entry: AuditDocument | undefined, expected: Partial<AuditDocument>) {
  expect(entry).toMatchObject({ tenantId: tenant, type: 'audit', actor: { id: p.grace, displayName: 'Grace Lee' }, ...expected });
  expect(entry!.at.slice(0, 10)).toBe(TEST_TODAY);
}

async function newModule(title: string) {
  const created = await kit.api.request('POST', '/api/modules', { token: grace, json: moduleBody(title) });
  return moduleSchema.parse(created.body);
}

describe('audit of onboarding writes', () => {
  it('module create, update and publish: one entry each; a stale update or publish none', async () => {
    const module = await newModule('Audited module');
    const created = await kit.auditOf(tenant, module.id);
    expect(created).toHaveLength(1);
    expectEntry(created[0], { entityType: 'module', action: 'create', before: null, after: expect.objectContaining({ id: module.id, content: expect.objectContaining({ title: 'Audited module' }) }) });

    const edited = moduleSchema.parse((await kit.api.request('PUT', `/api/modules/${module.id}`, { token: grace, headers: { 'if-match': module.etag }, json: moduleBody('Audited, edited') })).body);
    expect((await kit.api.request('PUT', `/api/modules/${module.id}`, { token: grace, headers: { 'if-match': module.etag }, json: moduleBody('Lost') })).status).toBe(412);
    const updates = (await kit.auditOf(tenant, module.id)).filter((entry) => entry.action === 'update');
    expect(updates).toHaveLength(1);
    expectEntry(updates[0], { entityType: 'module', before: expect.objectContaining({ content: expect.objectContaining({ title: 'Audited module' }) }), after: expect.objectContaining({ content: expect.objectContaining({ title: 'Audited, edited' }) }) });
    expect(updates[0]!.before).not.toHaveProperty('_etag');

    expect((await kit.api.request('POST', `/api/modules/${module.id}/publish`, { token: grace, headers: { 'if-match': module.etag } })).status).toBe(412);
    const published = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${module.id}/publish`, { token: grace, headers: { 'if-match': edited.etag } })).body);
    const versionEntries = await kit.auditOf(tenant, published.version.id);
    expect(versionEntries).toHaveLength(1);
    expectEntry(versionEntries[0], { entityType: 'moduleVersion', action: 'create', note: `published version 1 of module ${module.id}` });
    expect(await kit.auditOf(tenant, module.id)).toHaveLength(2);
  });

  it('cohort create, members added, removed and imported: one entry each; refused or empty changes none', async () => {
    const before = (await kit.documents(tenant, 'audit')).length;
    expect((await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: '', memberIds: [] } })).status).toBe(400);
    expect((await kit.documents(tenant, 'audit')).length).toBe(before);

    const cohort = cohortSchema.parse((await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: 'Audited cohort', memberIds: [p.farid] } })).body);
    expectEntry((await kit.auditOf(tenant, cohort.id))[0], { entityType: 'cohort', action: 'create', before: null, after: expect.objectContaining({ memberIds: [p.farid] }) });

    await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [p.ines] } });
    await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [p.ines] } }); // already in: nothing changes
    expect((await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: ['nobody-here'] } })).status).toBe(400);
    await kit.api.request('DELETE', `/api/cohorts/${cohort.id}/members/${p.farid}`, { token: grace });
    expect((await kit.api.request('DELETE', `/api/cohorts/${cohort.id}/members/${p.farid}`, { token: grace })).status).toBe(404);
    const csv = (body: string) => kit.api.request('POST', `/api/cohorts/${cohort.id}/members/import?dryRun=false`, { token: grace, body, headers: { 'content-type': 'text/csv' } });
    expect((await csv('hugo.martins@contoso.example\nnobody@contoso.example\n')).status).toBe(400);
    expect((await csv('hugo.martins@contoso.example\n')).status).toBe(200);

    const entries = (await kit.auditOf(tenant, cohort.id)).sort((a, b) => a.at.localeCompare(b.at));
    expect(entries.map((entry) => [entry.action, entry.note])).toEqual([
      ['create', undefined],
      ['update', 'added 1 person (picked)'],
      ['update', `removed ${p.farid}`],
      ['import', 'added 1 person (CSV file)'],
    ]);
    expect(entries[2]).toMatchObject({ before: expect.objectContaining({ memberIds: [p.farid, p.ines] }), after: expect.objectContaining({ memberIds: [p.ines] }) });
  });

  it('assigning: one entry per new assignment; assigning it again none', async () => {
    const module = await newModule('Audited assignment');
    const version = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${module.id}/publish`, { token: grace, headers: { 'if-match': module.etag } })).body).version;
    const cohort = cohortSchema.parse((await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: 'Audited assign', memberIds: [p.farid, p.ines] } })).body);
    const assign = () => kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: [version.id], dueDate: testDayPlus(20) } });
    const first = await assign();
    expect(first.status).toBe(201);
    const again = await assign();
    expect(again.status).toBe(200);
    const assignment = assignmentListSchema.parse(first.body).assignments[0]!;
    const entries = await kit.auditOf(tenant, assignment.id);
    expect(entries).toHaveLength(1);
    expectEntry(entries[0], { entityType: 'assignment', action: 'create', before: null, after: expect.objectContaining({ recipientIds: [p.farid, p.ines], fanOut: { queued: 0, pending: 2 } }) });
    expect(entries[0]!.note).toBe('assigned Audited assignment (version 1) to 2 people of Audited assign');
    await getServices().notifications.settled(tenant);
  });

  it('retrying a dead notification: one entry; retrying what is not dead none', async () => {
    const services = getServices();
    const dead = {
      ...outboxDocumentFor(tenant, {
        recipientUserId: p.farid, kind: 'assigned', assignmentId: 'audit-dead', idempotencyKey: 'audit-dead:farid', chainKey: 'audit-dead:assigned',
        content: assignedContent('Audited retry', testDayPlus(10), moduleDeepLink('app', 'audit-dead')),
      }, services.now()),
      state: 'dead' as const, attempts: 6, lastError: 'Graph answered 503', deadAt: services.now().toISOString(),
    };
    await services.outbox.createMany(tenant, [dead]);
    expect((await kit.api.request('POST', `/api/notifications/dead/${dead.id}/retry`, { token: grace })).status).toBe(200);
    expect((await kit.api.request('POST', `/api/notifications/dead/${dead.id}/retry`, { token: grace })).status).toBe(404);
    const entries = await kit.auditOf(tenant, dead.id);
    expect(entries).toHaveLength(1);
    expectEntry(entries[0], { entityType: 'notification', action: 'update', note: 'retried after 6 attempts: Graph answered 503', before: expect.objectContaining({ state: 'dead' }), after: expect.objectContaining({ state: 'pending', attempts: 0 }) });
    await services.notifications.settled(tenant);
  });
});
