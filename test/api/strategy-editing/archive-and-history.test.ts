import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editableStrategySchema,
  historySchema,
  lineOfSightSchema,
  problemSchema,
} from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storeView, strategyEtag, strategyMap, type StoreView } from './editing-test-support.js';

const { tenant, people, strategies } = CONTOSO_IDS;
let api: ApiTestStack;
let store: StoreView;
let aisha: string;
let grace: string;
let ben: string;
let chiara: string;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storeView(api);
  [aisha, grace, ben, chiara] = await Promise.all([
    api.tokenFor(tenant, people.aisha),
    api.tokenFor(tenant, people.grace),
    api.tokenFor(tenant, people.ben),
    api.tokenFor(tenant, people.chiara),
  ]);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

async function home(token: string) {
  const response = await api.request('GET', '/api/me/line-of-sight', { token });
  expect(response.status).toBe(200);
  return lineOfSightSchema.parse(response.body);
}

describe('archiving a strategy never orphans its tasks silently', () => {
  it('without moveTasksTo: tasks keep the archived strategy and their owners see “strategy_archived”', async () => {
    const tasksBefore = await api.storedTasks(tenant);
    const etag = await strategyEtag(api, aisha, strategies.emptyKm);
    const auditsBefore = await store.auditCount('strategy', tenant);
    const archived = await api.request('POST', `/api/strategies/${strategies.emptyKm}/archive`, { token: aisha, headers: { 'if-match': etag } });
    expect(archived.status).toBe(200);
    expect(editableStrategySchema.parse(archived.body).status).toBe('archived');
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore + 1);
    expect(await api.storedTasks(tenant)).toEqual(tasksBefore);

    const chiarasHome = await home(chiara);
    const returnLegs = chiarasHome.unlinkedTasks.find((task) => task.strategyId === strategies.emptyKm);
    expect(returnLegs?.reason).toBe('strategy_archived');
    expect(chiarasHome.strategies.map((strategy) => strategy.id)).not.toContain(strategies.emptyKm);
    const bensHome = await home(ben);
    expect(bensHome.unlinkedTasks.find((task) => task.strategyId === null)?.reason).toBe('no_strategy');
  });

  it('restores it (If-Match), logged, and the tasks are linked again', async () => {
    const etag = await strategyEtag(api, aisha, strategies.emptyKm);
    const missing = await api.request('POST', `/api/strategies/${strategies.emptyKm}/restore`, { token: aisha });
    expect(missing.status).toBe(428);
    const restored = await api.request('POST', `/api/strategies/${strategies.emptyKm}/restore`, { token: aisha, headers: { 'if-match': etag } });
    expect(restored.status).toBe(200);
    expect(editableStrategySchema.parse(restored.body).status).toBe('active');
    expect((await home(chiara)).unlinkedTasks.some((task) => task.strategyId === strategies.emptyKm)).toBe(false);
    const again = await api.request('POST', `/api/strategies/${strategies.emptyKm}/restore`, { token: aisha, headers: { 'if-match': editableStrategySchema.parse(restored.body).etag } });
    expect(again.status).toBe(409);
  });

  it('with moveTasksTo: every task serving it is re-linked (each re-link audited) and nobody is left unlinked', async () => {
    const tasksBefore = await api.storedTasks(tenant);
    const tasksAuditsBefore = await store.auditCount('tasks', tenant);
    const etag = await strategyEtag(api, grace, strategies.emptyKm);
    const howItServes = 'Fewer empty legs keep our delivery windows affordable.';
    const archived = await api.request('POST', `/api/strategies/${strategies.emptyKm}/archive`, {
      token: grace, headers: { 'if-match': etag }, json: { moveTasksTo: { strategyId: strategies.onTime, howItServes } },
    });
    expect(archived.status).toBe(200);
    const tasksAfter = await api.storedTasks(tenant);
    const changed = [...tasksAfter].filter(([id, task]) => tasksBefore.has(id) && tasksBefore.get(id)?.etag !== task.etag).map(([, task]) => task.title);
    expect(changed).toHaveLength(4);
    const chiarasHome = await home(chiara);
    expect(chiarasHome.unlinkedTasks.some((task) => task.reason === 'strategy_archived')).toBe(false);
    const onTime = chiarasHome.strategies.find((strategy) => strategy.id === strategies.onTime);
    expect(onTime?.myTasks.map((task) => task.title)).toContain('Map return legs from Milan with under 40% load');
    expect(onTime?.myTasks.find((task) => task.title.startsWith('Map return legs'))?.howItServes).toBe(howItServes);
    // Chiara, Ben, Grace and Hugo each had one task on it.
    expect(await store.auditCount('tasks', tenant)).toBe(tasksAuditsBefore + 4);
  });

  it('refuses moving tasks to an archived or unknown strategy, writing nothing', async () => {
    const fingerprint = await store.fingerprint('strategy', tenant);
    const etag = await strategyEtag(api, grace, strategies.onePlatform);
    const response = await api.request('POST', `/api/strategies/${strategies.onePlatform}/archive`, {
      token: grace, headers: { 'if-match': etag }, json: { moveTasksTo: { strategyId: strategies.lyon, howItServes: 'x' } },
    });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('moveTasksTo.strategyId');
    const empty = await api.request('POST', `/api/strategies/${strategies.onePlatform}/archive`, {
      token: grace, headers: { 'if-match': etag }, json: { moveTasksTo: { strategyId: strategies.onTime, howItServes: '' } },
    });
    expect(problemSchema.parse(empty.body).errors?.[0]?.path).toBe('moveTasksTo.howItServes');
    expect(await store.fingerprint('strategy', tenant)).toEqual(fingerprint);
  });
});

describe('history', () => {
  it('lists a strategy’s entries newest first, and restores a version (the restore is itself logged)', async () => {
    const original = (await strategyMap(api, aisha)).strategies.find((s) => s.id === strategies.onTime);
    if (!original) throw new Error('seeded strategy missing');
    const edited = await api.request('PATCH', `/api/strategies/${strategies.onTime}`, {
      token: aisha, headers: { 'if-match': original.etag }, json: { title: 'Deliver inside the window, every time', progress: 'on_track' },
    });
    expect(edited.status).toBe(200);

    const history = historySchema.parse((await api.request('GET', `/api/strategies/${strategies.onTime}/history`, { token: aisha })).body);
    expect(history.entries[0]).toMatchObject({ action: 'update', actor: { id: people.aisha, displayName: 'Aisha Khan' } });
    expect(history.entries[0]?.changedFields).toEqual(['progress', 'title']);
    const ats = history.entries.map((entry) => entry.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    // The version before the edit is the `after` of the entry before it.
    const previous = history.entries[1];
    if (!previous) throw new Error('seeded history missing');

    const currentEtag = editableStrategySchema.parse(edited.body).etag;
    const stale = await api.request('POST', `/api/strategies/${strategies.onTime}/history/${previous.id}/restore`, { token: aisha, headers: { 'if-match': original.etag } });
    expect(stale.status).toBe(412);
    const restored = await api.request('POST', `/api/strategies/${strategies.onTime}/history/${previous.id}/restore`, { token: aisha, headers: { 'if-match': currentEtag } });
    expect(restored.status).toBe(200);
    expect(editableStrategySchema.parse(restored.body)).toMatchObject({ title: original.title, progress: original.progress, measures: original.measures });

    const after = historySchema.parse((await api.request('GET', `/api/strategies/${strategies.onTime}/history`, { token: aisha })).body);
    expect(after.entries.length).toBe(history.entries.length + 1);
    expect(after.entries[0]).toMatchObject({ action: 'restore', note: expect.stringContaining(previous.at) });
  });

  it('restores an organisation version and lists organisation history', async () => {
    const map = await strategyMap(api, aisha);
    const history = historySchema.parse((await api.request('GET', '/api/organisation/history', { token: aisha })).body);
    const seeded = history.entries.find((entry) => entry.action === 'update');
    if (!seeded?.before) throw new Error('seeded organisation history missing');
    const restored = await api.request('POST', `/api/organisation/history/${seeded.id}/restore`, { token: aisha, headers: { 'if-match': map.organisation.etag } });
    expect(restored.status).toBe(200);
    expect((await strategyMap(api, aisha)).organisation.vision).toBe(seeded.after?.vision);
    const after = historySchema.parse((await api.request('GET', '/api/organisation/history', { token: aisha })).body);
    expect(after.entries[0]?.action).toBe('restore');
  });

  it('pages a long history newest first: every entry exactly once, cursors that resume, bad paging refused', async () => {
    const created = await api.request('POST', '/api/strategies', {
      token: aisha, json: { title: 'Paged history', why: 'Why it matters.', customerImpact: 'Customers notice.', ownerId: null, progress: 'not_started', measures: [] },
    });
    expect(created.status).toBe(201);
    let strategy = editableStrategySchema.parse(created.body);
    for (let edit = 1; edit <= 6; edit += 1) {
      const saved = await api.request('PATCH', `/api/strategies/${strategy.id}`, { token: aisha, headers: { 'if-match': strategy.etag }, json: { title: `Paged history, edit ${edit}` } });
      strategy = editableStrategySchema.parse(saved.body);
    }
    const path = `/api/strategies/${strategy.id}/history`;
    const full = historySchema.parse((await api.request('GET', path, { token: aisha })).body);
    expect(full.entries).toHaveLength(7);
    expect(full.next).toBeNull();

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const page = historySchema.parse((await api.request('GET', path + query, { token: aisha })).body);
      expect(page.entries.length).toBeLessThanOrEqual(3);
      paged.push(...page.entries.map((entry) => entry.id));
      cursor = page.next;
    } while (cursor);
    expect(paged).toEqual(full.entries.map((entry) => entry.id));
    expect(full.entries.at(-1)).toMatchObject({ action: 'create' });

    for (const [query, field] of [['?limit=0', 'limit'], ['?limit=101', 'limit'], ['?limit=two', 'limit'], ['?cursor=not-a-cursor', 'cursor']] as const) {
      const refused = await api.request('GET', path + query, { token: aisha });
      expect(refused.status).toBe(400);
      expect(problemSchema.parse(refused.body).errors?.[0]?.path).toBe(field);
    }
  });

  it('offers no way to edit or delete an audit entry, and a strategy’s entry cannot restore another strategy', async () => {
    const auditsBefore = await store.auditCount('strategy', tenant);
    const entryId = `audit-seed-${strategies.onTime}-create`;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const path of [`/api/strategies/${strategies.onTime}/history`, `/api/strategies/${strategies.onTime}/history/${entryId}`, '/api/organisation/history']) {
        const response = await api.request(method, path, { token: grace, json: { note: 'rewritten' } });
        expect([404, 405]).toContain(response.status);
      }
    }
    const etag = await strategyEtag(api, grace, strategies.onePlatform);
    const crossed = await api.request('POST', `/api/strategies/${strategies.onePlatform}/history/${entryId}/restore`, { token: grace, headers: { 'if-match': etag } });
    expect(crossed.status).toBe(404);
    expect(await store.auditCount('strategy', tenant)).toBe(auditsBefore);
  });
});
