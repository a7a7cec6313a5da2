import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devIdentitySchema, problemSchema } from '../../../api/src/shared/contracts.js';
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
    const identities = devIdentitySchema.array().parse(response.body);
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
