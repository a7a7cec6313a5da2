/**
 * Idempotency-Key over real HTTP: a retry with the same key and body answers the first response and
 * writes nothing; the same key for another request is refused; a failed request does not pin its key.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResultSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { exportJson, importFile } from '../import-export/import-export-support.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';
import { answerOf, CREATE_KINDS, keyed, mine, recordOf, uniqueLabel } from './idempotency-support.js';

let api: ApiTestStack;
let store: StoredDocuments;
let grace: string;
const tenant = CONTOSO_IDS.tenant;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storedDocumentsOf(api);
  // Grace is Leader and Admin: she may create every kind of document.
  grace = await api.tokenFor(tenant, CONTOSO_IDS.people.grace);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

describe.each(CREATE_KINDS)('POST $path with an Idempotency-Key', (kind) => {
  it(`a retry answers the first ${kind.kind} again and writes nothing`, async () => {
    const label = uniqueLabel(`Retried ${kind.kind}`);
    const key = randomUUID();
    const first = await keyed(api, grace, kind.path, kind.body(label), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const written = await store.fingerprint(kind.container, tenant);

    const retry = await keyed(api, grace, kind.path, kind.body(label), key);
    expect(answerOf(retry)).toEqual(answerOf(first));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await store.fingerprint(kind.container, tenant)).toEqual(written);
    expect(await mine(store, kind, tenant, label)).toHaveLength(1);
  });

  it(`the same key with another ${kind.kind} is refused with 422 and writes nothing`, async () => {
    const label = uniqueLabel(`Keyed ${kind.kind}`);
    const key = randomUUID();
    expect((await keyed(api, grace, kind.path, kind.body(label), key)).status).toBe(201);
    const written = await store.fingerprint(kind.container, tenant);

    const other = uniqueLabel(`Other ${kind.kind}`);
    const reused = await keyed(api, grace, kind.path, kind.body(other), key);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(reused.body)).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await store.fingerprint(kind.container, tenant)).toEqual(written);
    expect(await mine(store, kind, tenant, other)).toEqual([]);
  });
});

describe('POST /api/strategy-map/import?dryRun=false with an Idempotency-Key', () => {
  it('a retry answers the applied import again (not 412) and writes nothing', async () => {
    const { file, response: exported } = await exportJson(api, grace);
    const label = uniqueLabel('Imported strategy');
    const edited = { ...file, strategies: [...file.strategies, { id: '', title: label, why: 'Imported.' }] };
    const preview = await importFile(api, grace, edited);
    expect(preview.status).toBe(200);
    const ifMatch = preview.headers.get('etag') ?? exported.headers.get('etag') ?? '';
    const key = randomUUID();
    const apply = () => api.request('POST', '/api/strategy-map/import?dryRun=false', {
      token: grace, headers: { 'content-type': 'application/json', 'if-match': ifMatch, 'idempotency-key': key }, body: JSON.stringify(edited),
    });

    const first = await apply();
    expect(first.status).toBe(200);
    expect(importResultSchema.parse(first.body)).toMatchObject({ applied: true });
    const written = await store.fingerprint('strategy', tenant);

    const retry = await apply();
    expect(answerOf(retry)).toEqual(answerOf(first));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await store.fingerprint('strategy', tenant)).toEqual(written);
    expect((await store.list('strategy', tenant, 'strategy')).filter((document) => document.title === label)).toHaveLength(1);
  });
});

describe('what a key belongs to', () => {
  const task = CREATE_KINDS[0]!;

  it('the same key on another route is refused with 422 and writes nothing', async () => {
    const key = randomUUID();
    expect((await keyed(api, grace, '/api/me/tasks', task.body(uniqueLabel('Task')), key)).status).toBe(201);
    const before = await store.fingerprint('directory', tenant);
    const label = uniqueLabel('Team');
    const reused = await keyed(api, grace, '/api/teams', { name: label }, key);
    expect(reused.status).toBe(422);
    expect(problemSchema.parse(reused.body).code).toBe('idempotency_key_reused');
    expect(await store.fingerprint('directory', tenant)).toEqual(before);
  });

  it('a failed request does not pin its key: a corrected retry with the same key runs', async () => {
    const key = randomUUID();
    const label = uniqueLabel('Corrected task');
    const invalid = await keyed(api, grace, task.path, { title: '', strategyId: null, howItServes: '' }, key);
    expect(invalid.status).toBe(400);
    expect(await recordOf(store, tenant, CONTOSO_IDS.people.grace, key)).toBeUndefined();

    const corrected = await keyed(api, grace, task.path, task.body(label), key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    expect(await mine(store, task, tenant, label)).toHaveLength(1);
  });

  it('without a key every request runs, as before', async () => {
    const label = uniqueLabel('Unkeyed task');
    expect((await keyed(api, grace, task.path, task.body(label), undefined)).status).toBe(201);
    expect((await keyed(api, grace, task.path, task.body(label), undefined)).status).toBe(201);
    expect(await mine(store, task, tenant, label)).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not printable', 'key\twith-a-tab'],
  ])('a key that is %s is refused with 400 and writes nothing', async (_what, key) => {
    const label = uniqueLabel('Badly keyed task');
    const response = await api.request('POST', task.path, { token: grace, json: task.body(label), headers: { 'idempotency-key': key } });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).code).toBe('idempotency_key_invalid');
    expect(await mine(store, task, tenant, label)).toEqual([]);
  });

  it('checks the token before the key: a stranger learns nothing', async () => {
    const response = await api.request('POST', task.path, { json: task.body('x'), headers: { 'idempotency-key': '' } });
    expect(response.status).toBe(401);
  });
});
