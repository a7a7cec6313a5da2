/**
 * A person's record comes from their token on their first request: name, UPN and object id, with the
 * token's roles. Concurrent first requests make one record; a record the directory sync wrote is not
 * overwritten; a person of a tenant that has not onboarded gets no record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORTHWIND_IDS } from '../../../api/src/local/fake-m365/northwind.js';
import { CONTOSO_IDS, newUser, startDirectoryTestStack, type DirectoryTestStack } from './directory-test-support.js';

const tenant = CONTOSO_IDS.tenant;
let env: DirectoryTestStack;

beforeAll(async () => {
  env = await startDirectoryTestStack();
});
afterAll(async () => {
  await env?.close();
});

describe('a person on their first request', () => {
  it('is created from the token’s claims, once, even when their first requests arrive together', async () => {
    const user = newUser('Yara Quint', 'contoso.example', { appRoles: ['Leader'] });
    env.directory.upsertUser(tenant, user);
    const token = await env.api.tokenFor(tenant, user.id);
    expect(await env.person(tenant, user.id)).toBeUndefined();

    const responses = await Promise.all(Array.from({ length: 6 }, () => env.api.request('GET', '/api/me/line-of-sight', { token })));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);

    const people = (await env.api.storedDocuments('directory', tenant)).filter((doc) => doc.id === user.id);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ type: 'person', displayName: 'Yara Quint', upn: 'yara.quint@contoso.example', teamId: null, roles: ['Employee', 'Leader'] });

    // Later requests write nothing more.
    const etag = people[0]!._etag;
    expect((await env.api.request('GET', '/api/me/tasks', { token })).status).toBe(200);
    expect((await env.person(tenant, user.id))?._etag).toBe(etag);
  });

  it('leaves a record the directory sync already made as it was, roles aside', async () => {
    const user = newUser('Zeno Marsh', 'contoso.example', { department: 'Finance', jobTitle: 'Controller' });
    env.directory.upsertUser(tenant, user);
    await env.sync();
    const synced = await env.person(tenant, user.id);
    expect(synced).toMatchObject({ displayName: 'Zeno Marsh', department: 'Finance', jobTitle: 'Controller', roles: ['Employee'] });

    const token = await env.api.tokenFor(tenant, user.id);
    expect((await env.api.request('GET', '/api/me/tasks', { token })).status).toBe(200);
    expect(await env.person(tenant, user.id)).toMatchObject({ displayName: 'Zeno Marsh', department: 'Finance', jobTitle: 'Controller', upn: user.userPrincipalName });
    expect((await env.person(tenant, user.id))?._etag).toBe(synced?._etag);
  });

  it('brings the recorded roles in line with the token’s, keeping what the sync wrote', async () => {
    const user = newUser('Lena Vogt', 'contoso.example', { department: 'Sales', appRoles: ['Leader'] });
    env.directory.upsertUser(tenant, user);
    await env.sync();
    expect(await env.person(tenant, user.id)).toMatchObject({ roles: ['Employee'], department: 'Sales' });
    const token = await env.api.tokenFor(tenant, user.id);
    expect((await env.api.request('GET', '/api/me/tasks', { token })).status).toBe(200);
    expect(await env.person(tenant, user.id)).toMatchObject({ roles: ['Employee', 'Leader'], department: 'Sales', displayName: 'Lena Vogt' });
  });

  it('creates nothing for a person of a tenant that has not set up Line of Sight', async () => {
    const token = await env.api.tokenFor(NORTHWIND_IDS.tenant, NORTHWIND_IDS.people.quinn);
    const response = await env.api.request('GET', '/api/me/tasks', { token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'tenant_not_onboarded' });
    expect(await env.api.storedDocuments('directory', NORTHWIND_IDS.tenant)).toEqual([]);
  });
});
