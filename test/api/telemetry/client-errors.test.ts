/**
 * POST /api/client-errors: the tab's error reports. Accepted reports are logged with the tenant and
 * the failed request's trace id and nothing else a person could have written; bad input, unknown
 * fields, oversized bodies and strings are refused with problem+json; the per-person limit applies.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ERROR_LIMITS } from '../../../api/src/shared/client-error-contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { installTestTelemetry, newTraceparent } from './telemetry-test-support.js';

const telemetry = installTestTelemetry();
const PERSON_LIMIT = 4;
let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack({ rateLimits: { person: PERSON_LIMIT } });
});
afterAll(async () => api?.close());

const { tenant, people } = CONTOSO_IDS;
const report = (token: string, json: unknown, headers: Record<string, string> = {}) =>
  api.request<{ code?: string; errors?: { path: string }[]; traceId?: string }>('POST', '/api/client-errors', { token, json, headers });

describe('POST /api/client-errors', () => {
  it('accepts a report, logs it with the tenant and the failed request’s trace id, and stores nothing', async () => {
    const token = await api.tokenFor(tenant, people.aisha);
    const failed = newTraceparent();
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((method) => vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))));
    const before = await api.storedDocuments('directory', tenant);
    try {
      const response = await report(
        token,
        { kind: 'api', name: 'ApiError', code: 'internal_error', status: 500, route: '/tab/#/home', traceId: failed.traceId, stack: 'at loadHome (home.js:1:200)' },
        { traceparent: failed.traceparent },
      );
      expect(response.status).toBe(202);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const line = logged.map((text) => /\{.*"event":"client_error".*\}/.exec(text)?.[0]).find(Boolean);
    expect(line).toBeDefined();
    const record = JSON.parse(line!) as Record<string, unknown>;
    expect(record).toMatchObject({ event: 'client_error', tenantId: tenant, traceId: failed.traceId, kind: 'api', code: 'internal_error', status: 500 });
    // The report's own request span is part of the failed request's trace.
    expect(telemetry.spans().some((span) => span.name === 'POST /api/client-errors' && span.spanContext().traceId === failed.traceId)).toBe(true);
    expect((await api.storedDocuments('directory', tenant)).length).toBe(before.length);
  });

  it('refuses bad input, unknown fields and text beyond the caps with problem+json, field by field', async () => {
    const token = await api.tokenFor(tenant, people.ben);
    const bad = await report(token, { kind: 'oops', name: 'Type Error!', traceId: 'XYZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors?.map((error) => error.path).sort()).toEqual(['kind', 'name', 'traceId']);

    // A message (free text) is not a field the report may carry.
    const withMessage = await report(token, { kind: 'unhandled', name: 'TypeError', message: 'Aisha’s secret task' });
    expect(withMessage.status).toBe(400);

    const tooLong = await report(token, { kind: 'unhandled', name: 'TypeError', stack: 'x'.repeat(CLIENT_ERROR_LIMITS.stackChars + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors?.map((error) => error.path)).toEqual(['stack']);
  });

  it('refuses a body over the cap with 413', async () => {
    const token = await api.tokenFor(tenant, people.chiara);
    const response = await api.request<{ code: string }>('POST', '/api/client-errors', {
      token,
      body: JSON.stringify({ kind: 'unhandled', name: 'TypeError', padding: 'x'.repeat(CLIENT_ERROR_LIMITS.maxBodyBytes) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('is rate limited per person like every signed-in route', async () => {
    const token = await api.tokenFor(tenant, people.daniel);
    const statuses: number[] = [];
    for (let i = 0; i <= PERSON_LIMIT; i += 1) statuses.push((await report(token, { kind: 'unhandled', name: 'TypeError' })).status);
    expect(statuses.slice(0, PERSON_LIMIT)).toEqual(Array(PERSON_LIMIT).fill(202));
    expect(statuses.at(-1)).toBe(429);
  });

  it('wants a signed-in caller', async () => {
    expect((await api.request('POST', '/api/client-errors', { json: { kind: 'unhandled', name: 'TypeError' } })).status).toBe(401);
  });
});
