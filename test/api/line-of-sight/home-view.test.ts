/**
 * The home view's API over real HTTP and the embedded Cosmos: one response with where each strategy
 * stands (progress, owner, measures), "what changed" that stays until the person dismisses it
 * (strategies added and archived included), and the visit route that dismissing calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionId } from '../../../api/src/data/task-sources-repository.js';
import { getServices } from '../../../api/src/services.js';
import { lineOfSightSchema, problemSchema, type LineOfSight } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { strategyEtag } from '../strategy-editing/editing-test-support.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let aisha = '';
let ben = '';
let chiara = '';
let daniel = '';

beforeAll(async () => {
  api = await startApiTestStack();
  const tokens = await Promise.all([people.aisha, people.ben, people.chiara, people.daniel].map((id) => api.tokenFor(tenant, id)));
  [aisha = '', ben = '', chiara = '', daniel = ''] = tokens;
});
afterAll(async () => {
  await api?.close();
});

async function home(token: string): Promise<LineOfSight> {
  const response = await api.request('GET', '/api/me/line-of-sight', { token });
  expect(response.status).toBe(200);
  return lineOfSightSchema.parse(response.body);
}

async function person(userId: string) {
  const found = (await api.storedDocuments<{ lastVisitAt?: string }>('directory', tenant)).find((doc) => doc.id === userId);
  if (!found) throw new Error(`No person ${userId}`);
  return found;
}

const visit = (token: string, json: unknown) => api.request('POST', '/api/me/visits', { token, json });

async function editStrategy(strategyId: string, json: Record<string, unknown>) {
  const response = await api.request('PATCH', `/api/strategies/${strategyId}`, { token: aisha, headers: { 'if-match': await strategyEtag(api, aisha, strategyId) }, json });
  expect(response.status).toBe(200);
}

describe('GET /api/me/line-of-sight', () => {
  it('shows each strategy’s progress, owner and measures, and nothing about the owner but their name', async () => {
    // As the demo's leaders set them up (seed-strategy-editing.ts).
    const view = await home(ben);
    const onTime = view.strategies.find((strategy) => strategy.id === strategies.onTime);
    expect(onTime).toMatchObject({ progress: 'at_risk', ownerName: 'Aisha Khan', measures: ['On-time delivery rate back to 94% by June', 'Fewer than 5 missed windows a week per route'] });
    expect(onTime).not.toHaveProperty('ownerId');
    expect(onTime).not.toHaveProperty('tenantId');
    expect(onTime).not.toHaveProperty('_etag');
    // When "what changed" was read, to send back on dismissal; and Planner / To Do as far as the tab needs to know.
    expect(Date.parse(view.changesAsOf ?? '')).not.toBeNaN();
    expect(view.taskSources).toEqual({ offered: expect.any(Boolean), connected: [] });

    // A leader changes them: the next load shows it; no owner is shown as none.
    await editStrategy(strategies.proactiveTracking, { ownerId: null, progress: 'off_track', measures: [] });
    const after = (await home(ben)).strategies.find((strategy) => strategy.id === strategies.proactiveTracking);
    expect(after).toMatchObject({ progress: 'off_track', ownerName: null, measures: [] });
  });

  it('says which of Planner and To Do the person connected (only theirs), so the tab syncs only then', async () => {
    await getServices().taskSources.repository.saveConnection({
      id: connectionId(people.daniel, 'todo'), tenantId: tenant, type: 'taskSourceConnection', personId: people.daniel, kind: 'todo',
      connectedAt: '2026-03-01T09:00:00.000Z', writeBack: false, containerIds: [], singles: [], containerNames: {}, cursors: {}, roundSeen: [], lastSyncAt: null,
    });
    expect((await home(daniel)).taskSources?.connected).toEqual(['todo']);
    expect((await home(chiara)).taskSources?.connected).toEqual([]);
  });

  it('records no visit by loading: "what changed" stays until it is dismissed', async () => {
    const before = await person(people.daniel);
    const first = await home(daniel);
    const second = await home(daniel);
    expect(second.changesSinceLastVisit).toEqual(first.changesSinceLastVisit);
    expect((await person(people.daniel))._etag).toBe(before._etag);
  });
});

describe('what changed since your last visit, dismissed by POST /api/me/visits', () => {
  it('includes a strategy added and one archived that the person serves nothing for; dismissing clears it; a new change brings it back', async () => {
    expect((await visit(ben, { seenUntil: (await home(ben)).changesAsOf })).status).toBe(204);
    expect((await home(ben)).changesSinceLastVisit).toEqual([]);

    const created = await api.request<{ id: string }>('POST', '/api/strategies', { token: aisha, json: { title: 'Open a Porto cross-dock', why: 'Faster Iberian transfers.' } });
    expect(created.status).toBe(201);
    // Ben serves nothing under "one platform": an edit is not news for him, archiving it is.
    await editStrategy(strategies.onePlatform, { progress: 'off_track' });
    const archived = await api.request('POST', `/api/strategies/${strategies.onePlatform}/archive`, {
      token: aisha, headers: { 'if-match': await strategyEtag(api, aisha, strategies.onePlatform) },
    });
    expect(archived.status).toBe(200);

    const seen = await home(ben);
    expect(seen.changesSinceLastVisit?.map(({ kind, entityId, summary }) => ({ kind, entityId, summary }))).toEqual([
      { kind: 'archived', entityId: strategies.onePlatform, summary: expect.stringMatching(/^Aisha Khan archived the strategy “/) },
      { kind: 'added', entityId: created.body.id, summary: 'Aisha Khan added the strategy “Open a Porto cross-dock”' },
    ]);
    // Still there on the next load (another tab, a reload) until dismissed.
    expect((await home(ben)).changesSinceLastVisit).toHaveLength(2);

    expect((await visit(ben, { seenUntil: seen.changesAsOf })).status).toBe(204);
    expect((await home(ben)).changesSinceLastVisit).toEqual([]);

    const restored = await api.request('POST', `/api/strategies/${strategies.onePlatform}/restore`, {
      token: aisha, headers: { 'if-match': await strategyEtag(api, aisha, strategies.onePlatform) },
    });
    expect(restored.status).toBe(200);
    expect((await home(ben)).changesSinceLastVisit?.map((change) => change.kind)).toEqual(['restored']);
  });

  it('is idempotent, never moves the last visit back, and never past now', async () => {
    const asOf = (await home(chiara)).changesAsOf ?? '';
    expect((await visit(chiara, { seenUntil: asOf })).status).toBe(204);
    const once = await person(people.chiara);
    expect(once.lastVisitAt).toBe(new Date(asOf).toISOString());
    // The same dismissal again (a retry, a second tab): nothing is written.
    expect((await visit(chiara, { seenUntil: asOf })).status).toBe(204);
    expect((await person(people.chiara))._etag).toBe(once._etag);
    // An older tab dismissing later does not bring dismissed changes back.
    expect((await visit(chiara, { seenUntil: '2020-01-01T00:00:00Z' })).status).toBe(204);
    expect((await person(people.chiara))._etag).toBe(once._etag);
    // A clock in the future hides nothing to come: the visit stops at the API's now.
    expect((await visit(chiara, { seenUntil: '2999-01-01T00:00:00Z' })).status).toBe(204);
    const clamped = (await person(people.chiara)).lastVisitAt ?? '';
    expect(clamped < '2999').toBe(true);
    expect(Date.parse(clamped)).toBeGreaterThanOrEqual(Date.parse(asOf));
  });

  it('refuses bad input with problem+json naming the field, and writes nothing', async () => {
    const before = await person(people.daniel);
    const cases: { init: { json?: unknown; body?: string; headers?: Record<string, string> }; status: number; path?: string }[] = [
      { init: { json: {} }, status: 400, path: 'seenUntil' },
      { init: { json: { seenUntil: 'yesterday' } }, status: 400, path: 'seenUntil' },
      { init: { json: { seenUntil: 1733140800000 } }, status: 400, path: 'seenUntil' },
      { init: { json: { seenUntil: '2026-12-01T09:00:00Z', userId: people.ben } }, status: 400, path: 'userId' },
      { init: { body: '{"seenUntil":', headers: { 'content-type': 'application/json' } }, status: 400 },
      { init: { body: 'seenUntil=now', headers: { 'content-type': 'text/plain' } }, status: 415 },
      { init: { json: { seenUntil: `2026-12-01T09:00:00Z${' '.repeat(70_000)}` } }, status: 413 },
    ];
    for (const { init, status, path } of cases) {
      const response = await api.request('POST', '/api/me/visits', { token: daniel, ...init });
      expect(response.status, JSON.stringify(init).slice(0, 80)).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = problemSchema.parse(response.body);
      if (path) expect(problem.errors?.map((error) => error.path)).toContain(path);
    }
    expect((await person(people.daniel))._etag).toBe(before._etag);
    expect((await api.request('POST', '/api/me/visits', { json: { seenUntil: '2026-12-01T09:00:00Z' } })).status).toBe(401);
  });
});
