import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { lineOfSightSchema, peopleSchema, personSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storeView, strategyEtag, strategyMap, type StoreView } from './editing-test-support.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let store: StoreView;
let grace: string;
let aisha: string;
let ben: string;
let farid: string;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storeView(api);
  [grace, aisha, ben, farid] = await Promise.all([
    api.tokenFor(tenant, people.grace),
    api.tokenFor(tenant, people.aisha),
    api.tokenFor(tenant, people.ben),
    api.tokenFor(tenant, people.farid),
  ]);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

async function person(token: string, userId: string) {
  const response = await api.request('GET', '/api/people', { token });
  expect(response.status).toBe(200);
  const found = peopleSchema.parse(response.body).people.find((candidate) => candidate.id === userId);
  if (!found) throw new Error(`No person ${userId}`);
  return found;
}

describe('people and roles granted in the app', () => {
  it('lists the tenant’s people with team and roles, to leaders only', async () => {
    const response = await api.request('GET', '/api/people', { token: aisha });
    const list = peopleSchema.parse(response.body).people;
    expect(list).toHaveLength(13);
    expect(list.find((p) => p.id === people.grace)).toMatchObject({ teamName: 'Platform Engineering', roles: ['Employee', 'Leader', 'Admin'], grantedRoles: [] });
    expect(list.every((p) => !Object.values(FABRIKAM_IDS.people).includes(p.id as never))).toBe(true);
  });

  it('an Admin grants Leader (audited), the person can then edit; revoking makes them an employee again', async () => {
    const etag = await strategyEtag(api, farid, strategies.onePlatform);
    const before = await api.request('PATCH', `/api/strategies/${strategies.onePlatform}`, { token: farid, headers: { 'if-match': etag }, json: { progress: 'at_risk' } });
    expect(before.status).toBe(403);

    const auditsBefore = await store.auditCount('directory', tenant);
    const faridBefore = await person(grace, people.farid);
    const granted = await api.request('PUT', `/api/people/${people.farid}/granted-roles`, { token: grace, headers: { 'if-match': faridBefore.etag }, json: { roles: ['Leader'] } });
    expect(granted.status).toBe(200);
    const faridLeader = personSchema.parse(granted.body);
    expect(faridLeader).toMatchObject({ roles: ['Employee', 'Leader'], grantedRoles: ['Leader'] });
    expect(await store.auditCount('directory', tenant)).toBe(auditsBefore + 1);

    const home = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token: farid })).body);
    expect(home.me.roles).toEqual(['Employee', 'Leader']);
    const edit = await api.request('PATCH', `/api/strategies/${strategies.onePlatform}`, { token: farid, headers: { 'if-match': etag }, json: { progress: 'at_risk' } });
    expect(edit.status).toBe(200);

    const stale = await api.request('PUT', `/api/people/${people.farid}/granted-roles`, { token: grace, headers: { 'if-match': faridBefore.etag }, json: { roles: [] } });
    expect(stale.status).toBe(412);
    const revoked = await api.request('PUT', `/api/people/${people.farid}/granted-roles`, { token: grace, headers: { 'if-match': faridLeader.etag }, json: { roles: [] } });
    expect(revoked.status).toBe(200);
    expect(await store.auditCount('directory', tenant)).toBe(auditsBefore + 2);
    const newEtag = await strategyEtag(api, farid, strategies.onePlatform);
    const after = await api.request('PATCH', `/api/strategies/${strategies.onePlatform}`, { token: farid, headers: { 'if-match': newEtag }, json: { progress: 'on_track' } });
    expect(after.status).toBe(403);
  });

  it('only Admins grant; bad roles and missing If-Match are refused; nothing is written', async () => {
    const fingerprint = await store.fingerprint('directory', tenant);
    const ben0 = await person(grace, people.ben);
    const byLeader = await api.request('PUT', `/api/people/${people.ben}/granted-roles`, { token: aisha, headers: { 'if-match': ben0.etag }, json: { roles: ['Leader'] } });
    expect(byLeader.status).toBe(403);
    const byEmployee = await api.request('PUT', `/api/people/${people.ben}/granted-roles`, { token: ben, headers: { 'if-match': ben0.etag }, json: { roles: ['Leader'] } });
    expect(byEmployee.status).toBe(403);
    const admin = await api.request('PUT', `/api/people/${people.ben}/granted-roles`, { token: grace, headers: { 'if-match': ben0.etag }, json: { roles: ['Admin'] } });
    expect(admin.status).toBe(400);
    expect(problemSchema.parse(admin.body).errors?.[0]?.path).toBe('roles.0');
    const noIfMatch = await api.request('PUT', `/api/people/${people.ben}/granted-roles`, { token: grace, json: { roles: ['Leader'] } });
    expect(noIfMatch.status).toBe(428);
    const otherTenant = await api.request('PUT', `/api/people/${FABRIKAM_IDS.people.sofia}/granted-roles`, { token: grace, headers: { 'if-match': ben0.etag }, json: { roles: ['Leader'] } });
    expect(otherTenant.status).toBe(404);
    expect(await store.fingerprint('directory', tenant)).toEqual(fingerprint);
  });
});

describe('an Admin and their own roles', () => {
  const fabrikam = FABRIKAM_IDS.tenant;

  it('refuses an Admin changing their own roles (403, nothing written); another Admin may', async () => {
    const marc = await api.tokenFor(fabrikam, FABRIKAM_IDS.people.marc);
    const marcBefore = await person(marc, FABRIKAM_IDS.people.marc);
    const fingerprint = await store.fingerprint('directory', fabrikam);
    for (const roles of [['Leader'], []]) {
      const own = await api.request('PUT', `/api/people/${FABRIKAM_IDS.people.marc}/granted-roles`, { token: marc, headers: { 'if-match': marcBefore.etag }, json: { roles } });
      expect(own.status).toBe(403);
      expect(problemSchema.parse(own.body)).toMatchObject({ code: 'own_roles', detail: 'Ask another Admin to change your roles.' });
    }
    expect(await store.fingerprint('directory', fabrikam)).toEqual(fingerprint);

    // Tomás holds Admin from his organisation's sign-in (the token's roles claim).
    const issuer = getServices().auth.devTokenIssuer!;
    const tomasAdmin = await issuer.issueDevToken({ tenantId: fabrikam, userId: FABRIKAM_IDS.people.tomas, roles: ['Employee', 'Admin'], displayName: 'Tomás Weber' });
    const byAnother = await api.request('PUT', `/api/people/${FABRIKAM_IDS.people.marc}/granted-roles`, { token: tomasAdmin, headers: { 'if-match': marcBefore.etag }, json: { roles: ['Leader'] } });
    expect(byAnother.status).toBe(200);
    expect(personSchema.parse(byAnother.body).grantedRoles).toEqual(['Leader']);
  });
});

describe('what changed since your last visit', () => {
  it('shows a vision change on the home view, and clears after POST /api/me/visits', async () => {
    // Dismissing the note sends back when the view's changes were read (changesAsOf).
    const seen = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token: ben })).body);
    expect((await api.request('POST', '/api/me/visits', { token: ben, json: { seenUntil: seen.changesAsOf } })).status).toBe(204);
    const quiet = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token: ben })).body);
    expect(quiet.changesSinceLastVisit).toEqual([]);

    const map = await strategyMap(api, aisha);
    const { etag: _etag, ...organisation } = map.organisation;
    const saved = await api.request('PUT', '/api/organisation', {
      token: aisha, headers: { 'if-match': map.organisation.etag }, json: { ...organisation, vision: 'Every promise kept, every pallet visible.' },
    });
    expect(saved.status).toBe(200);
    const strategyEdit = await api.request('PATCH', `/api/strategies/${strategies.onTime}`, {
      token: aisha, headers: { 'if-match': await strategyEtag(api, aisha, strategies.onTime) }, json: { why: 'Customers plan their lines around us.' },
    });
    expect(strategyEdit.status).toBe(200);
    // A strategy Ben serves none of his tasks for: not news for him.
    const unrelated = await api.request('PATCH', `/api/strategies/${strategies.onePlatform}`, {
      token: aisha, headers: { 'if-match': await strategyEtag(api, aisha, strategies.onePlatform) }, json: { progress: 'off_track' },
    });
    expect(unrelated.status).toBe(200);

    const newsView = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token: ben })).body);
    const news = newsView.changesSinceLastVisit ?? [];
    expect(news.map((change) => [change.entityType, change.entityId])).toEqual([
      ['strategy', strategies.onTime],
      ['organisation', 'organisation'],
    ]);
    expect(news[1]?.summary).toBe('Aisha Khan changed the vision');
    expect(news[0]?.summary).toContain('why it is a focus now');

    expect((await api.request('POST', '/api/me/visits', { token: ben, json: { seenUntil: newsView.changesAsOf } })).status).toBe(204);
    const after = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token: ben })).body);
    expect(after.changesSinceLastVisit).toEqual([]);
  });
});
