/**
 * The same stack without dev mode, configured as production would be: the dev endpoints and the
 * local host page do not exist, and no locally minted token is trusted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevTokenIssuer } from '../../../api/src/auth/dev-token-issuer.js';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
beforeAll(async () => {
  process.env.AUTH_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
  process.env.AUTH_APP_ID_URI = 'api://tab.example.com/11111111-2222-4333-8444-555555555555';
  // Never reached by these tests (no token gets that far); loopback keeps it off the network.
  process.env.AUTH_JWKS_URL = 'http://127.0.0.1:9/keys';
  api = await startApiTestStack({ devMode: false });
});
afterAll(async () => {
  await api?.close();
});

describe('without dev mode', () => {
  it.each([
    ['GET', '/dev/identities'],
    ['POST', '/dev/token'],
  ])('%s %s is absent (404)', async (method, path) => {
    const response = await api.request(method, path, method === 'POST' ? { json: { tenantId: 'x', userId: 'y' } } : {});
    expect(response.status).toBe(404);
    expect(problemSchema.parse(response.body).code).toBe('not_found');
  });

  it('does not serve the local Teams host page', async () => {
    expect((await api.request('GET', '/')).status).toBe(404);
  });

  it('still serves the API, and still demands a valid token', async () => {
    expect((await api.request('GET', '/api/health')).status).toBe(200);
    const response = await api.request('GET', '/api/me/tasks', { token: 'not.a.token' });
    expect(response.status).toBe(401);
  });

  it('does not accept a dev-signed token for a demo person', async () => {
    const token = await createDevTokenIssuer().issueDevToken({ tenantId: CONTOSO_IDS.tenant, userId: CONTOSO_IDS.people.ben, roles: ['Employee'] });
    const response = await api.request('GET', '/api/me/line-of-sight', { token });
    // 401, or 503 when the (deliberately unreachable) production key endpoint is asked first.
    expect([401, 503]).toContain(response.status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
