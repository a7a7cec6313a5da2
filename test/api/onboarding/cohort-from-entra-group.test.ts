import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberImportPreviewSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { startFakeEntraGroups, type FakeEntraGroups } from './fake-entra-groups.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const GROUP = '5f0c0a11-0000-4000-8000-000000000001';
let graph: FakeEntraGroups;
let api: ApiTestStack;
let grace: string;

beforeAll(async () => {
  graph = await startFakeEntraGroups({
    [GROUP]: [
      { id: p.jonas, userPrincipalName: 'jonas.weber@contoso.example' },
      { id: p.lucia, userPrincipalName: 'lucia.fernandez@contoso.example' },
      { id: p.marco, userPrincipalName: 'marco.bianchi@contoso.example' },
      { id: '99999999-0000-4000-8000-000000000099', userPrincipalName: 'not.yet@contoso.example' },
    ],
  });
  Object.assign(process.env, { GRAPH_CLIENT_ID: 'groups-app', GRAPH_BASE_URL: graph.baseUrl, GRAPH_TENANT_AUTHORITY: graph.baseUrl, GRAPH_CLIENT_ASSERTION: 'local-test-assertion' });
  api = await startApiTestStack();
  grace = await api.tokenFor(tenant, p.grace);
});
afterAll(async () => {
  await api?.close();
  await graph?.close();
});

describe('a cohort from a Microsoft Entra group', () => {
  it('previews the group’s members (all pages), then adds the ones Line of Sight knows', async () => {
    const cohort = await api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'From group', memberIds: [p.marco] } });
    const preview = await api.request('POST', `/api/cohorts/${cohort.body.id}/members/from-group`, { token: grace, json: { groupId: GROUP, dryRun: true } });
    expect(preview.status).toBe(200);
    expect(memberImportPreviewSchema.parse(preview.body)).toMatchObject({
      toAdd: 2, errors: 1,
      rows: [{ status: 'add', userId: p.jonas }, { status: 'add', userId: p.lucia }, { status: 'already_member', userId: p.marco }, { status: 'error', value: 'not.yet@contoso.example' }],
    });
    expect(graph.requests.filter((request) => request.startsWith('GET'))).toHaveLength(2);
    const unchanged = await api.request<{ members: unknown[] }>('GET', `/api/cohorts/${cohort.body.id}`, { token: grace });
    expect(unchanged.body.members).toHaveLength(1);

    const applied = memberImportPreviewSchema.parse((await api.request('POST', `/api/cohorts/${cohort.body.id}/members/from-group`, { token: grace, json: { groupId: GROUP } })).body);
    expect(applied.cohort?.members.map((member) => member.userId).sort()).toEqual([p.jonas, p.lucia, p.marco].sort());
  });

  it('answers an unknown group at its field, and refuses a non-GUID id', async () => {
    const cohort = await api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'Unknown group' } });
    const unknown = await api.request('POST', `/api/cohorts/${cohort.body.id}/members/from-group`, { token: grace, json: { groupId: '5f0c0a11-0000-4000-8000-00000000ffff' } });
    expect(problemSchema.parse(unknown.body).errors).toEqual([{ path: 'groupId', message: 'No group with this id in your organisation' }]);
    const bad = await api.request('POST', `/api/cohorts/${cohort.body.id}/members/from-group`, { token: grace, json: { groupId: '../users' } });
    expect(problemSchema.parse(bad.body).errors?.[0]?.path).toBe('groupId');
  });
});
