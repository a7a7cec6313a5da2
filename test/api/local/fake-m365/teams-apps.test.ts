/**
 * The fake Graph's app catalog and personal installations answer as Graph's reference says: the
 * catalog's id is not the manifest id (that is the externalId), installedApps is [] or one
 * installation, installing answers 201 then 409, and the refusals a drain must tell apart.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeDirectory } from '../../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../../api/src/local/fake-m365/fake-graph.js';
import { NORTHWIND_IDS, northwindTenant } from '../../../../api/src/local/fake-m365/northwind.js';
import { undeclaredCatalogAppId } from '../../../../api/src/local/fake-m365/teams-apps.js';

const MANIFEST_ID = '00000000-0000-4000-8000-00000000a11d';
const p = NORTHWIND_IDS.people;
let graph: FakeGraph;

beforeAll(async () => {
  graph = await startFakeGraph({ directory: createFakeDirectory() });
});
afterAll(async () => {
  await graph?.close();
});

/** A consented Northwind of the test's own, and a caller holding its app token. */
async function northwind(blockedByPolicy: string[] = []) {
  const tenantId = randomUUID();
  graph.directory.addTenant({ ...northwindTenant(MANIFEST_ID), id: tenantId, consented: true, blockedByPolicy });
  return { tenantId, call: await caller(tenantId) };
}

async function caller(tenantId: string, fake: FakeGraph = graph) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials', client_id: fake.clientId, scope: 'https://graph.microsoft.com/.default',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'test',
  });
  const token = ((await (await fetch(`${fake.authority}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as { access_token: string }).access_token;
  return async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await fetch(`${fake.baseUrl}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as { value?: { id: string; teamsApp?: { id: string } }[]; error?: { code: string } }) : undefined };
  };
}

const catalogByManifestId = `/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${MANIFEST_ID}'`)}`;
const installedApps = (userId: string, appId: string) => `/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${appId}'`)}`;
const bind = (appId: string) => ({ 'teamsApp@odata.bind': `${graph.baseUrl}/v1.0/appCatalogs/teamsApps/${appId}` });

describe('fake Graph: app catalog and installed apps', () => {
  it('finds the app by its manifest id (externalId) and answers with the catalog\'s own id', async () => {
    const { call } = await northwind();
    const found = await call('GET', catalogByManifestId);
    expect(found).toEqual({ status: 200, body: expect.objectContaining({ value: [{ id: NORTHWIND_IDS.catalogAppId, externalId: MANIFEST_ID, displayName: 'Line of Sight', distributionMethod: 'organization' }] }) });
    expect(NORTHWIND_IDS.catalogAppId).not.toBe(MANIFEST_ID);
    expect((await call('GET', `/appCatalogs/teamsApps?$filter=${encodeURIComponent("externalId eq 'another-app'")}`)).body?.value).toEqual([]);
  });

  it('lists the installation for a person who has the app, none for Uma, and installs it once (then 409)', async () => {
    const { tenantId, call } = await northwind();
    const app = NORTHWIND_IDS.catalogAppId;
    expect((await call('GET', installedApps(p.pedro, app))).body?.value?.map((i) => i.teamsApp?.id)).toEqual([app]);
    expect((await call('GET', installedApps(p.uma, app))).body?.value).toEqual([]);
    expect((await call('POST', `/users/${p.uma}/teamwork/installedApps`, bind(app))).status).toBe(201);
    expect(graph.directory.tenant(tenantId)!.installedApps.get(p.uma)?.has(app)).toBe(true);
    expect((await call('POST', `/users/${p.uma}/teamwork/installedApps`, bind(app))).status).toBe(409);
    expect((await call('GET', installedApps(p.uma, app))).body?.value).toHaveLength(1);
  });

  it('refuses an unknown person (404), an app not in the catalog (404), and a person the app policy blocks (403)', async () => {
    const { call } = await northwind([p.uma]);
    const app = NORTHWIND_IDS.catalogAppId;
    expect(await call('GET', installedApps('nobody-here', app))).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    expect((await call('POST', `/users/${p.uma}/teamwork/installedApps`, bind(MANIFEST_ID))).status).toBe(404);
    expect(await call('POST', `/users/${p.uma}/teamwork/installedApps`, bind(app))).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } });
  });

  it('refuses the catalog and installs without the permissions for them', async () => {
    const tenantId = randomUUID();
    const limited = await startFakeGraph({ directory: createFakeDirectory([{ ...northwindTenant(MANIFEST_ID), id: tenantId, consented: true }]), consentedRoles: ['TeamsActivity.Send'] });
    try {
      const call = await caller(tenantId, limited);
      expect(await call('GET', catalogByManifestId)).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
      expect((await call('GET', installedApps(p.pedro, NORTHWIND_IDS.catalogAppId))).status).toBe(403);
      expect((await call('POST', `/users/${p.uma}/teamwork/installedApps`, bind(NORTHWIND_IDS.catalogAppId))).status).toBe(403);
    } finally {
      await limited.close();
    }
  });

  it('in a tenant it does not declare, has the app published under an id of its own and installed for everyone', async () => {
    const tenantId = randomUUID();
    const call = await caller(tenantId);
    const found = await call('GET', catalogByManifestId);
    const id = undeclaredCatalogAppId(tenantId, MANIFEST_ID);
    expect(found.body?.value?.map((app) => app.id)).toEqual([id]);
    expect(id).not.toBe(MANIFEST_ID);
    expect((await call('GET', installedApps('anyone', id))).body?.value).toHaveLength(1);
  });
});
