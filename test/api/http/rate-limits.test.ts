/**
 * Rate limits over real HTTP. The limits are tiny and the window an hour long, so every outcome
 * depends on how many requests were made, never on how fast: nothing refills during the test.
 * Contoso's people use the ordinary and expensive budgets; Fabrikam's fill their tenant's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPENSIVE_FUNCTIONS } from '../../../api/src/http/rate-limit-config.js';
import { registeredHttpFunctions } from '../../../api/src/local/functions-core-stand-in.js';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiResponse, type ApiTestStack } from '../support/api-test-stack.js';

const WINDOW_SECONDS = 3600;
let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack({
    // Contoso uses at most 5 + 3 + 3 + 5 ordinary requests that count, and 2 expensive ones.
    rateLimits: { windowSeconds: WINDOW_SECONDS, person: 5, personExpensive: 2, tenant: 20, tenantExpensive: 3 },
  });
});
afterAll(async () => {
  await api?.close();
});

async function as(tenantId: string, userId: string) {
  const token = await api.tokenFor(tenantId, userId);
  return (path: string) => api.request('GET', path, { token });
}

function expectRateLimited(response: ApiResponse): void {
  expect(response.status).toBe(429);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(problemSchema.parse(response.body)).toMatchObject({ status: 429, code: 'rate_limited', type: 'https://lineofsight.app/problems/rate_limited' });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe('rate limits', () => {
  it('refuses a person over their limit with 429 and Retry-After, while a colleague is served', async () => {
    const ben = await as(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
    const chiara = await as(CONTOSO_IDS.tenant, CONTOSO_IDS.people.chiara);
    for (let i = 0; i < 5; i += 1) expect((await ben('/api/me/tasks')).status).toBe(200);

    // A burst of 20 more: all refused. Had they counted for the tenant (limit 20), Chiara would be refused too.
    const burst = await Promise.all(Array.from({ length: 20 }, () => ben('/api/me/tasks')));
    for (const response of burst) expectRateLimited(response);
    expect(problemSchema.parse(burst[0]!.body).detail).toMatch(/one person/);

    for (let i = 0; i < 3; i += 1) expect((await chiara('/api/me/tasks')).status).toBe(200);
    expectRateLimited(await ben('/api/me/line-of-sight'));
  });

  it('limits an expensive route sooner than an ordinary one', async () => {
    const aisha = await as(CONTOSO_IDS.tenant, CONTOSO_IDS.people.aisha);
    expect((await aisha('/api/insights')).status).toBe(200);
    expect((await aisha('/api/insights')).status).toBe(200);
    expectRateLimited(await aisha('/api/insights'));
    expectRateLimited(await aisha('/api/strategy-map/export?format=json'));
    // Three ordinary requests after the expensive budget is spent: still served.
    for (let i = 0; i < 3; i += 1) expect((await aisha('/api/strategy-map')).status).toBe(200);
  });

  it('holds a whole tenant to its own limit, far above what one person may', async () => {
    const [marc, yara, sofia] = await Promise.all([
      as(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
      as(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.yara),
      as(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.sofia),
    ]);
    expect((await marc('/api/insights')).status).toBe(200);
    expect((await marc('/api/insights')).status).toBe(200);
    expect((await yara('/api/insights')).status).toBe(200);
    // Yara and Sofia are within their own budgets (2 each); the tenant's (3) is spent.
    const refused = await yara('/api/insights');
    expectRateLimited(refused);
    expect(problemSchema.parse(refused.body).detail).toMatch(/organisation/);
    expectRateLimited(await sofia('/api/insights'));
    // The ordinary budget is separate.
    expect((await sofia('/api/me/tasks')).status).toBe(200);
  });

  it('counts replays of an Idempotency-Key like any request: retrying is no way round the limit', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.daniel);
    const create = () =>
      api.request('POST', '/api/me/tasks', { token, headers: { 'idempotency-key': 'rate-limited-replay' }, json: { title: 'Once', strategyId: null, howItServes: '' } });
    expect((await create()).status).toBe(201);
    for (let i = 0; i < 4; i += 1) expect((await create()).headers.get('idempotent-replayed')).toBe('true');
    expectRateLimited(await create());
  });

  it('names only registered functions as expensive', () => {
    const registered = new Set(registeredHttpFunctions().map((fn) => fn.metadata.name));
    expect([...EXPENSIVE_FUNCTIONS].filter((name) => !registered.has(name))).toEqual([]);
  });
});
