import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../api/src/domain/csv.js';
import { exportCsv, readCsvImport } from '../../../api/src/domain/strategy-map-csv.js';
import { buildExportFile, readJsonImport } from '../../../api/src/domain/strategy-map-file.js';
import { previewImport, type CurrentStrategyMap } from '../../../api/src/domain/strategy-map-import.js';
import { STRATEGY_MAP_CSV_COLUMNS } from '../../../api/src/shared/contracts.js';

const map: CurrentStrategyMap = {
  organisation: {
    name: 'Contoso',
    vision: 'Every shipment, on time.',
    mission: 'Move goods, reliably.',
    values: [{ name: 'Keep the promise', description: 'A window is a "commitment".' }],
    differentiator: '=One named coordinator',
  },
  strategies: [
    { id: 's1', title: 'Deliver, on time', why: 'Late loads\nlose customers.', customerImpact: '+ fewer buffers', order: 1, status: 'active', ownerId: 'p1', progress: 'at_risk', measures: ['On-time rate 94%', '-15% late loads'] },
    { id: 's2', title: 'Old plan', why: '', customerImpact: '', order: 2, status: 'archived', ownerId: null, progress: 'not_started', measures: [] },
  ],
  personIds: new Set(['p1']),
};
const taskLinks = [{ taskId: 't1', title: '@Re-plan the run', ownerId: 'p1', ownerName: 'Aisha', strategyId: 's1', howItServes: 'Fewer waits.' }];
const file = buildExportFile({ map, taskLinks, mapVersion: 'map-1', exportedAt: new Date('2026-11-27T00:00:00Z') });
const csv = exportCsv(file, new Map([['p1', 'Aisha Khan']]));

describe('strategy map export file', () => {
  it('JSON export re-imports as no change at all', () => {
    const read = readJsonImport(JSON.parse(JSON.stringify(file)));
    expect(read.errors).toEqual([]);
    expect(previewImport(map, read.rows).changes.every((change) => change.kind === 'unchanged')).toBe(true);
  });

  it('CSV export has the header, one row per organisation, value, strategy and task, and re-imports as no change', () => {
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[0]).toEqual([...STRATEGY_MAP_CSV_COLUMNS]);
    expect(parsed.records.slice(1).map((record) => record[0])).toEqual(['organisation', 'value', 'strategy', 'strategy', 'task']);
    const read = readCsvImport(csv);
    expect(read.errors).toEqual([]);
    expect(read.rows.strategies.map((row) => row.row)).toEqual([3, 4]);
    expect(previewImport(map, read.rows).changes.map((change) => change.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('neutralises formula-looking cells in the CSV', () => {
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const cells = parsed.records.flat();
    expect(cells).toContain("'=One named coordinator");
    expect(cells).toContain("'+ fewer buffers");
    expect(cells).toContain("'@Re-plan the run");
    // Only a cell's start makes it a formula: a later line starting with "-" is left as written.
    expect(cells).toContain('On-time rate 94%\n-15% late loads');
    expect(cells.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });
});

describe('reading a CSV import', () => {
  const header = 'type,id,title,order,status,ownerId,progress,measures';

  it('reports unknown and repeated columns on the header row (row 0) and reads nothing else', () => {
    const read = readCsvImport('type,title,colour,title\r\nstrategy,A,red,A\r\n');
    expect(read.errors).toEqual([
      { row: 0, field: 'colour', message: expect.stringContaining('Unknown column') },
      { row: 0, field: 'title', message: 'This column appears twice' },
    ]);
    expect(read.rows.strategies).toEqual([]);
  });

  it('explains a semicolon-separated file instead of listing one odd column', () => {
    expect(readCsvImport('type;id;title\r\nstrategy;;A\r\n').errors).toEqual([{ row: 0, field: '', message: expect.stringContaining('commas') }]);
  });

  it('reports each bad cell by data row (1 = first row after the header) and column', () => {
    const long = 'x'.repeat(121);
    const text = [
      header,
      'strategy,,Fine new strategy,,,,,',
      `strategy,s1,${long},two,paused,,soon,`,
      'planet,,Nope,,,,,',
      'strategy,bad id!,Title,,,,,',
      'strategy,s2,,,,,,',
    ].join('\r\n');
    const read = readCsvImport(text);
    expect(read.errors).toEqual([
      { row: 2, field: 'order', message: 'Use a whole number' },
      { row: 2, field: 'title', message: expect.stringContaining('under 120') },
      { row: 2, field: 'status', message: expect.any(String) },
      { row: 2, field: 'progress', message: expect.any(String) },
      { row: 3, field: 'type', message: 'Use organisation, value, strategy or task' },
      { row: 4, field: 'id', message: expect.stringContaining('letters, digits') },
      { row: 5, field: 'title', message: 'Give the strategy a title' },
    ]);
    expect(read.rows.strategies.map((row) => row.row)).toEqual([1]);
    expect(read.rows.invalidRowIds).toEqual(['s1', 'bad id!', 's2']);
  });

  it('reads measures one per line, an empty owner as none, and ignores task rows', () => {
    const text = `${header},strategyId\r\nstrategy,s1,T,3,archived,,on_track,"One\nTwo\n"\r\ntask,t1,Some task,,,p9,,,s1\r\n`;
    const read = readCsvImport(text);
    expect(read.errors).toEqual([]);
    expect(read.rows.strategies).toEqual([
      { row: 1, value: { id: 's1', title: 'T', order: 3, status: 'archived', ownerId: null, progress: 'on_track', measures: ['One', 'Two'] } },
    ]);
  });

  it('needs the organisation columns for an organisation row, and at most one such row', () => {
    expect(readCsvImport('type,name\r\norganisation,Contoso\r\n').errors).toEqual([
      { row: 1, field: 'vision', message: 'Add the "vision" column' },
      { row: 1, field: 'mission', message: 'Add the "mission" column' },
      { row: 1, field: 'differentiator', message: 'Add the "differentiator" column' },
    ]);
    const twice = readCsvImport('type,name,vision,mission,differentiator\r\norganisation,A,V,M,D\r\norganisation,B,V,M,D\r\n');
    expect(twice.errors).toEqual([{ row: 2, field: 'type', message: 'Only one organisation row (the first is row 1)' }]);
  });

  it('reports a CSV syntax error at its row, and an empty file', () => {
    expect(readCsvImport('type,title\r\nstrategy,"unclosed\r\n').errors).toEqual([{ row: 1, field: '', message: expect.stringContaining('never closed') }]);
    expect(readCsvImport('').errors).toEqual([{ row: 0, field: 'type', message: expect.stringContaining('empty') }]);
  });
});

describe('reading a JSON import', () => {
  it('reports each bad strategy by its position (row) and field, and unknown fields', () => {
    const read = readJsonImport({
      strategies: [{ title: 'Good' }, { id: 's1', title: '', colour: 'red' }, { title: 'Fine', measures: ['a', '', 'c'] }],
      organisation: { ...map.organisation, vision: '' },
      extra: true,
    });
    expect(read.errors).toEqual([
      { row: null, field: 'extra', message: 'Unknown field' },
      { row: null, field: 'organisation.vision', message: 'Write the vision' },
      { row: 2, field: 'title', message: 'Give the strategy a title' },
      { row: 2, field: 'colour', message: 'Unknown field' },
      { row: 3, field: 'measures.1', message: 'Describe the measure or remove it' },
    ]);
    expect(read.rows.strategies.map((row) => row.row)).toEqual([1]);
    expect(read.rows.invalidRowIds).toEqual(['s1']);
  });

  it('needs a strategies array and an object', () => {
    expect(readJsonImport({}).errors).toEqual([{ row: null, field: 'strategies', message: expect.any(String) }]);
    expect(readJsonImport([1]).errors).toEqual([{ row: null, field: '', message: expect.any(String) }]);
  });
});
