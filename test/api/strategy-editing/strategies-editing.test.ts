import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editableOrganisationSchema,
  editableStrategySchema,
  problemSchema,
  type EditableStrategy,
} from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storeView, strategyEtag, strategyMap, type StoreView } from './editing-test-support.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let store: StoreView;
let aisha: string;
let daniel: string;
let ben: string;
let marc: string;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storeView(api);
  [aisha, daniel, ben, marc] = await Promise.all([
    api.tokenFor(tenant, people.aisha),
    api.tokenFor(tenant, people.daniel),
    api.tokenFor(tenant, people.ben),
    api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
  ]);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

const organisationInput = {
  name: 'Contoso Logistics',
  vision: 'Every shipment arrives when we promised, and every customer can see it coming.',
  mission: 'We move goods for mid-sized manufacturers across Europe.',
  values: [{ name: 'Keep the promise', description: 'A delivery window is a commitment.' }],
  differentiator: 'One named coordinator per customer.',
};

describe('GET /api/strategy-map (leaders’ view)', () => {
  it('gives etags, owners, progress, measures, completeness and mapped teams', async () => {
    const map = await strategyMap(api, ben);
    expect(map.organisation.etag).toEqual(expect.any(String));
    const onTime = map.strategies.find((strategy) => strategy.id === strategies.onTime);
    expect(onTime).toMatchObject({ ownerId: people.aisha, ownerName: 'Aisha Khan', progress: 'at_risk', incomplete: [], status: 'active' });
    expect(onTime?.measures.length).toBeGreaterThan(0);
    expect(onTime?.teamIds).toContain(CONTOSO_IDS.teams.operations);
    expect(map.strategies.map((strategy) => strategy.status)).toContain('archived');
  });
});

describe('PUT /api/organisation', () => {
  it('saves with If-Match, writes one audit entry with it, and answers 412 with the current version when stale', async () => {
    const before = await strategyMap(api, aisha);
    const auditsBefore = await store.auditCount('strategy', tenant);
    const saved = await api.request('PUT', '/api/organisation', { token: aisha, headers: { 'if-match': before.organisation.etag }, json: organisationInput });
    expect(saved.status).toBe(200);
    const organisation = editableOrganisationSchema.parse(saved.body);
    expect(organisation.vision).toBe(organisationInput.vision);
    expect(saved.headers.get('etag')).toBe(organisation.etag);
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);

    const stale = await api.request('PUT', '/api/organisation', { token: daniel, headers: { 'if-match': before.organisation.etag }, json: { ...organisationInput, vision: 'Older idea' } });
    expect(stale.status).toBe(412);
    expect(problemSchema.parse(stale.body).current).toMatchObject({ vision: organisationInput.vision, etag: organisation.etag });
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);
  });

  it('needs If-Match (428) and valid fields (400 with paths), and writes nothing otherwise', async () => {
    const fingerprint = await store.fingerprint('strategy', tenant);
    const missing = await api.request('PUT', '/api/organisation', { token: aisha, json: organisationInput });
    expect(missing.status).toBe(428);
    const { etag } = (await strategyMap(api, aisha)).organisation;
    const bad = await api.request('PUT', '/api/organisation', {
      token: aisha, headers: { 'if-match': etag }, json: { ...organisationInput, vision: '', values: [{ name: '', description: 'x' }], extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path).sort()).toEqual(['extra', 'values.0.name', 'vision']);
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });
});

describe('strategies', () => {
  it('creates a strategy (201), last in order, flagged incomplete without why/customer link, and audited', async () => {
    const auditsBefore = await store.auditCount('strategy', tenant);
    const created = await api.request('POST', '/api/strategies', { token: aisha, json: { title: 'Open a night desk', ownerId: people.daniel, measures: ['Calls answered at night'] } });
    expect(created.status).toBe(201);
    const strategy = editableStrategySchema.parse(created.body);
    expect(strategy).toMatchObject({ title: 'Open a night desk', status: 'active', ownerName: 'Daniel Okafor', progress: 'not_started', incomplete: ['why', 'customerImpact'] });
    const map = await strategyMap(api, aisha);
    const activeOrders = map.strategies.filter((s) => s.status === 'active').map((s) => s.order);
    expect(strategy.order).toBe(Math.max(...activeOrders));
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);
  });

  it('refuses bad input with field paths and an owner from nowhere, writing nothing', async () => {
    const fingerprint = await store.fingerprint('strategy', tenant);
    const bad = await api.request('POST', '/api/strategies', {
      token: aisha, json: { title: '', progress: 'great', measures: ['a', 'b', 'c', 'd', 'e', 'f'] },
    });
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path).sort()).toEqual(['measures', 'progress', 'title']);
    const stranger = await api.request('POST', '/api/strategies', { token: aisha, json: { title: 'Ghost owner', ownerId: FABRIKAM_IDS.people.marc } });
    expect(stranger.status).toBe(400);
    expect(problemSchema.parse(stranger.body).errors).toEqual([{ path: 'ownerId', message: expect.any(String) }]);
    const etag = await strategyEtag(api, aisha, strategies.emptyKm);
    const patchBad = await api.request('PATCH', `/api/strategies/${strategies.emptyKm}`, { token: aisha, headers: { 'if-match': etag }, json: {} });
    expect(patchBad.status).toBe(400);
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });

  it('two leaders edit the same strategy at once: one wins, the other gets 412 with the winner’s version, re-applies, and both changes survive', async () => {
    const etag = await strategyEtag(api, aisha, strategies.proactiveTracking);
    const auditsBefore = await store.auditCount('strategy', tenant);
    const [fromAisha, fromDaniel] = await Promise.all([
      api.request('PATCH', `/api/strategies/${strategies.proactiveTracking}`, { token: aisha, headers: { 'if-match': etag }, json: { progress: 'at_risk' } }),
      api.request('PATCH', `/api/strategies/${strategies.proactiveTracking}`, { token: daniel, headers: { 'if-match': etag }, json: { measures: ['Delay notices within 10 minutes'] } }),
    ]);
    expect([fromAisha.status, fromDaniel.status].sort()).toEqual([200, 412]);
    const [winner, loser, loserChange] =
      fromAisha.status === 200
        ? [fromAisha, fromDaniel, { token: daniel, json: { measures: ['Delay notices within 10 minutes'] } }]
        : [fromDaniel, fromAisha, { token: aisha, json: { progress: 'at_risk' } }];
    const won = editableStrategySchema.parse(winner.body);
    const current = problemSchema.parse(loser.body).current as EditableStrategy;
    expect(current.etag).toBe(won.etag);
    expect(current).toEqual(won);
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);

    const reapplied = await api.request('PATCH', `/api/strategies/${strategies.proactiveTracking}`, { ...loserChange, headers: { 'if-match': current.etag } });
    expect(reapplied.status).toBe(200);
    expect(editableStrategySchema.parse(reapplied.body)).toMatchObject({ progress: 'at_risk', measures: ['Delay notices within 10 minutes'] });
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 2);
  });

  it('needs If-Match on PATCH (428)', async () => {
    const response = await api.request('PATCH', `/api/strategies/${strategies.emptyKm}`, { token: aisha, json: { progress: 'on_track' } });
    expect(response.status).toBe(428);
    expect(problemSchema.parse(response.body).code).toBe('precondition_required');
  });

  it('reorders every active strategy in one batch with one audit entry; a stale etag writes nothing', async () => {
    const map = await strategyMap(api, aisha);
    const active = map.strategies.filter((strategy) => strategy.status === 'active');
    const reversed = [...active].reverse().map(({ id, etag }) => ({ id, etag }));
    const auditsBefore = await store.auditCount('strategy', tenant);
    const saved = await api.request<{ strategies: EditableStrategy[] }>('PUT', '/api/strategies/order', { token: daniel, json: { order: reversed } });
    expect(saved.status).toBe(200);
    expect(saved.body.strategies.filter((s) => s.status === 'active').map((s) => s.id)).toEqual(reversed.map((entry) => entry.id));
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);

    const fingerprint = await store.fingerprint('strategy', tenant);
    const stale = await api.request('PUT', '/api/strategies/order', { token: daniel, json: { order: active.map(({ id, etag }) => ({ id, etag })) } });
    expect(stale.status).toBe(412);
    expect((problemSchema.parse(stale.body).current as { staleIds: string[] }).staleIds.length).toBeGreaterThan(0);
    const partial = await api.request('PUT', '/api/strategies/order', { token: daniel, json: { order: [{ id: reversed[0]?.id, etag: 'x' }] } });
    expect(partial.status).toBe(400);
    expect(problemSchema.parse(partial.body).errors?.map((error) => error.path)).toContain('order');
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });
});

describe('who may edit', () => {
  it('refuses employees with 403 on every leader route, writing nothing', async () => {
    const fingerprint = await store.fingerprint('strategy', tenant);
    const etag = await strategyEtag(api, ben, strategies.onTime);
    const attempts = [
      api.request('PUT', '/api/organisation', { token: ben, headers: { 'if-match': etag }, json: organisationInput }),
      api.request('POST', '/api/strategies', { token: ben, json: { title: 'Mine now' } }),
      api.request('PATCH', `/api/strategies/${strategies.onTime}`, { token: ben, headers: { 'if-match': etag }, json: { title: 'Mine' } }),
      api.request('PUT', '/api/strategies/order', { token: ben, json: { order: [{ id: strategies.onTime, etag }] } }),
      api.request('POST', `/api/strategies/${strategies.onTime}/archive`, { token: ben, headers: { 'if-match': etag } }),
      api.request('POST', `/api/strategies/${strategies.lyon}/restore`, { token: ben, headers: { 'if-match': etag } }),
      api.request('GET', `/api/strategies/${strategies.onTime}/history`, { token: ben }),
      api.request('GET', '/api/organisation/history', { token: ben }),
      api.request('GET', '/api/people', { token: ben }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(problemSchema.parse(response.body).code).toBe('forbidden');
    }
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });

  it('answers 404 for another tenant’s strategy, even to its own kind of leader', async () => {
    const etag = await strategyEtag(api, aisha, strategies.onTime);
    const fingerprint = await store.fingerprint('strategy', tenant);
    const attempts = [
      api.request('PATCH', `/api/strategies/${strategies.onTime}`, { token: marc, headers: { 'if-match': etag }, json: { title: 'Taken over' } }),
      api.request('POST', `/api/strategies/${strategies.onTime}/archive`, { token: marc, headers: { 'if-match': etag } }),
      api.request('GET', `/api/strategies/${strategies.onTime}/history`, { token: marc }),
      api.request('POST', `/api/strategies/${strategies.onTime}/history/audit-seed-${strategies.onTime}-create/restore`, { token: marc, headers: { 'if-match': etag } }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });
});
