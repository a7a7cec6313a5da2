/**
 * Issue 13: a 412 on the strategy map says who changed the document and which fields, from the
 * audit trail, so the editor can show "Daniel changed Why, at 14:05" and merge field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editableOrganisationSchema, editableStrategySchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storeView, strategyEtag, strategyMap, type StoreView } from './editing-test-support.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let store: StoreView;
let aisha: string;
let daniel: string;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storeView(api);
  [aisha, daniel] = await Promise.all([api.tokenFor(tenant, people.aisha), api.tokenFor(tenant, people.daniel)]);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

describe('412 on the strategy map names who changed what, and when', () => {
  it('a stale strategy edit gets the current version plus the newest changes (who, when, which fields); nothing is written; the fresh etag saves', async () => {
    const base = await strategyEtag(api, aisha, strategies.onTime);
    const theirs = await api.request('PATCH', `/api/strategies/${strategies.onTime}`, {
      token: daniel,
      headers: { 'if-match': base },
      json: { why: 'A fine per missed window, from next month.', progress: 'off_track' },
    });
    expect(theirs.status).toBe(200);
    const fingerprint = await store.fingerprint('strategy', tenant);

    const mine = await api.request('PATCH', `/api/strategies/${strategies.onTime}`, { token: aisha, headers: { 'if-match': base }, json: { why: 'Mine.' } });
    expect(mine.status).toBe(412);
    const problem = problemSchema.parse(mine.body);
    expect(problem.code).toBe('precondition_failed');
    expect(editableStrategySchema.parse(problem.current)).toMatchObject({ why: 'A fine per missed window, from next month.', progress: 'off_track' });
    expect(problem.recentChanges?.[0]).toEqual({
      actor: { id: people.daniel, displayName: expect.stringContaining('Daniel') },
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      changedFields: ['progress', 'why'],
    });
    expect(problem.recentChanges?.length).toBeLessThanOrEqual(5);
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);

    const fresh = editableStrategySchema.parse(problem.current).etag;
    const merged = await api.request('PATCH', `/api/strategies/${strategies.onTime}`, {
      token: aisha,
      headers: { 'if-match': fresh },
      json: { why: 'A fine per missed window, from next month. Mine.' },
    });
    expect(merged.status).toBe(200);
    expect(editableStrategySchema.parse(merged.body)).toMatchObject({ why: 'A fine per missed window, from next month. Mine.', progress: 'off_track' });
  });

  it('a stale organisation save and a stale archive say the same', async () => {
    const map = await strategyMap(api, aisha);
    const organisation = map.organisation;
    const { etag: _etag, ...input } = organisation;
    const theirs = await api.request('PUT', '/api/organisation', { token: daniel, headers: { 'if-match': organisation.etag }, json: { ...input, mission: 'Their mission.' } });
    expect(theirs.status).toBe(200);
    const stale = await api.request('PUT', '/api/organisation', { token: aisha, headers: { 'if-match': organisation.etag }, json: { ...input, vision: 'My vision.' } });
    expect(stale.status).toBe(412);
    const problem = problemSchema.parse(stale.body);
    expect(editableOrganisationSchema.parse(problem.current).mission).toBe('Their mission.');
    expect(problem.recentChanges?.[0]).toMatchObject({ actor: { id: people.daniel }, changedFields: ['mission'] });

    const strategy = map.strategies.find((s) => s.id === strategies.emptyKm);
    expect(strategy).toBeDefined();
    const renamed = await api.request('PATCH', `/api/strategies/${strategies.emptyKm}`, { token: daniel, headers: { 'if-match': strategy?.etag ?? '' }, json: { title: 'Fewer empty kilometres' } });
    expect(renamed.status).toBe(200);
    const archive = await api.request('POST', `/api/strategies/${strategies.emptyKm}/archive`, { token: aisha, headers: { 'if-match': strategy?.etag ?? '' }, json: {} });
    expect(archive.status).toBe(412);
    expect(problemSchema.parse(archive.body).recentChanges?.[0]).toMatchObject({ actor: { id: people.daniel }, changedFields: ['title'] });
  });
});
