import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../api/src/domain/csv.js';
import { importResultSchema, problemSchema, STRATEGY_MAP_CSV_COLUMNS } from '../../../api/src/shared/contracts.js';
import { CONTOSO } from '../../../api/src/local/seed-contoso.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { exportCsvText, exportJson, importFile, strategyContainerOf, type StrategyContainerView } from './import-export-support.js';

let api: ApiTestStack;
let store: StrategyContainerView;
let aisha: string;
let grace: string;
let ben: string;
const tenant = CONTOSO_IDS.tenant;

beforeAll(async () => {
  api = await startApiTestStack();
  store = strategyContainerOf(api);
  [aisha, grace, ben] = await Promise.all([
    api.tokenFor(tenant, CONTOSO_IDS.people.aisha),
    api.tokenFor(tenant, CONTOSO_IDS.people.grace),
    api.tokenFor(tenant, CONTOSO_IDS.people.ben),
  ]);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

describe('GET /api/strategy-map/export', () => {
  it('exports the organisation, every strategy (archived too) and every task link as a JSON attachment', async () => {
    const { file, response } = await exportJson(api, aisha);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="strategy-map-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('etag')).toBe(`"${file.mapVersion}"`);
    expect(file.organisation?.name).toBe('Contoso Logistics');
    expect(file.strategies.map((strategy) => strategy.id)).toEqual(Object.values(CONTOSO_IDS.strategies));
    expect(file.strategies.find((strategy) => strategy.id === CONTOSO_IDS.strategies.lyon)?.status).toBe('archived');
    const benLinks = file.taskLinks?.filter((link) => link.ownerId === CONTOSO_IDS.people.ben) ?? [];
    expect(benLinks.length).toBeGreaterThanOrEqual(5);
    expect(benLinks[0]).toMatchObject({ ownerName: 'Ben Carter', strategyId: CONTOSO_IDS.strategies.onTime });
    expect(file.taskLinks?.some((link) => link.strategyId === null)).toBe(true);
  });

  it('lists a Leader the task links of their own team only, an Admin every one', async () => {
    const operations = new Set(CONTOSO.people.filter((person) => person.teamId === CONTOSO_IDS.teams.operations).map((person) => person.id));
    const fromAisha = (await exportJson(api, aisha)).file.taskLinks ?? [];
    expect(fromAisha.map((link) => link.taskId).sort()).toEqual(CONTOSO.tasks.filter((task) => operations.has(task.ownerId)).map((task) => task.id).sort());
    const csv = (await api.request('GET', '/api/strategy-map/export?format=csv', { token: aisha })).text;
    for (const other of CONTOSO.people.filter((person) => !operations.has(person.id))) {
      expect(JSON.stringify(fromAisha)).not.toContain(other.id);
      for (const task of CONTOSO.tasks.filter((candidate) => candidate.ownerId === other.id)) expect(csv).not.toContain(task.title);
    }
    const fromGrace = (await exportJson(api, grace)).file.taskLinks ?? [];
    expect(fromGrace).toHaveLength(CONTOSO.tasks.length);
  });

  it('exports CSV with a header row and one row per organisation, value, strategy and task', async () => {
    const response = await api.request('GET', '/api/strategy-map/export?format=csv', { token: grace });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="strategy-map-.*\.csv"$/);
    const parsed = parseCsv(response.text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[0]).toEqual([...STRATEGY_MAP_CSV_COLUMNS]);
    const types = parsed.records.slice(1).map((record) => record[0]);
    expect(types.filter((type) => type === 'organisation')).toHaveLength(1);
    expect(types.filter((type) => type === 'value')).toHaveLength(4);
    expect(types.filter((type) => type === 'strategy')).toHaveLength(5);
    expect(types.filter((type) => type === 'task').length).toBeGreaterThanOrEqual(20);
  });

  it('refuses an unknown format with a field path', async () => {
    const response = await api.request('GET', '/api/strategy-map/export?format=xlsx', { token: aisha });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).errors).toEqual([{ path: 'format', message: expect.any(String) }]);
  });

  it('is for leaders and admins only: an employee gets 403 on export and import, and nothing is written', async () => {
    const before = await store.fingerprint(tenant);
    const exported = await api.request('GET', '/api/strategy-map/export', { token: ben });
    expect(exported.status).toBe(403);
    expect(problemSchema.parse(exported.body).code).toBe('forbidden');
    const { file } = await exportJson(api, aisha);
    const imported = await importFile(api, ben, { ...file, strategies: [] }, { dryRun: false, ifMatch: file.mapVersion ?? '' });
    expect(imported.status).toBe(403);
    expect(await store.fingerprint(tenant)).toEqual(before);
  });
});

describe('round trip: export → import changes nothing', () => {
  it('JSON: the preview lists every document as unchanged, and applying it writes nothing', async () => {
    const before = await store.fingerprint(tenant);
    const { file } = await exportJson(api, aisha);
    const preview = importResultSchema.parse((await importFile(api, aisha, file)).body);
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toEqual({ create: 0, update: 0, archive: 0, unchanged: 6 });
    expect(preview.mapVersion).toBe(file.mapVersion);

    const applied = await importFile(api, aisha, file, { dryRun: false, ifMatch: `"${preview.mapVersion}"` });
    expect(applied.status).toBe(200);
    expect(importResultSchema.parse(applied.body)).toMatchObject({ applied: true, dryRun: false, mapVersion: preview.mapVersion });
    expect(await store.fingerprint(tenant)).toEqual(before);
  });

  it('CSV: the same, with the CSV export as it was downloaded', async () => {
    const before = await store.fingerprint(tenant);
    const csv = await exportCsvText(api, grace);
    const response = await importFile(api, grace, csv);
    expect(response.status).toBe(200);
    const preview = importResultSchema.parse(response.body);
    expect(preview.errors).toEqual([]);
    expect(preview.changes.every((change) => change.kind === 'unchanged')).toBe(true);
    expect(preview.changes).toHaveLength(6);

    const applied = await importFile(api, grace, csv, { dryRun: false, ifMatch: preview.mapVersion });
    expect(applied.status).toBe(200);
    expect(await store.fingerprint(tenant)).toEqual(before);
  });
});
