/**
 * Idempotency-Key under concurrency, across people and tenants, over time (via the stored expiresAt
 * and lease, never by sleeping) and after a crash between the write and the stored answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';
import { answerOf, CREATE_KINDS, keyed, mine, recordOf, rewriteRecord, uniqueLabel } from './idempotency-support.js';

let api: ApiTestStack;
let store: StoredDocuments;
let grace: string;
let daniel: string;
let marc: string;
const tenant = CONTOSO_IDS.tenant;
const task = CREATE_KINDS[0]!;
const past = '2000-01-01T00:00:00.000Z';

beforeAll(async () => {
  api = await startApiTestStack();
  store = storedDocumentsOf(api);
  grace = await api.tokenFor(tenant, CONTOSO_IDS.people.grace);
  daniel = await api.tokenFor(tenant, CONTOSO_IDS.people.daniel);
  marc = await api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

describe('concurrent requests with one key', () => {
  it.each(CREATE_KINDS.map((kind) => [kind.kind, kind] as const))('five at once create exactly one %s', async (_name, kind) => {
    const label = uniqueLabel(`Raced ${kind.kind}`);
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 5 }, () => keyed(api, grace, kind.path, kind.body(label), key)));

    expect(await mine(store, kind, tenant, label)).toHaveLength(1);
    // Every answer is the one first answer, or "still running, retry" when the wait ran out.
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.text)).size).toBe(1);
    for (const response of responses.filter((r) => r.status !== 201)) {
      expect(response.status).toBe(409);
      expect(problemSchema.parse(response.body).code).toBe('idempotency_in_progress');
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
  });
});

describe('keys belong to one person in one tenant', () => {
  it("another person's identical key and body is a separate request", async () => {
    const label = uniqueLabel('Shared-key task');
    const key = randomUUID();
    const graces = await keyed(api, grace, task.path, task.body(label), key);
    const daniels = await keyed(api, daniel, task.path, task.body(label), key);
    expect([graces.status, daniels.status]).toEqual([201, 201]);
    expect(daniels.headers.get('idempotent-replayed')).toBeNull();
    expect((daniels.body as { id: string }).id).not.toBe((graces.body as { id: string }).id);
    expect((await mine(store, task, tenant, label)).map((document) => document.ownerId).sort()).toEqual([CONTOSO_IDS.people.daniel, CONTOSO_IDS.people.grace].sort());

    // And another body under that key is no reuse for Daniel either: it is his own fresh key.
    const other = uniqueLabel('Other shared-key task');
    expect((await keyed(api, daniel, task.path, task.body(other), randomUUID())).status).toBe(201);
  });

  it("another tenant's identical key is a separate request", async () => {
    const label = uniqueLabel('Cross-tenant task');
    const key = randomUUID();
    expect((await keyed(api, grace, task.path, task.body(label), key)).status).toBe(201);
    const fabrikam = await keyed(api, marc, task.path, task.body(label), key);
    expect(fabrikam.status).toBe(201);
    expect(fabrikam.headers.get('idempotent-replayed')).toBeNull();
    expect(await mine(store, task, FABRIKAM_IDS.tenant, label)).toHaveLength(1);
    expect(await mine(store, task, tenant, label)).toHaveLength(1);
  });
});

describe('records expire after 24 hours', () => {
  it('keeps the record for 24 h from the first request', async () => {
    const key = randomUUID();
    expect((await keyed(api, grace, task.path, task.body(uniqueLabel('Task')), key)).status).toBe(201);
    const record = await recordOf(store, tenant, CONTOSO_IDS.people.grace, key);
    expect(record).toMatchObject({ state: 'done', tenantId: tenant });
    expect(Date.parse(String(record?.expiresAt)) - Date.parse(String(record?.createdAt))).toBe(24 * 60 * 60 * 1000);
  });

  it('an expired record is not replayed: the request runs again', async () => {
    const label = uniqueLabel('Expiring task');
    const key = randomUUID();
    const first = await keyed(api, grace, task.path, task.body(label), key);
    expect(first.status).toBe(201);
    await rewriteRecord(store, tenant, CONTOSO_IDS.people.grace, key, (record) => ({ ...record, createdAt: past, expiresAt: '2000-01-02T00:00:00.000Z' }));

    const again = await keyed(api, grace, task.path, task.body(label), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect((again.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
    expect(await mine(store, task, tenant, label)).toHaveLength(2);
    // The key is live again, for the new request.
    expect(answerOf(await keyed(api, grace, task.path, task.body(label), key))).toEqual(answerOf(again));
  });
});

describe('a run that crashed after its write, before its answer was stored', () => {
  /** Makes a finished record look like its process died mid-request: running, no answer, lease as given. */
  const crashed = (leaseUntil: string) => (record: Record<string, unknown>) => {
    const { response: _answer, ...rest } = record;
    return { ...rest, id: String(record.id), _etag: String(record._etag), state: 'running', leaseUntil };
  };

  it.each(CREATE_KINDS.map((kind) => [kind.kind, kind] as const))('a retry after the lease answers the %s it wrote, without a second', async (_name, kind) => {
    const label = uniqueLabel(`Crashed ${kind.kind}`);
    const key = randomUUID();
    const first = await keyed(api, grace, kind.path, kind.body(label), key);
    expect(first.status).toBe(201);
    await rewriteRecord(store, tenant, CONTOSO_IDS.people.grace, key, crashed(past));

    const retry = await keyed(api, grace, kind.path, kind.body(label), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await mine(store, kind, tenant, label)).toHaveLength(1);
    expect((retry.body as { id: string }).id).toBe((first.body as { id: string }).id);
    expect(await recordOf(store, tenant, CONTOSO_IDS.people.grace, key)).toMatchObject({ state: 'done' });
  });

  it('a retry while the lease still runs answers 409 idempotency_in_progress with Retry-After, and writes nothing', async () => {
    const label = uniqueLabel('Still running task');
    const key = randomUUID();
    expect((await keyed(api, grace, task.path, task.body(label), key)).status).toBe(201);
    await rewriteRecord(store, tenant, CONTOSO_IDS.people.grace, key, crashed('2999-01-01T00:00:00.000Z'));

    const retry = await keyed(api, grace, task.path, task.body(label), key);
    expect(retry.status).toBe(409);
    expect(problemSchema.parse(retry.body).code).toBe('idempotency_in_progress');
    expect(retry.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await mine(store, task, tenant, label)).toHaveLength(1);
  });
});
