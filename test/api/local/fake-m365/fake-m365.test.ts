/**
 * The fake Microsoft 365 behaves like Entra ID and Graph where the app depends on it: no app token
 * before an administrator consents, consent through the admin-consent page, tokens that carry the
 * consented permissions, and activity notifications delivered only to people with the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { createFakeDirectory } from '../../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../../api/src/local/fake-m365/fake-graph.js';
import { NORTHWIND_IDS, northwindTenant } from '../../../../api/src/local/fake-m365/northwind.js';
import { GRAPH_PERMISSIONS } from '../../../../api/src/shared/graph-permissions.js';

const MANIFEST_ID = '00000000-0000-4000-8000-00000000a11d';
let graph: FakeGraph;

beforeAll(async () => {
  graph = await startFakeGraph({ directory: createFakeDirectory([northwindTenant(MANIFEST_ID)]), refuseUndeclaredTenants: true });
});
afterAll(async () => {
  await graph?.close();
});

async function requestToken(tenantId: string) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: graph.clientId,
    scope: 'https://graph.microsoft.com/.default',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: 'test-assertion',
  });
  const response = await fetch(`${graph.authority}/${tenantId}/oauth2/v2.0/token`, { method: 'POST', body });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string; error_description?: string } };
}

const notification = { topic: { source: 'text', value: 'Welcome', webUrl: 'https://teams.microsoft.com/l/entity/x/y' }, activityType: 'moduleAssigned', previewText: { content: 'Hi' }, templateParameters: [], chainId: 7 };

describe('fake Entra ID and admin consent', () => {
  it('refuses an app token for a tenant it does not know, and for one whose admin has not consented', async () => {
    expect((await requestToken('0dd0dd00-0000-4000-8000-000000000000')).body.error_description).toMatch(/AADSTS90002/);
    const before = await requestToken(NORTHWIND_IDS.tenant);
    expect(before.status).toBe(400);
    expect(before.body).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/AADSTS7000229/) });
  });

  it('records consent given on the admin-consent page and then issues tokens carrying every requested permission', async () => {
    const page = await fetch(`${graph.authority}/${NORTHWIND_IDS.tenant}/v2.0/adminconsent?client_id=${graph.clientId}&redirect_uri=http://localhost:7071/consent-done&state=s1`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Northwind Traders');
    for (const permission of Object.keys(GRAPH_PERMISSIONS)) expect(html).toContain(permission);

    const accept = await fetch(`${graph.authority}/${NORTHWIND_IDS.tenant}/v2.0/adminconsent`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: graph.clientId, redirect_uri: 'http://localhost:7071/consent-done', state: 's1', decision: 'accept' }),
      redirect: 'manual',
    });
    expect(accept.status).toBe(302);
    const back = new URL(accept.headers.get('location')!);
    expect(Object.fromEntries(back.searchParams)).toEqual({ admin_consent: 'True', tenant: NORTHWIND_IDS.tenant, state: 's1' });

    const after = await requestToken(NORTHWIND_IDS.tenant);
    expect(after.status).toBe(200);
    const claims = decodeJwt(after.body.access_token!);
    expect(claims).toMatchObject({ tid: NORTHWIND_IDS.tenant, aud: 'https://graph.microsoft.com' });
    expect(new Set(claims.roles as string[])).toEqual(new Set(Object.keys(GRAPH_PERMISSIONS).filter((name) => GRAPH_PERMISSIONS[name as keyof typeof GRAPH_PERMISSIONS].type === 'Role')));
  });

  it('never redirects consent to a host other than loopback', async () => {
    const response = await fetch(`${graph.authority}/${NORTHWIND_IDS.tenant}/v2.0/adminconsent`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: graph.clientId, redirect_uri: 'https://evil.example/steal', decision: 'accept' }),
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('fake activity feed in a declared tenant', () => {
  it('delivers only to people with the app installed: 404 for a single send, nothing for them in a bulk send', async () => {
    graph.directory.grantConsent(NORTHWIND_IDS.tenant);
    const token = (await requestToken(NORTHWIND_IDS.tenant)).body.access_token!;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { uma, sam } = NORTHWIND_IDS.people;

    const single = await fetch(`${graph.baseUrl}/v1.0/users/${uma}/teamwork/sendActivityNotification`, { method: 'POST', headers, body: JSON.stringify(notification) });
    expect(single.status).toBe(404);

    const recipients = [uma, sam].map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));
    const bulk = await fetch(`${graph.baseUrl}/v1.0/teamwork/sendActivityNotificationToRecipients`, { method: 'POST', headers, body: JSON.stringify({ ...notification, recipients }) });
    expect(bulk.status).toBe(202);
    expect(graph.feed(NORTHWIND_IDS.tenant).map((entry) => entry.userId)).toEqual([sam]);
    expect(graph.calls.at(-1)?.undelivered).toEqual([uma]);

    graph.directory.installApp(NORTHWIND_IDS.tenant, uma, NORTHWIND_IDS.catalogAppId);
    const retried = await fetch(`${graph.baseUrl}/v1.0/users/${uma}/teamwork/sendActivityNotification`, { method: 'POST', headers, body: JSON.stringify(notification) });
    expect(retried.status).toBe(204);
    expect(graph.feed(NORTHWIND_IDS.tenant).map((entry) => entry.userId).sort()).toEqual([sam, uma].sort());
  });
});
