import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { TEAMS_FRAME_ANCESTORS } from '../../../api/src/shared/hosting.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => {
  await api?.close();
});

function expectApiSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
}

describe('health and routing', () => {
  it('answers GET /api/health without a token', async () => {
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', version: expect.any(String) });
    expectApiSecurityHeaders(response.headers);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await api.request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problemSchema.parse(response.body)).toMatchObject({ code: 'not_found', status: 404 });
    expectApiSecurityHeaders(response.headers);
  });

  it('answers a known route with the wrong method with 405 and Allow', async () => {
    const response = await api.request('PUT', '/api/me/tasks');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(problemSchema.parse(response.body)).toMatchObject({
      code: 'method_not_allowed',
      type: 'https://lineofsight.app/problems/method_not_allowed',
    });
  });

  it.each(['/api/me/line-of-sight', '/api/me/tasks', '/api/strategy-map'])('refuses %s without a token (401)', async (path) => {
    const response = await api.request('GET', path);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(problemSchema.parse(response.body).code).toBe('missing_token');
    expectApiSecurityHeaders(response.headers);
  });

  it('refuses a garbage token (401, invalid_token challenge)', async () => {
    const response = await api.request('GET', '/api/me/line-of-sight', { token: 'not.a.token' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves the built tab with a frame-ancestors policy naming only Teams hosts and this page', async () => {
    const response = await api.request('GET', '/tab/');
    const csp = response.headers.get('content-security-policy') ?? '';
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ');
    expect(frameAncestors).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
    expect(TEAMS_FRAME_ANCESTORS).toEqual(expect.arrayContaining(['teams.microsoft.com', '*.cloud.microsoft', 'outlook.office365.com']));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // 200 with HTML when tabs/dist is built, otherwise a 503 that says how to build it.
    if (response.status === 200) expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    else expect(response).toMatchObject({ status: 503, text: expect.stringContaining('npm run build') });
  });

  it('does not serve files outside the tab build', async () => {
    const response = await api.request('GET', '/tab/..%2F..%2Fpackage.json');
    expect([404, 503]).toContain(response.status);
    expect(response.text).not.toContain('"workspaces"');
  });
});
