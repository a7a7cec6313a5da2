/**
 * The fake Graph's /users/delta answers as Graph does: a first round listing everyone in pages, a
 * delta link that lists only what changed since (a deleted user as `@removed`), `$select` and
 * `manager@delta`, 400 syncStateNotFound for an expired or foreign token, 403 without User.Read.All,
 * and a group read (GET /groups/{id}) telling a team in Teams from a plain group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeDirectory } from '../../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../../api/src/local/fake-m365/fake-graph.js';
import { NORTHWIND_IDS, northwindTenant } from '../../../../api/src/local/fake-m365/northwind.js';

const TENANT = NORTHWIND_IDS.tenant;
const p = NORTHWIND_IDS.people;
let graph: FakeGraph;
let limited: FakeGraph;

async function tokenFrom(fake: FakeGraph): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: fake.clientId, scope: 'https://graph.microsoft.com/.default', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: 'test-assertion' });
  const response = await fetch(`${fake.authority}/${TENANT}/oauth2/v2.0/token`, { method: 'POST', body });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function get(fake: FakeGraph, url: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${await tokenFrom(fake)}` } });
  return { status: response.status, body: (await response.json()) as { value?: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string; error?: { code: string } } };
}

/** Every page of a round from `url`: the entries and the delta link that ends it. */
async function round(url: string) {
  const entries: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  let deltaLink: string | undefined;
  let pages = 0;
  while (next) {
    const page = await get(graph, next);
    expect(page.status).toBe(200);
    entries.push(...(page.body.value ?? []));
    pages += 1;
    next = page.body['@odata.nextLink'];
    deltaLink = page.body['@odata.deltaLink'];
  }
  return { entries, deltaLink: deltaLink!, pages };
}

beforeAll(async () => {
  graph = await startFakeGraph({ directory: createFakeDirectory([{ ...northwindTenant('app'), consented: true }]), refuseUndeclaredTenants: true, groupPageSize: 3 });
  limited = await startFakeGraph({ directory: createFakeDirectory([{ ...northwindTenant('app'), consented: true }]), refuseUndeclaredTenants: true, consentedRoles: ['TeamsActivity.Send'] });
});
afterAll(async () => {
  await graph?.close();
  await limited?.close();
});

describe('fake Graph /users/delta', () => {
  it('lists everyone in pages, then only what changed, with removals and managers', async () => {
    const first = await round(`${graph.baseUrl}/v1.0/users/delta?$select=displayName,userPrincipalName,jobTitle&$expand=manager`);
    expect(first.pages).toBe(3);
    expect(first.entries).toHaveLength(7);
    expect(first.entries.find((entry) => entry.id === p.quinn)).toEqual({
      id: p.quinn, displayName: 'Quinn Murphy', userPrincipalName: 'quinn.murphy@northwind.example', jobTitle: 'Account Manager',
      'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: p.pedro }],
    });

    graph.directory.upsertUser(TENANT, { ...graph.directory.tenant(TENANT)!.users.get(p.sam)!, jobTitle: 'Senior Picker' });
    graph.directory.removeUser(TENANT, p.tariq);
    const second = await round(first.deltaLink);
    expect(second.entries).toEqual([
      expect.objectContaining({ id: p.sam, jobTitle: 'Senior Picker' }),
      { id: p.tariq, '@removed': { reason: 'changed' } },
    ]);
    // Nothing changed since: an empty round.
    expect((await round(second.deltaLink)).entries).toEqual([]);
  });

  it('answers an expired or made-up token with 400 syncStateNotFound', async () => {
    const { deltaLink } = await round(`${graph.baseUrl}/v1.0/users/delta`);
    graph.directory.expireDeltaLinks(TENANT);
    expect(await get(graph, deltaLink)).toMatchObject({ status: 400, body: { error: { code: 'syncStateNotFound' } } });
    expect(await get(graph, `${graph.baseUrl}/v1.0/users/delta?$deltatoken=bm90LW91cnM`)).toMatchObject({ status: 400, body: { error: { code: 'syncStateNotFound' } } });
  });

  it('refuses an app without User.Read.All, and reads a group’s name and whether it is a team', async () => {
    expect(await get(limited, `${limited.baseUrl}/v1.0/users/delta`)).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect(await get(graph, `${graph.baseUrl}/v1.0/groups/${NORTHWIND_IDS.groups.sales}`)).toMatchObject({ status: 200, body: { displayName: 'Sales', resourceProvisioningOptions: ['Team'] } });
    expect(await get(graph, `${graph.baseUrl}/v1.0/groups/${NORTHWIND_IDS.groups.everyone}`)).toMatchObject({ status: 200, body: { displayName: 'All Northwind', resourceProvisioningOptions: [] } });
    expect(await get(graph, `${graph.baseUrl}/v1.0/groups/0b0b0b0b-0000-4000-8000-000000000000`)).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
  });
});
