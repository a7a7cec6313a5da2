/**
 * A Teams Administrator signs their organisation up through the API, as the wizard does: start,
 * consent link → the fake Entra consent page → check, company name and statement, strategies from a
 * CSV export (dry run, then applied), Microsoft 365 groups chosen as teams, finish. Then the tenant is
 * onboarded: the home view answers, the teams are linked to their groups, the signer is an Admin,
 * and a repeated finish changes nothing. ETags and Idempotency-Key hold on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, SignupDraft, SignupGroups, SignupStatus } from '../../../api/src/shared/contracts.js';
import { CONSENT_PAGE, signupTenant, startSignupTestStack, type SignupTestStack } from './signup-test-support.js';

const { init, tenant } = signupTenant(21);
const { init: otherInit, tenant: other } = signupTenant(22);
let stack: SignupTestStack;

beforeAll(async () => {
  stack = await startSignupTestStack([init, otherInit]);
});
afterAll(async () => {
  await stack?.close();
});

const CSV = ['type,id,order,title,why,customerImpact,name,vision,mission,differentiator,description,measures',
  'organisation,,,,,,Northwind Test,Goods on time everywhere,Move goods well,One accountable person,,',
  'value,,,,,,Keep promises,,,,We do what we say,',
  'strategy,old-id-7,1,Deliver on time,Late orders lose customers,Customers plan around us,,,,,,On-time rate',
  'strategy,,2,Grow accounts,,,,,,,,',
].join('\n');

describe('signing an organisation up', () => {
  it('walks every step to an onboarded tenant', async () => {
    const admin = tenant.teamsAdmin;
    const started = await stack.call<SignupDraft>(admin, 'POST', '/api/signup', { json: {}, headers: { 'Idempotency-Key': 'start-21' } });
    expect(started.status).toBe(201);
    const replay = await stack.call(admin, 'POST', '/api/signup', { json: {}, headers: { 'Idempotency-Key': 'start-21' } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    // Consent: the link, Entra's page, back to the tab's page with the state, then the check.
    const link = await stack.call<{ url: string; state: string }>(admin, 'POST', '/api/signup/consent-link', { json: { redirectUri: CONSENT_PAGE } });
    expect(link.status).toBe(200);
    const url = new URL(link.body.url);
    expect(url.pathname).toBe(`/${tenant.id}/v2.0/adminconsent`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: stack.graph.clientId, scope: 'https://graph.microsoft.com/.default', redirect_uri: CONSENT_PAGE, state: link.body.state });
    const back = await stack.consent(link.body.url, 'accept');
    expect(back.searchParams.get('admin_consent')).toBe('True');
    expect(back.searchParams.get('state')).toBe(link.body.state);
    const check = await stack.call<{ consent: { state: string }; draft: SignupDraft }>(admin, 'POST', '/api/signup/consent-check', { json: {} });
    expect(check.body.consent).toMatchObject({ state: 'granted', missing: [] });

    // Company name and statement: PUT with the etag (428 without, 412 with a stale one).
    let etag = check.body.draft.etag;
    expect((await stack.call(admin, 'PUT', '/api/signup', { json: { companyName: 'X' } })).status).toBe(428);
    const named = await stack.call<SignupDraft>(admin, 'PUT', '/api/signup', { json: { companyName: 'Tenant 21 Ltd' }, headers: { 'If-Match': etag } });
    expect(named.status).toBe(200);
    expect((await stack.call(admin, 'PUT', '/api/signup', { json: { companyName: 'Late' }, headers: { 'If-Match': etag } })).status).toBe(412);
    etag = named.body.etag;

    // Strategies from a CSV export: the preview writes nothing; applying needs the etag.
    const preview = await stack.call<ImportResult>(admin, 'POST', '/api/signup/strategies/import?dryRun=true', { body: CSV, headers: { 'content-type': 'text/csv' } });
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    // The organisation (the draft has a name but no statement yet) and two strategies.
    expect(preview.body.summary).toMatchObject({ create: 3, update: 0 });
    expect((await stack.call<SignupStatus>(admin, 'GET', '/api/signup')).body.draft?.strategies).toEqual([]);
    const applied = await stack.call<ImportResult>(admin, 'POST', '/api/signup/strategies/import?dryRun=false', { body: CSV, headers: { 'content-type': 'text/csv', 'If-Match': etag } });
    expect(applied.body).toMatchObject({ applied: true });
    const afterImport = (await stack.call<SignupStatus>(admin, 'GET', '/api/signup')).body.draft!;
    expect(afterImport).toMatchObject({ companyName: 'Northwind Test', statement: { vision: 'Goods on time everywhere', values: [{ name: 'Keep promises' }] } });
    expect(afterImport.strategies.map((s) => s.title)).toEqual(['Deliver on time', 'Grow accounts']);
    expect(afterImport.strategies[0]).toMatchObject({ measures: ['On-time rate'] });
    expect(afterImport.strategies[0]!.id).not.toBe('old-id-7');

    // Groups and teams: only Microsoft 365 groups are offered; a group of another tenant is refused.
    const groups = await stack.call<SignupGroups>(admin, 'GET', '/api/signup/groups');
    expect(groups.body.groups.map((g) => [g.displayName, g.isTeam])).toEqual([['Everyone', false], ['Sales', true], ['Warehouse', true]]);
    stack.graph.inject({ kind: 'throttle', count: 1, retryAfter: '120', path: '/v1.0/groups' });
    const throttled = await stack.call(admin, 'GET', '/api/signup/groups');
    expect([throttled.status, throttled.headers.get('retry-after'), (throttled.body as { code?: string }).code]).toEqual([503, '120', 'graph_throttled']);
    const found = await stack.call<SignupGroups>(admin, 'GET', '/api/signup/groups?search=ware');
    expect(found.body.groups.map((g) => g.displayName)).toEqual(['Warehouse']);
    const foreign = await stack.call(admin, 'PUT', '/api/signup', { json: { teams: [{ groupId: other.groups.sales }] }, headers: { 'If-Match': afterImport.etag } });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ errors: [{ path: 'teams.0.groupId' }] });
    const chosen = await stack.call<SignupDraft>(admin, 'PUT', '/api/signup', { json: { teams: [{ groupId: tenant.groups.sales }, { groupId: tenant.groups.everyone }] }, headers: { 'If-Match': afterImport.etag } });
    expect(chosen.body.teams).toEqual([
      { groupId: tenant.groups.sales, displayName: 'Sales', isTeam: true },
      { groupId: tenant.groups.everyone, displayName: 'Everyone', isTeam: false },
    ]);

    // Before finishing, the tenant is still not onboarded for anyone.
    expect((await stack.call(tenant.employee, 'GET', '/api/me/line-of-sight')).body).toMatchObject({ code: 'tenant_not_onboarded' });
    const finished = await stack.call(admin, 'POST', '/api/signup/finish', { json: {}, headers: { 'If-Match': chosen.body.etag, 'Idempotency-Key': 'finish-21' } });
    expect(finished.status).toBe(201);
    expect(finished.body).toEqual({ tenantId: tenant.id, name: 'Northwind Test', onboardedAt: expect.any(String), strategies: 2, teams: 2 });

    const home = await stack.call<{ tenant: { name: string }; organisation: { vision: string }; strategies: { title: string }[]; me: { roles: string[] } }>(admin, 'GET', '/api/me/line-of-sight');
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ tenant: { name: 'Northwind Test' }, organisation: { vision: 'Goods on time everywhere' }, me: { roles: ['Employee', 'Admin'] } });
    expect(home.body.strategies.map((s) => s.title)).toEqual(['Deliver on time', 'Grow accounts']);
    expect((await stack.call(tenant.employee, 'GET', '/api/me/line-of-sight')).status).toBe(200);

    const directory = await stack.api.storedDocuments<Record<string, unknown>>('directory', tenant.id);
    expect(directory.filter((doc) => doc.type === 'team').map(({ id, name, groupId, linkedGroup }) => ({ id, name, groupId, linkedGroup }))).toEqual(expect.arrayContaining([
      { id: tenant.groups.sales, name: 'Sales', groupId: tenant.groups.sales, linkedGroup: { displayName: 'Sales', isTeam: true } },
      { id: tenant.groups.everyone, name: 'Everyone', groupId: tenant.groups.everyone, linkedGroup: { displayName: 'Everyone', isTeam: false } },
    ]));
    expect(directory.find((doc) => doc.type === 'person' && doc.id === admin.userId)).toMatchObject({ grantedRoles: ['Admin'] });
    expect(directory.filter((doc) => doc.type === 'audit').map((doc) => doc.note)).toEqual(expect.arrayContaining(['Sign-up started (Teams Administrator)', 'Sign-up finished (Teams Administrator)']));

    // Done: a replay answers the same; a new finish or start is refused and writes nothing.
    const again = await stack.call(admin, 'POST', '/api/signup/finish', { json: {}, headers: { 'If-Match': chosen.body.etag, 'Idempotency-Key': 'finish-21' } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await stack.call(admin, 'POST', '/api/signup/finish', { json: {}, headers: { 'If-Match': chosen.body.etag } })).body).toMatchObject({ code: 'tenant_already_onboarded' });
    expect((await stack.call<SignupStatus>(admin, 'GET', '/api/signup')).body).toMatchObject({ onboarded: true, draft: null });
    expect(await stack.api.storedDocuments('strategy', tenant.id)).toHaveLength(2 + 1 + 3);

    // Another Admin granting the signer Leader keeps the Admin they got by signing up.
    const signer = (await stack.api.storedDocuments('directory', tenant.id)).find((doc) => doc.type === 'person' && doc.id === admin.userId)!;
    const granted = await stack.call(tenant.appAdmin, 'PUT', `/api/people/${admin.userId}/granted-roles`, { json: { roles: ['Leader'] }, headers: { 'If-Match': signer._etag } });
    expect(granted.status).toBe(200);
    expect((await stack.call<{ me: { roles: string[] } }>(admin, 'GET', '/api/me/line-of-sight')).body.me.roles).toEqual(['Employee', 'Leader', 'Admin']);
  });

  it('refuses a consent page that is not the registered one', async () => {
    await stack.call(other.globalAdmin, 'POST', '/api/signup', { json: {} });
    const link = await stack.call(other.globalAdmin, 'POST', '/api/signup/consent-link', { json: { redirectUri: 'https://evil.example/steal' } });
    expect(link.status).toBe(400);
    expect(link.body).toMatchObject({ errors: [{ path: 'redirectUri' }] });
  });
});
