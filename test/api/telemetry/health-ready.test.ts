/**
 * GET /api/health/ready: refused without credentials, to a non-Admin and with a wrong key; the
 * operator's key sees every tenant (by id only); an Admin sees only their own tenant; the outbox
 * backlog, the oldest waiting entry's age, dead letters and sync lag are computed with the API's clock.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import type { Readiness } from '../../../api/src/domain/readiness.js';
import { TEST_EPOCH } from '../../support/clock.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const HEALTH_KEY = 'test-health-key-0123456789abcdef';
const NOW = Date.parse(TEST_EPOCH);
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
let api: ApiTestStack;
let cosmos: CosmosClient;

beforeAll(async () => {
  process.env.LOS_HEALTH_KEY = HEALTH_KEY;
  // A clock that stands still: ages are exact.
  api = await startApiTestStack({ now: () => new Date(NOW) });
  cosmos = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ rejectUnauthorized: false }) });
});
afterAll(async () => {
  delete process.env.LOS_HEALTH_KEY;
  cosmos?.dispose();
  await api?.close();
});

const ready = (headers: Record<string, string> = {}, token?: string) => api.request<Readiness & { code?: string }>('GET', '/api/health/ready', { headers, ...(token ? { token } : {}) });

describe('GET /api/health/ready', () => {
  it('refuses anonymous callers, people who are not Admins and a wrong key', async () => {
    expect((await ready()).status).toBe(401);
    expect((await ready({}, await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben))).status).toBe(403);
    const wrong = await ready({ 'x-health-key': `${HEALTH_KEY}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.body.tenants).toBeUndefined();
    expect((await ready({ 'x-health-key': '' })).status).toBe(401);
  });

  it('answers the operator’s key for every tenant, by id only', async () => {
    const response = await ready({ 'x-health-key': HEALTH_KEY });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body.cosmos.reachable).toBe(true);
    expect(response.body.cosmos.latencyMs).toBeGreaterThanOrEqual(0);
    const ids = response.body.tenants.map((tenant) => tenant.tenantId);
    expect(ids).toEqual(expect.arrayContaining([CONTOSO_IDS.tenant, FABRIKAM_IDS.tenant]));
    expect(response.text).not.toMatch(/Contoso|Fabrikam/);
  });

  it('shows an Admin their own tenant only', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.grace);
    const response = await ready({}, token);
    expect(response.status).toBe(200);
    expect(response.body.tenants.map((tenant) => tenant.tenantId)).toEqual([CONTOSO_IDS.tenant]);
    expect(response.text).not.toContain(FABRIKAM_IDS.tenant);
    expect(response.text).not.toMatch(/Fabrikam/);
  });

  it('reports the outbox backlog, the oldest waiting entry’s age, dead letters and the sync lag from the API’s clock', async () => {
    const tenantId = CONTOSO_IDS.tenant;
    const token = await api.tokenFor(tenantId, CONTOSO_IDS.people.grace);
    const before = (await ready({}, token)).body.tenants[0]!;
    const outbox = cosmos.database(DATABASE_ID).container(CONTAINERS.onboarding.id);
    const entry = (id: string, state: string, createdAt: string) => ({ id, tenantId, type: 'outbox', state, createdAt, updatedAt: createdAt, nextAttemptAt: createdAt, attempts: 0 });
    const suffix = crypto.randomUUID();
    // Older than anything the demo data queues: 30 days before "now".
    await outbox.items.create(entry(`ready-a-${suffix}`, 'pending', ago(30 * 86_400)));
    await outbox.items.create(entry(`ready-b-${suffix}`, 'failed', ago(60)));
    await outbox.items.create(entry(`ready-c-${suffix}`, 'sent', ago(40 * 86_400)));
    await outbox.items.create({ ...entry(`ready-d-${suffix}`, 'dead', ago(50 * 86_400)), deadAt: ago(10) });
    await cosmos
      .database(DATABASE_ID)
      .container(CONTAINERS.directory.id)
      .items.upsert({ id: 'directory-sync', tenantId, type: 'directorySync', users: { completedAt: ago(3 * 3600) }, updatedAt: ago(3 * 3600) });

    const after = (await ready({}, token)).body;
    const tenant = after.tenants[0]!;
    expect(tenant.outbox.pending).toBe(before.outbox.pending + 2);
    expect(tenant.outbox.oldestPendingAgeSeconds).toBe(30 * 86_400);
    expect(tenant.outbox.dead).toBe(before.outbox.dead + 1);
    expect(tenant.directorySync).toEqual({ lastCompletedAt: ago(3 * 3600), lagSeconds: 3 * 3600 });
    expect(tenant.status).toBe('degraded');
    expect(after.status).toBe('degraded');
    expect(after.checkedAt).toBe(TEST_EPOCH);
  });

  it('keeps GET /api/health anonymous and free of storage', async () => {
    const response = await api.request<{ status: string }>('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });
});
