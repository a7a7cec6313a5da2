import { describe, expect, it } from 'vitest';
import { previewImport, summarise, type CurrentStrategyMap, type ImportRows, type MapStrategy } from '../../../api/src/domain/strategy-map-import.js';

const organisation = {
  name: 'Contoso',
  vision: 'Every shipment on time.',
  mission: 'Move goods reliably.',
  values: [{ name: 'Keep the promise', description: 'A window is a commitment.' }],
  differentiator: 'Named coordinators.',
};

const strategy = (id: string, order: number, overrides: Partial<MapStrategy> = {}): MapStrategy => ({
  id, title: `Strategy ${id}`, why: 'Because.', customerImpact: 'Customers win.', order, status: 'active',
  ownerId: null, progress: 'not_started', measures: [], ...overrides,
});

const current: CurrentStrategyMap = {
  organisation,
  strategies: [strategy('s1', 1), strategy('s2', 2, { ownerId: 'p1', measures: ['On-time rate 94%'] }), strategy('s3', 3, { status: 'archived' })],
  personIds: new Set(['p1', 'p2']),
};

/** The current map as import rows: what a round trip of an export reads back. */
function rowsOf(map: CurrentStrategyMap): ImportRows {
  return {
    organisation: { row: 1, value: map.organisation! },
    strategies: map.strategies.map((s, index) => ({ row: index + 2, value: { ...s } })),
    invalidRowIds: [],
  };
}

describe('previewImport', () => {
  it('finds nothing to change when the file is the current map', () => {
    const preview = previewImport(current, rowsOf(current));
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((change) => change.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(summarise(preview.changes)).toEqual({ create: 0, update: 0, archive: 0, unchanged: 4 });
  });

  it('lists updates field by field, with before and after', () => {
    const rows = rowsOf(current);
    rows.strategies[0]!.value = { ...rows.strategies[0]!.value, title: 'Deliver on time', ownerId: 'p2', progress: 'on_track' };
    rows.organisation!.value = { ...organisation, vision: 'A new vision.' };
    const { changes, errors } = previewImport(current, rows);
    expect(errors).toEqual([]);
    expect(changes[0]).toEqual({
      kind: 'update', entityType: 'organisation', id: 'organisation', title: 'Contoso', row: 1,
      fields: [{ field: 'vision', before: organisation.vision, after: 'A new vision.' }],
    });
    expect(changes[1]).toMatchObject({ kind: 'update', id: 's1', title: 'Deliver on time', row: 2 });
    expect(changes[1]!.fields).toEqual([
      { field: 'title', before: 'Strategy s1', after: 'Deliver on time' },
      { field: 'ownerId', before: null, after: 'p2' },
      { field: 'progress', before: 'not_started', after: 'on_track' },
    ]);
  });

  it('keeps fields a row leaves out, and creates strategies without an id after the last order', () => {
    const rows: ImportRows = {
      strategies: [
        { row: 1, value: { id: 's1', title: 'Strategy s1' } },
        { row: 2, value: { id: 's2', title: 'Strategy s2' } },
        { row: 3, value: { id: 's3', title: 'Strategy s3' } },
        { row: 4, value: { title: 'Open a depot in Porto', why: 'Demand.' } },
        { row: 5, value: { id: '', title: 'Second new one', order: 7 } },
      ],
      invalidRowIds: [],
    };
    const { changes, errors } = previewImport(current, rows);
    expect(errors).toEqual([]);
    expect(changes.slice(0, 3).map((change) => change.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const created = changes.slice(3);
    expect(created.map((change) => [change.kind, change.id, change.title])).toEqual([
      ['create', null, 'Open a depot in Porto'],
      ['create', null, 'Second new one'],
    ]);
    const fieldsOf = (index: number) => Object.fromEntries(created[index]!.fields.map((field) => [field.field, field.after]));
    expect(fieldsOf(0)).toEqual({
      title: 'Open a depot in Porto', why: 'Demand.', customerImpact: '', order: 8, status: 'active', ownerId: null, progress: 'not_started', measures: [],
    });
    expect(fieldsOf(1)).toMatchObject({ order: 7 });
  });

  it('archives active strategies the file leaves out (and only those), and calls a status change to archived an archive', () => {
    const rows: ImportRows = { strategies: [{ row: 1, value: { id: 's2', title: 'Strategy s2', status: 'archived' } }], invalidRowIds: [] };
    const { changes, errors } = previewImport(current, rows);
    expect(errors).toEqual([]);
    expect(changes).toEqual([
      { kind: 'archive', entityType: 'strategy', id: 's2', title: 'Strategy s2', row: 1, fields: [{ field: 'status', before: 'active', after: 'archived' }] },
      { kind: 'archive', entityType: 'strategy', id: 's1', title: 'Strategy s1', row: null, fields: [{ field: 'status', before: 'active', after: 'archived' }] },
    ]);
  });

  it('does not archive a strategy whose row failed validation', () => {
    const rows: ImportRows = { strategies: [{ row: 1, value: { id: 's2', title: 'Strategy s2' } }], invalidRowIds: ['s1'] };
    expect(previewImport(current, rows).changes.filter((change) => change.kind === 'archive')).toEqual([]);
  });

  it('reports unknown ids, repeated ids and unknown owners by row and field', () => {
    const rows: ImportRows = {
      strategies: [
        { row: 1, value: { id: 's1', title: 'Strategy s1' } },
        { row: 2, value: { id: 'other-tenants-strategy', title: 'Not ours' } },
        { row: 3, value: { id: 's1', title: 'Twice' } },
        { row: 4, value: { id: 's2', title: 'Strategy s2', ownerId: 'stranger' } },
      ],
      invalidRowIds: [],
    };
    const { errors } = previewImport(current, rows);
    expect(errors).toEqual([
      { row: 2, field: 'id', message: expect.stringContaining('No strategy with this id') },
      { row: 3, field: 'id', message: expect.stringContaining('already on row 1') },
      { row: 4, field: 'ownerId', message: expect.stringContaining('No person') },
    ]);
  });

  it('creates the organisation when there is none yet', () => {
    const { changes } = previewImport({ ...current, organisation: null }, { organisation: { row: null, value: organisation }, strategies: [], invalidRowIds: ['s1', 's2'] });
    expect(changes[0]).toMatchObject({ kind: 'create', entityType: 'organisation', id: 'organisation' });
    expect(changes[0]!.fields.map((field) => field.field)).toEqual(['name', 'vision', 'mission', 'values', 'differentiator']);
  });

  it('refuses more changes than one transactional batch holds (each change also writes an audit entry)', () => {
    const many = (count: number): ImportRows => ({
      strategies: [...current.strategies.map((s, i) => ({ row: i + 1, value: { ...s } })), ...Array.from({ length: count }, (_, i) => ({ row: i + 10, value: { title: `New ${i}` } }))],
      invalidRowIds: [],
    });
    expect(previewImport(current, many(50)).errors).toEqual([]);
    const { errors } = previewImport(current, many(51));
    expect(errors).toEqual([{ row: null, field: 'strategies', message: expect.stringContaining('at most 50') }]);
  });
});
