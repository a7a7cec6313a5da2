import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../api/src/domain/csv.js';
import { importResultSchema, problemSchema, strategyMapSchema, type StrategyMapFile } from '../../../api/src/shared/contracts.js';
import { CONTOSO } from '../../../api/src/local/seed-contoso.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { exportCsvText, exportJson, importFile, strategyContainerOf, type StrategyContainerView } from './import-export-support.js';

let api: ApiTestStack;
let store: StrategyContainerView;
let aisha: string;
const tenant = CONTOSO_IDS.tenant;
const s = CONTOSO_IDS.strategies;

beforeAll(async () => {
  // One leader previews and applies some thirty imports within seconds: more than a person may by default.
  api = await startApiTestStack({ rateLimits: { personExpensive: 1000 } });
  store = strategyContainerOf(api);
  aisha = await api.tokenFor(tenant, CONTOSO_IDS.people.aisha);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

/** The exported map with one title changed, one new strategy, and "empty km" left out (so archived). */
function edited(file: StrategyMapFile): StrategyMapFile {
  return {
    ...file,
    strategies: [
      ...file.strategies
        .filter((strategy) => strategy.id !== s.emptyKm)
        .map((strategy) => (strategy.id === s.onTime ? { ...strategy, title: 'Deliver inside the window, every time', why: 'Customers plan their lines around our windows.' } : strategy)),
      { id: '', title: 'Open a depot in Porto', why: 'Iberian volume doubled.', customerImpact: 'Next-day delivery in Portugal.', ownerId: CONTOSO_IDS.people.daniel },
    ],
  };
}

describe('POST /api/strategy-map/import', () => {
  it('dry run lists every change and writes nothing', async () => {
    const before = await store.fingerprint(tenant);
    const { file } = await exportJson(api, aisha);
    const response = await importFile(api, aisha, edited(file));
    expect(response.status).toBe(200);
    const preview = importResultSchema.parse(response.body);
    expect(preview).toMatchObject({ dryRun: true, applied: false, errors: [], summary: { create: 1, update: 1, archive: 1, unchanged: 4 } });
    const changed = preview.changes.filter((change) => change.kind !== 'unchanged');
    expect(changed.map((change) => [change.kind, change.id, change.row])).toEqual([
      ['update', s.onTime, 1],
      ['create', null, 5],
      ['archive', s.emptyKm, null],
    ]);
    expect(changed[0]!.fields.map((field) => field.field)).toEqual(['title', 'why']);
    // The tasks serving "empty km" will need a new link: the preview says how many, across the whole
    // tenant (more than the Operations tasks Aisha's export lists).
    const serving = CONTOSO.tasks.filter((task) => task.strategyId === s.emptyKm).length;
    expect(serving).toBeGreaterThan(file.taskLinks?.filter((link) => link.strategyId === s.emptyKm).length ?? 0);
    expect(changed[2]!.tasksNeedingNewLink).toBe(serving);
    expect(await store.fingerprint(tenant)).toEqual(before);
  });

  it('a failed import writes nothing and answers 400 with every error by row and field', async () => {
    const before = await store.fingerprint(tenant);
    const { file } = await exportJson(api, aisha);
    const bad = edited(file);
    bad.strategies.push({ id: FABRIKAM_IDS.strategies.coldChain, title: 'Another tenant’s strategy' }, { title: 'x'.repeat(500) });
    const response = await importFile(api, aisha, bad, { dryRun: false, ifMatch: file.mapVersion ?? '' });
    expect(response.status).toBe(400);
    const problem = problemSchema.parse(response.body);
    expect(problem.code).toBe('import_invalid');
    expect(response.body).toMatchObject({
      errors: [
        { row: 6, field: 'id', path: 'rows.6.id', message: expect.stringContaining('No strategy with this id') },
        { row: 7, field: 'title', path: 'rows.7.title', message: expect.stringContaining('under 120') },
      ],
    });
    expect(await store.fingerprint(tenant)).toEqual(before);
  });

  it('reports CSV errors by data row and column in the dry run', async () => {
    const csv = 'type,id,title,order,ownerId\r\nstrategy,,Good one,,\r\nstrategy,,Bad order,soon,\r\nstrategy,,Unknown owner,,nobody-here\r\n';
    const preview = importResultSchema.parse((await importFile(api, aisha, csv)).body);
    expect(preview.errors).toEqual([
      { row: 2, field: 'order', message: 'Use a whole number' },
      { row: 3, field: 'ownerId', message: 'No person with this id in your organisation' },
    ]);
  });

  it('refuses more changes than one transactional batch can hold, writing nothing', async () => {
    const before = await store.fingerprint(tenant);
    const { file } = await exportJson(api, aisha);
    const many = { ...file, taskLinks: [], strategies: [...file.strategies, ...Array.from({ length: 51 }, (_, i) => ({ title: `New ${i}` }))] };
    const preview = importResultSchema.parse((await importFile(api, aisha, many)).body);
    expect(preview.errors).toEqual([{ row: null, field: 'strategies', message: expect.stringContaining('at most 50') }]);
    const refused = await importFile(api, aisha, many, { dryRun: false, ifMatch: preview.mapVersion });
    expect(refused.status).toBe(400);
    expect(problemSchema.parse(refused.body).detail).toContain('Split it into smaller imports');
    expect(await store.fingerprint(tenant)).toEqual(before);
  });

  it('checks the request: 415 for other content types, 413 over the body limit, 428 without If-Match, 400 for a bad dryRun', async () => {
    const { file } = await exportJson(api, aisha);
    expect((await importFile(api, aisha, JSON.stringify(file), { contentType: 'text/plain' })).status).toBe(415);
    const huge = `type,title\r\n${'strategy,Too big\r\n'.repeat(5000)}`;
    expect((await importFile(api, aisha, huge)).status).toBe(413);
    const noIfMatch = await importFile(api, aisha, file, { dryRun: false });
    expect(noIfMatch.status).toBe(428);
    const badFlag = await api.request('POST', '/api/strategy-map/import?dryRun=maybe', { token: aisha, json: file });
    expect(problemSchema.parse(badFlag.body).errors).toEqual([{ path: 'dryRun', message: expect.any(String) }]);
    const malformed = await importFile(api, aisha, '{"strategies": [', { contentType: 'application/json' });
    expect(malformed.status).toBe(400);
  });

  it('answers 412 and writes nothing when the map changed since the preview', async () => {
    const { file } = await exportJson(api, aisha);
    const preview = importResultSchema.parse((await importFile(api, aisha, edited(file))).body);
    // Someone else edits a strategy meanwhile.
    const { resource } = await store.container.item(s.proactiveTracking, tenant).read<Record<string, unknown>>();
    await store.container.items.upsert({ ...resource, why: 'Changed by someone else.' });
    const before = await store.fingerprint(tenant);
    const stale = await importFile(api, aisha, edited(file), { dryRun: false, ifMatch: preview.mapVersion });
    expect(stale.status).toBe(412);
    expect(problemSchema.parse(stale.body).code).toBe('precondition_failed');
    expect(stale.headers.get('etag')).not.toBe(`"${preview.mapVersion}"`);
    expect(await store.fingerprint(tenant)).toEqual(before);
  });

  it('applies a clean import in one batch: documents plus one audit entry (action "import") each', async () => {
    const { file } = await exportJson(api, aisha);
    const preview = importResultSchema.parse((await importFile(api, aisha, edited(file))).body);
    const applied = await importFile(api, aisha, edited(file), { dryRun: false, ifMatch: preview.mapVersion });
    expect(applied.status).toBe(200);
    const result = importResultSchema.parse(applied.body);
    expect(result).toMatchObject({ applied: true, summary: { create: 1, update: 1, archive: 1 } });
    expect(result.mapVersion).not.toBe(preview.mapVersion);

    const map = strategyMapSchema.parse((await api.request('GET', '/api/strategy-map', { token: aisha })).body);
    const byTitle = new Map(map.strategies.map((strategy) => [strategy.title, strategy]));
    expect(byTitle.get('Deliver inside the window, every time')?.id).toBe(s.onTime);
    expect(byTitle.get('Cut empty kilometres by 15%')?.status).toBe('archived');
    const porto = byTitle.get('Open a depot in Porto');
    expect(porto).toMatchObject({ status: 'active', order: 6 });

    const audits = (await store.documents<{ type: string; action: string; entityId: string; actor: { id: string } }>(tenant)).filter(
      (document) => document.type === 'audit' && document.action === 'import',
    );
    expect(audits.map((entry) => entry.entityId).sort()).toEqual([s.onTime, s.emptyKm, porto!.id].sort());
    expect(audits.every((entry) => entry.actor.id === CONTOSO_IDS.people.aisha)).toBe(true);

    // Exporting again and importing that is a no-op.
    const again = importResultSchema.parse((await importFile(api, aisha, (await exportJson(api, aisha)).file)).body);
    expect(again.changes.every((change) => change.kind === 'unchanged')).toBe(true);
  });

  it('neutralises formulas in the CSV export, and the neutralised CSV imports back unchanged', async () => {
    const { file } = await exportJson(api, aisha);
    const formula = '=HYPERLINK("https://evil.example","Click")';
    const withFormula = { ...file, strategies: file.strategies.map((x) => (x.id === s.onePlatform ? { ...x, title: formula, why: '@SUM(1+1)' } : x)) };
    const preview = importResultSchema.parse((await importFile(api, aisha, withFormula)).body);
    expect((await importFile(api, aisha, withFormula, { dryRun: false, ifMatch: preview.mapVersion })).status).toBe(200);

    const csv = await exportCsvText(api, aisha);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const row = parsed.records.find((record) => record[1] === s.onePlatform)!;
    expect(row).toContain(`'${formula}`);
    expect(row).toContain("'@SUM(1+1)");
    expect(parsed.records.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);

    const roundTrip = importResultSchema.parse((await importFile(api, aisha, csv)).body);
    expect(roundTrip.errors).toEqual([]);
    expect(roundTrip.changes.every((change) => change.kind === 'unchanged')).toBe(true);
  });
});
