/**
 * A person's data rights over real HTTP against the local stack: their own download holds their data
 * and no other person's names; an Admin erases a person, after which nothing of them can be read
 * through any route or found in any container, and the other tenant is untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { findInStore, tenantFingerprint } from './data-rights-support.js';

const TENANT = CONTOSO_IDS.tenant;
const P = CONTOSO_IDS.people;
const BEN = { id: P.ben, name: 'Ben Carter', upn: 'ben.carter@contoso' };
const BEN_TASKS = ['Zebra crossing audit 7731', 'Quarterly pallet recount 4412'];

let api: ApiTestStack;
let ben: string;
let grace: string;
let chiara: string;

interface Person { id: string; displayName: string; etag: string }

beforeAll(async () => {
  api = await startApiTestStack();
  [ben, grace, chiara] = await Promise.all([api.tokenFor(TENANT, P.ben), api.tokenFor(TENANT, P.grace), api.tokenFor(TENANT, P.chiara)]);
  // Ben leaves traces everywhere a person can: tasks, a moment, a moment about him, a keyed request, a role grant.
  for (const title of BEN_TASKS) expect((await api.request('POST', '/api/me/tasks', { token: ben, json: { title }, headers: { 'Idempotency-Key': `ben-${title.length}` } })).status).toBe(201);
  const tag = { kind: 'value', value: 'Keep the promise' };
  expect((await api.request('POST', '/api/moments', { token: ben, json: { text: 'Chiara Rossi kept the Lyon promise', recognisedUserIds: [P.chiara], tag } })).status).toBe(201);
  expect((await api.request('POST', '/api/moments', { token: chiara, json: { text: 'Ben Carter stayed late for the recount', recognisedUserIds: [P.ben], tag } })).status).toBe(201);
  const people = await api.request<{ people: Person[] }>('GET', '/api/people', { token: grace });
  const benPerson = people.body.people.find((person) => person.id === P.ben)!;
  expect((await api.request('PUT', `/api/people/${P.ben}/granted-roles`, { token: grace, json: { roles: ['Leader'] }, headers: { 'If-Match': benPerson.etag } })).status).toBe(200);
}, 90_000);

afterAll(async () => api?.close());

async function benEtag(): Promise<string> {
  const people = await api.request<{ people: Person[] }>('GET', '/api/people', { token: grace });
  return people.body.people.find((person) => person.id === P.ben)!.etag;
}

describe('a person downloads their data', () => {
  it('holds exactly their data, with nobody else named', async () => {
    const response = await api.request<{ kind: string; person: { id: string }; containers: Record<string, Record<string, unknown>[]> }>('GET', '/api/me/data-export', { token: ben });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect(response.body.person.id).toBe(P.ben);
    for (const title of BEN_TASKS) expect(response.text).toContain(title);
    expect(response.text).toContain('stayed late for the recount');
    expect(response.text).toContain('kept the Lyon promise');
    expect(response.body.containers.directory?.some((document) => document.id === P.ben && document.type === 'person')).toBe(true);
    // Nobody else: no other person's id, name or sign-in name, in this tenant or the other.
    const others = [...Object.entries(P).filter(([key]) => key !== 'ben').map(([, id]) => id), ...Object.values(FABRIKAM_IDS.people)];
    const lower = response.text.toLowerCase();
    for (const id of others) expect(lower).not.toContain(id.toLowerCase());
    for (const name of ['Chiara Rossi', 'Grace Lee', 'Aisha Khan', 'Daniel Okafor', 'chiara.rossi@', 'grace.lee@']) expect(lower).not.toContain(name.toLowerCase());
    expect(response.text).toContain('Another person');
  });

  it('is only ever the caller’s own: Chiara’s download has none of Ben’s tasks', async () => {
    const response = await api.request('GET', '/api/me/data-export', { token: chiara });
    expect(response.status).toBe(200);
    for (const title of BEN_TASKS) expect(response.text).not.toContain(title);
    expect(response.text.toLowerCase()).not.toContain(P.ben.toLowerCase());
  });
});

describe('an Admin erases a person', () => {
  it('refuses, writing nothing: an employee (403), another tenant’s person (404), no If-Match (428), a stale one (412), a bad body (400), oneself (403)', async () => {
    const before = await tenantFingerprint(api, TENANT);
    const etag = await benEtag();
    const erase = (token: string, userId: string, headers: Record<string, string>, json: unknown = {}) => api.request('POST', `/api/people/${userId}/erase`, { token, json, headers });
    const refusals = [
      [await erase(chiara, P.ben, { 'If-Match': etag }), 403],
      [await erase(grace, FABRIKAM_IDS.people.sofia, { 'If-Match': etag }), 404],
      [await erase(grace, P.ben, {}), 428],
      [await erase(grace, P.ben, { 'If-Match': '"stale"' }), 412],
      [await erase(grace, P.ben, { 'If-Match': etag }, { confirm: true }), 400],
      [await erase(grace, P.grace, { 'If-Match': etag }), 403],
    ] as const;
    for (const [response, status] of refusals) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await tenantFingerprint(api, TENANT)).toEqual(before);
  });

  it('leaves nothing of them in any container or route, keeps others’ records, and leaves the other tenant as it was', async () => {
    const fabrikamBefore = await tenantFingerprint(api, FABRIKAM_IDS.tenant);
    const needles = [BEN.id, BEN.name, BEN.upn, ...BEN_TASKS];
    expect((await findInStore(api, needles)).length).toBeGreaterThan(0);

    const key = 'erase-ben-1';
    const response = await api.request<{ erased: boolean; deleted: number; anonymised: number }>('POST', `/api/people/${P.ben}/erase`, { token: grace, json: {}, headers: { 'If-Match': await benEtag(), 'Idempotency-Key': key } });
    expect(response.status).toBe(200);
    expect(response.body.erased).toBe(true);
    expect(response.body.deleted).toBeGreaterThanOrEqual(BEN_TASKS.length + 1);

    // Every container, every partition.
    expect(await findInStore(api, needles)).toEqual([]);
    // Every route a colleague or an Admin reads.
    for (const [token, path] of [[grace, '/api/people'], [grace, '/api/moments'], [chiara, '/api/moments'], [grace, '/api/insights'], [grace, `/api/teams/${CONTOSO_IDS.teams.operations}/members`], [grace, '/api/strategy-map/export?format=json'], [grace, '/api/tenant/export'], [chiara, '/api/me/data-export']] as const) {
      const read = await api.request('GET', path, { token });
      expect(read.status, path).toBe(200);
      for (const needle of needles) expect(read.text.toLowerCase(), `${path} ${needle}`).not.toContain(needle.toLowerCase());
    }
    // Others' records stay: Chiara's moment about Ben is still there, naming a former colleague.
    const moments = await api.request<{ moments: { text: string; author: { displayName: string } }[] }>('GET', '/api/moments', { token: chiara });
    expect(moments.body.moments.some((moment) => moment.text === 'Former colleague stayed late for the recount')).toBe(true);
    expect(moments.body.moments.some((moment) => moment.text.includes('kept the Lyon promise') && moment.author.displayName === 'Former colleague')).toBe(true);
    // The audit entry of the erasure names nobody.
    const audit = (await api.storedDocuments('directory', TENANT)).filter((doc) => doc.type === 'audit' && (doc as { note?: string }).note?.includes('erased'));
    expect(audit).toHaveLength(1);
    expect((audit[0] as unknown as { actor: { id: string } }).actor.id).toBe(P.grace);

    expect(await tenantFingerprint(api, FABRIKAM_IDS.tenant)).toEqual(fabrikamBefore);

    // A retry with the same key is answered as before; a new request finds nobody.
    const replay = await api.request('POST', `/api/people/${P.ben}/erase`, { token: grace, json: {}, headers: { 'If-Match': 'anything', 'Idempotency-Key': key } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await api.request('POST', `/api/people/${P.ben}/erase`, { token: grace, json: {}, headers: { 'If-Match': 'anything' } })).status).toBe(404);
  });
});
