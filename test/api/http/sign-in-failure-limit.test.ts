/**
 * An address that keeps failing to sign in is refused (429) before its tokens are checked, whatever
 * X-Forwarded-For it claims: the limit reads the hop the host appended. Its own stack, because the
 * test's every request comes from the same loopback address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack({ rateLimits: { windowSeconds: 3600, authFailuresPerAddress: 3 } });
});
afterAll(async () => {
  await api?.close();
});

describe('failed sign-ins per address', () => {
  it('answers 401 up to the limit, then 429 with Retry-After, even for a valid token', async () => {
    const valid = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
    expect((await api.request('GET', '/api/me/tasks', { token: valid })).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await api.request('GET', '/api/me/tasks', { token: `not.a.token${i}` })).status).toBe(401);

    const refused = await api.request('GET', '/api/me/tasks', { token: valid });
    expect(refused.status).toBe(429);
    expect(problemSchema.parse(refused.body)).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const spoofed = await api.request('GET', '/api/me/tasks', { token: valid, headers: { 'x-forwarded-for': '198.51.100.9' } });
    expect(spoofed.status).toBe(429);
    // Public routes are not behind sign-in, so not behind this limit.
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });
});
