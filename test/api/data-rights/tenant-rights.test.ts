/**
 * A tenant's data rights over real HTTP: the Admin's streamed, paged export holds every document of
 * the tenant; deleting the tenant needs the typed name, waits out the grace period (cancellable), and
 * the timer then removes every document of it (resumable after a crash, idempotent), logged outside
 * the deleted data; the other tenant is untouched throughout.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf, type CosmosContainers } from '../../../api/src/data/cosmos-client.js';
import { createTenantDeletionLog, runDueTenantDeletions } from '../../../api/src/data/tenant-deletion.js';
import { setTenantExportPageSizeForTests } from '../../../api/src/functions/tenant-export.js';
import { adjustableClockFrom } from '../../support/clock.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { everyDocument, readStreamed, tenantFingerprint, withoutSystemFields } from './data-rights-support.js';

const TENANT = CONTOSO_IDS.tenant;
const P = CONTOSO_IDS.people;
const DAY = 24 * 60 * 60 * 1000;
const clock = adjustableClockFrom();

let api: ApiTestStack;
let grace: string;
let ben: string;
let cosmos: CosmosClient;

interface Status { state: string; deleteAfter: string | null; canManage: boolean; etag: string | null; tenantName: string }

beforeAll(async () => {
  api = await startApiTestStack({ now: clock.now });
  cosmos = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  [grace, ben] = await Promise.all([api.tokenFor(TENANT, P.grace), api.tokenFor(TENANT, P.ben)]);
  // A document in a shared partition that is the tenant's: a survey wave's public link.
  expect((await api.request('POST', '/api/surveys', { token: grace, json: { title: 'Spring wave' } })).status).toBe(201);
  // Pages of 5: every container of the tenant spans several pages.
  setTenantExportPageSizeForTests(5);
}, 90_000);

afterAll(async () => {
  setTenantExportPageSizeForTests();
  cosmos?.dispose();
  await api?.close();
});

const timer = () => api.stack.timers.find((candidate) => candidate.name === 'tenant-deletion-timer')!;
const status = async (token = grace) => (await api.request<Status>('GET', '/api/tenant/deletion', { token })).body;
const logEntries = async () => (await everyDocument(api)).filter(({ container }) => container === 'deletionLog').map(({ document }) => document);

describe('the tenant export', () => {
  it('streams every document of the tenant, page by page, and nothing of another tenant', async () => {
    const exported = await readStreamed(`${api.url}/api/tenant/export`, grace);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-length')).toBeNull();
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const body = JSON.parse(exported.text) as { tenantId: string; complete: boolean; containers: Record<string, Record<string, unknown>[]> };
    expect(body.complete).toBe(true);
    expect(body.tenantId).toBe(TENANT);

    // The scan: every container, every partition, whatever is the tenant's.
    const scan = (await everyDocument(api)).filter(({ container, document }) => container !== 'deletionLog' && (document.tenantId === TENANT || document.waveTenantId === TENANT));
    const exportedDocs = Object.entries(body.containers).flatMap(([container, documents]) => documents.map((document) => ({ container, document })));
    const key = (entry: { container: string; document: Record<string, unknown> }) => `${entry.container}/${String(entry.document.tenantId)}/${String(entry.document.id)}`;
    expect(exportedDocs.map(key).sort()).toEqual(scan.map(key).sort());
    const byKey = new Map(exportedDocs.map((entry) => [key(entry), entry.document]));
    for (const entry of scan) expect(byKey.get(key(entry))).toEqual(withoutSystemFields(entry.document));
    // Bigger than one page, in several containers.
    expect(body.containers.directory!.length).toBeGreaterThan(5);
    expect(body.containers.strategy!.length).toBeGreaterThan(5);
    expect(body.containers.pulses!.some((document) => document.type === 'surveyLink')).toBe(true);
    expect(exported.text).not.toContain(FABRIKAM_IDS.tenant);
  });

  it('is for Admins only', async () => {
    const refused = await api.request('GET', '/api/tenant/export', { token: ben });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('deleting the tenant', () => {
  it('refuses without writing: an employee (403), a wrong name (400 on the field), a missing one (400)', async () => {
    const before = await tenantFingerprint(api, TENANT);
    const employee = await api.request('POST', '/api/tenant/deletion', { token: ben, json: { confirmation: 'Contoso Logistics' } });
    expect(employee.status).toBe(403);
    const wrong = await api.request<{ code: string; errors: { path: string }[] }>('POST', '/api/tenant/deletion', { token: grace, json: { confirmation: 'Contoso' } });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.code).toBe('confirmation_mismatch');
    expect(wrong.body.errors.map((error) => error.path)).toEqual(['confirmation']);
    const missing = await api.request<{ code: string }>('POST', '/api/tenant/deletion', { token: grace, json: {} });
    expect(missing.status).toBe(400);
    expect(await logEntries()).toEqual([]);
    expect(await tenantFingerprint(api, TENANT)).toEqual(before);
    expect((await status(ben)).state).toBe('none');
  });

  it('is cancelled within the grace period: nothing is deleted, even after it would have ended', async () => {
    const scheduled = await api.request<Status>('POST', '/api/tenant/deletion', { token: grace, json: { confirmation: '  contoso logistics ' } });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.state).toBe('scheduled');
    expect(Date.parse(scheduled.body.deleteAfter!) - clock.now().getTime()).toBeGreaterThan(7 * DAY - 60_000);
    // Everyone in the tenant sees it; only an Admin may manage it.
    const seen = await status(ben);
    expect(seen).toMatchObject({ state: 'scheduled', canManage: false, deleteAfter: scheduled.body.deleteAfter });
    expect((await api.request('POST', '/api/tenant/deletion/cancel', { token: ben, json: {}, headers: { 'If-Match': scheduled.body.etag! } })).status).toBe(403);
    expect((await api.request('POST', '/api/tenant/deletion/cancel', { token: grace, json: {} })).status).toBe(428);
    expect((await api.request('POST', '/api/tenant/deletion/cancel', { token: grace, json: {}, headers: { 'If-Match': '"stale"' } })).status).toBe(412);
    const cancelled = await api.request<Status>('POST', '/api/tenant/deletion/cancel', { token: grace, json: {}, headers: { 'If-Match': scheduled.body.etag! } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');

    const before = await tenantFingerprint(api, TENANT);
    clock.advance(8 * DAY);
    await timer().run();
    expect(await tenantFingerprint(api, TENANT)).toEqual(before);
    expect((await api.request('GET', '/api/me/line-of-sight', { token: ben })).status).toBe(200);
  });

  it('is carried out by the timer once the grace period has passed: resumable after a crash, idempotent, logged outside the data', async () => {
    const fabrikamBefore = await tenantFingerprint(api, FABRIKAM_IDS.tenant);
    const scheduled = await api.request<Status>('POST', '/api/tenant/deletion', { token: grace, json: { confirmation: 'Contoso Logistics' }, headers: { 'Idempotency-Key': 'delete-contoso' } });
    expect(scheduled.status).toBe(201);
    // Before the end of the grace period the timer leaves it.
    clock.advance(6 * DAY);
    await timer().run();
    expect((await api.request('GET', '/api/me/line-of-sight', { token: ben })).status).toBe(200);

    // After it: a run that crashes mid-way (the store fails after 20 deletes) ...
    clock.advance(1 * DAY + 60_000);
    let deletes = 0;
    const failing = crashingAfter(containersOf(cosmos), 20, () => (deletes += 1));
    await expect(runDueTenantDeletions(failing, createTenantDeletionLog(containersOf(cosmos).deletionLog), clock.now, () => undefined)).rejects.toThrow('crash');
    expect(deletes).toBe(21);
    expect((await logEntries()).find((entry) => entry.state === 'deleting')).toBeDefined();
    // ... and the next timer run finishes it.
    await timer().run();

    const remaining = (await everyDocument(api)).filter(({ document }) => JSON.stringify(document).includes(TENANT));
    expect(remaining.map(({ container }) => container)).toEqual(['deletionLog', 'deletionLog']);
    const done = remaining.map(({ document }) => document).find((document) => document.state === 'done')!;
    expect(done).toMatchObject({ deletedTenantId: TENANT, state: 'done', type: 'tenantDeletion' });
    expect(typeof done.doneAt).toBe('string');
    expect(done.requestedBy).not.toBe(P.grace);
    // No personal data in the log: no id or name of anyone.
    const logText = JSON.stringify(await logEntries()).toLowerCase();
    for (const id of Object.values(P)) expect(logText).not.toContain(id.toLowerCase());
    expect(logText).not.toContain('grace');
    // Nothing of the tenant through any route: its people are not admitted any more.
    for (const [token, path] of [[grace, '/api/tenant/export'], [ben, '/api/me/line-of-sight'], [ben, '/api/me/data-export'], [grace, '/api/people']] as const) {
      const read = await api.request<{ code: string }>('GET', path, { token });
      expect(read.status, path).toBe(403);
      expect(read.body.code).toBe('tenant_not_onboarded');
    }
    expect(await tenantFingerprint(api, FABRIKAM_IDS.tenant)).toEqual(fabrikamBefore);

    // A rerun changes nothing.
    const store = JSON.stringify((await everyDocument(api)).map(({ container, document }) => `${container}/${document.id}/${document._etag}`).sort());
    await timer().run();
    expect(JSON.stringify((await everyDocument(api)).map(({ container, document }) => `${container}/${document.id}/${document._etag}`).sort())).toBe(store);

    // Another instance that still had the tenant cached as onboarded writes a first-request record: the next run sweeps it.
    await containersOf(cosmos).directory.items.create({ id: P.ben, tenantId: TENANT, type: 'person', displayName: 'Ben Carter', teamId: null, roles: ['Employee'] });
    await timer().run();
    expect((await everyDocument(api)).filter(({ document }) => document.tenantId === TENANT)).toEqual([]);
  });
});

/** The containers, with every delete after the first `limit` failing as a crash would. */
function crashingAfter(containers: CosmosContainers, limit: number, onDelete: () => number): CosmosContainers {
  const wrap = (container: CosmosContainers[keyof CosmosContainers]) =>
    new Proxy(container, {
      get(target, property, receiver) {
        if (property !== 'item') return Reflect.get(target, property, receiver);
        return (id: string, partitionKey: string) => {
          const item = target.item(id, partitionKey);
          return new Proxy(item, {
            get(inner, name, innerReceiver) {
              if (name !== 'delete') return Reflect.get(inner, name, innerReceiver);
              return async () => {
                if (onDelete() > limit) throw new Error('crash');
                return inner.delete();
              };
            },
          });
        };
      },
    });
  return Object.fromEntries(Object.entries(containers).map(([name, container]) => [name, wrap(container)])) as CosmosContainers;
}
