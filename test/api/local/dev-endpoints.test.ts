import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { GLOBAL_ADMINISTRATOR_ROLE } from '../../../api/src/local/fake-m365/directory.js';
import { NORTHWIND_IDS } from '../../../api/src/local/fake-m365/northwind.js';
import { devIdentitySchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { z } from 'zod/mini';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => {
  await api?.close();
});

describe('dev sign-in (dev mode)', () => {
  it('lists the demo identities of both tenants with names, teams and roles', async () => {
    const response = await api.request('GET', '/dev/identities');
    expect(response.status).toBe(200);
    const identities = z.array(devIdentitySchema).parse(response.body);
    expect(identities.length).toBeGreaterThanOrEqual(12);
    expect(new Set(identities.map((identity) => identity.tenantId))).toEqual(new Set([CONTOSO_IDS.tenant, FABRIKAM_IDS.tenant]));
    const contoso = identities.filter((identity) => identity.tenantId === CONTOSO_IDS.tenant);
    expect(contoso.length).toBeGreaterThanOrEqual(8);
    expect(new Set(contoso.map((identity) => identity.teamName)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(contoso.flatMap((identity) => identity.roles))).toEqual(new Set(['Employee', 'Leader', 'Admin']));
  });

  it('issues a token the API accepts, for that person only', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.daniel);
    const view = await api.request<{ me: { id: string; roles: string[] } }>('GET', '/api/me/line-of-sight', { token });
    expect(view.status).toBe(200);
    expect(view.body.me).toMatchObject({ id: CONTOSO_IDS.people.daniel, roles: ['Employee', 'Leader'] });
  });

  it('answers 404 for an identity that is not a demo person', async () => {
    const response = await api.request('POST', '/dev/token', { json: { tenantId: CONTOSO_IDS.tenant, userId: FABRIKAM_IDS.people.marc } });
    expect(response.status).toBe(404);
    expect(problemSchema.parse(response.body).code).toBe('not_found');
  });

  it('validates the token request body', async () => {
    const response = await api.request('POST', '/dev/token', { json: { tenantId: 'nope', userId: CONTOSO_IDS.people.ben, extra: 1 } });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path).sort()).toEqual(['extra', 'tenantId']);
  });
});

describe('dev sign-in with the fake Microsoft 365 (npm start)', () => {
  it("lists Northwind Traders' people, its administrator with the Global Administrator directory role", async () => {
    const withFake = await startApiTestStack({ fakeM365: true });
    try {
      const identities = z.array(devIdentitySchema).parse((await withFake.request('GET', '/dev/identities')).body);
      const northwind = identities.filter((identity) => identity.tenantId === NORTHWIND_IDS.tenant);
      expect(northwind.map((identity) => identity.displayName)).toContain('Uma Lindqvist');
      const admin = northwind.find((identity) => identity.userId === NORTHWIND_IDS.people.olivia)!;
      expect(admin).toMatchObject({ tenantName: 'Northwind Traders', upn: 'olivia.brandt@northwind.example', wids: [GLOBAL_ADMINISTRATOR_ROLE] });

      const token = await withFake.tokenFor(NORTHWIND_IDS.tenant, NORTHWIND_IDS.people.olivia);
      expect(decodeJwt(token)).toMatchObject({ tid: NORTHWIND_IDS.tenant, wids: [GLOBAL_ADMINISTRATOR_ROLE], preferred_username: 'olivia.brandt@northwind.example' });
    } finally {
      await withFake.close();
    }
  });
});
