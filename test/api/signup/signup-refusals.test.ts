/**
 * Who may NOT sign up, and what they see: an employee of a tenant that has not onboarded gets
 * tenant_not_set_up (never a 500) and names who can; the operator's TENANT_SIGNUP closed or an
 * allow-list without the tenant refuses even its Global Administrator; every refused attempt to
 * start is audited and writes nothing else; a person of another tenant never reaches a draft; the
 * sign-up routes' opt-in lets nobody into any other route; nothing finishes without consent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupTenant, startSignupTestStack, type SignupTestStack } from './signup-test-support.js';

const one = signupTenant(11);
const two = signupTenant(12);
const three = signupTenant(13);
const four = signupTenant(14);
let stack: SignupTestStack;

beforeAll(async () => {
  stack = await startSignupTestStack([one.init, two.init, three.init, four.init]);
});
afterAll(async () => {
  await stack?.close();
});

const directoryOf = (tenantId: string) => stack.api.storedDocuments('directory', tenantId);
const refusals = async (tenantId: string) => (await directoryOf(tenantId)).filter((doc) => doc.type === 'audit' && (doc as { action?: string }).action === 'refuse') as unknown as { note: string; actor: { id: string } }[];

describe('someone who may not sign up', () => {
  it('sees "not set up yet, ask your admin" with who can, and starting is refused, audited and writes no draft', async () => {
    stack.policy('open');
    const { employee } = one.tenant;
    const home = await stack.call(employee, 'GET', '/api/me/line-of-sight');
    expect(home.status).toBe(403);
    expect(home.body).toMatchObject({ code: 'tenant_not_onboarded' });

    const status = await stack.call(employee, 'GET', '/api/signup');
    expect(status.status).toBe(403);
    expect(status.body).toMatchObject({ code: 'tenant_not_set_up', detail: expect.stringContaining('Global Administrator') });

    const start = await stack.call(employee, 'POST', '/api/signup', { json: {}, headers: { 'Idempotency-Key': 'employee-start-1' } });
    expect(start.status).toBe(403);
    expect(start.body).toMatchObject({ code: 'tenant_not_set_up' });
    const docs = await directoryOf(one.tenant.id);
    expect(docs.filter((doc) => doc.type === 'signup')).toEqual([]);
    expect(await refusals(one.tenant.id)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: employee.userId }), note: expect.stringContaining('tenant_not_set_up') })]);
  });

  it('cannot reach any other route through the sign-up opt-in: a Global Administrator is still refused elsewhere', async () => {
    stack.policy('open');
    const { globalAdmin } = one.tenant;
    expect((await stack.call(globalAdmin, 'GET', '/api/teams')).body).toMatchObject({ code: 'tenant_not_onboarded' });
    const task = await stack.call(globalAdmin, 'POST', '/api/me/tasks', { json: { title: 'x', strategyId: null, howItServes: '' }, headers: { 'Idempotency-Key': 'ga-task-1' } });
    expect(task.status).toBe(403);
    expect(task.body).toMatchObject({ code: 'tenant_not_onboarded' });
    expect(await stack.api.storedDocuments('tasks', one.tenant.id)).toEqual([]);
  });
});

describe("the operator's TENANT_SIGNUP", () => {
  it('closed: even the Global Administrator is refused, and the refusal is audited', async () => {
    stack.policy('closed');
    const { globalAdmin } = two.tenant;
    const start = await stack.call(globalAdmin, 'POST', '/api/signup', { json: {} });
    expect(start.status).toBe(403);
    expect(start.body).toMatchObject({ code: 'signup_closed' });
    expect((await directoryOf(two.tenant.id)).filter((doc) => doc.type === 'signup')).toEqual([]);
    expect(await refusals(two.tenant.id)).toEqual([expect.objectContaining({ note: expect.stringContaining('TENANT_SIGNUP=closed') })]);
  });

  it('allow-list without the tenant refuses it (the default when unset); with it, sign-up starts', async () => {
    stack.policy(undefined);
    const { teamsAdmin } = three.tenant;
    const refused = await stack.call(teamsAdmin, 'POST', '/api/signup', { json: {} });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'tenant_not_allowed', detail: expect.stringContaining(three.tenant.id) });
    stack.policy('allow-list', [two.tenant.id]);
    expect((await stack.call(teamsAdmin, 'POST', '/api/signup', { json: {} })).body).toMatchObject({ code: 'tenant_not_allowed' });
    expect(await refusals(three.tenant.id)).toHaveLength(2);

    stack.policy('allow-list', [three.tenant.id]);
    const started = await stack.call(teamsAdmin, 'POST', '/api/signup', { json: {} });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ tenantId: three.tenant.id, startedBy: { id: teamsAdmin.userId } });
  });
});

describe('another tenant and missing consent', () => {
  it("a person of another tenant never sees or changes a tenant's draft", async () => {
    stack.policy('open');
    const started = await stack.call(four.tenant.appAdmin, 'POST', '/api/signup', { json: {} });
    expect(started.status).toBe(201);
    const etag = started.headers.get('etag')!;
    const before = (await directoryOf(four.tenant.id)).find((doc) => doc.type === 'signup')!;

    const stranger = one.tenant.globalAdmin;
    expect((await stack.call(stranger, 'GET', '/api/signup')).body).toMatchObject({ tenantId: one.tenant.id, draft: null });
    const put = await stack.call(stranger, 'PUT', '/api/signup', { json: { companyName: 'Hijacked' }, headers: { 'If-Match': etag } });
    expect(put.status).toBe(409);
    expect(put.body).toMatchObject({ code: 'signup_not_started' });
    const finish = await stack.call(stranger, 'POST', '/api/signup/finish', { json: {}, headers: { 'If-Match': etag } });
    expect(finish.body).toMatchObject({ code: 'signup_not_started' });
    const after = (await directoryOf(four.tenant.id)).find((doc) => doc.type === 'signup')!;
    expect(after._etag).toBe(before._etag);
  });

  it('without consent: the check says so, groups are not listed, and finishing is refused with nothing written', async () => {
    stack.policy('open');
    const admin = four.tenant.appAdmin;
    const check = await stack.call<{ consent: { state: string; missing: string[] } }>(admin, 'POST', '/api/signup/consent-check', { json: {} });
    expect(check.status).toBe(200);
    expect(check.body.consent).toMatchObject({ state: 'not_consented', missing: expect.arrayContaining(['GroupMember.Read.All', 'TeamsActivity.Send']) });
    expect((await stack.call(admin, 'GET', '/api/signup/groups')).body).toMatchObject({ code: 'consent_missing' });

    const draft = await stack.call<{ etag: string }>(admin, 'GET', '/api/signup');
    const filled = await stack.call<{ etag: string }>(admin, 'PUT', '/api/signup', {
      json: { companyName: 'Tenant Four', statement: { vision: 'V', mission: 'M', values: [], differentiator: 'D' }, strategies: [{ title: 'S1', why: '', customerImpact: '', measures: [] }] },
      headers: { 'If-Match': (draft.body as unknown as { draft: { etag: string } }).draft.etag },
    });
    expect(filled.status).toBe(200);
    const finish = await stack.call(admin, 'POST', '/api/signup/finish', { json: {}, headers: { 'If-Match': filled.body.etag } });
    expect(finish.status).toBe(409);
    expect(finish.body).toMatchObject({ code: 'consent_missing' });
    expect(await stack.api.storedDocuments('tenants', four.tenant.id)).toEqual([]);
    expect(await stack.api.storedDocuments('strategy', four.tenant.id)).toEqual([]);
    expect((await directoryOf(four.tenant.id)).filter((doc) => doc.type === 'team' || doc.type === 'person')).toEqual([]);
  });
});
