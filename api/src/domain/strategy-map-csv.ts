/**
 * The CSV strategy-map file (pure). One header row, then one row per thing, its kind in the `type` column:
 *   organisation — name, vision, mission, differentiator (at most one row)
 *   value        — name, description: the organisation's values, in row order
 *   strategy     — id, order, status, title, why, customerImpact, ownerId, progress, measures (one per line)
 *   task         — id, title, ownerId, ownerName, strategyId, howItServes: exported for reference, ignored on import
 * Rows are numbered as the errors report them: 0 is the header, 1 the first row after it.
 * A column left out of the header keeps the current value on import; an empty cell clears it
 * (or, for order, status and progress, keeps it / uses the default).
 */
import {
  csvRowTypeSchema,
  importOrganisationSchema,
  importStrategySchema,
  STRATEGY_MAP_CSV_COLUMNS,
  type ImportError,
  type StrategyMapCsvColumn,
  type StrategyMapFile,
} from '../shared/import-export-contracts.js';
import { parseCsv, restoreFormula, writeCsv } from './csv.js';
import { importErrorsFrom, type ReadImport } from './strategy-map-file.js';

type Row = Partial<Record<StrategyMapCsvColumn, string>>;

/** Writes the export file as CSV; `names` gives strategy owners' display names (for reading, not re-imported). */
export function exportCsv(file: StrategyMapFile, names: ReadonlyMap<string, string>): string {
  const row = (cells: Row) => STRATEGY_MAP_CSV_COLUMNS.map((column) => cells[column] ?? '');
  const records: string[][] = [[...STRATEGY_MAP_CSV_COLUMNS]];
  if (file.organisation) {
    const { name, vision, mission, differentiator, values } = file.organisation;
    records.push(row({ type: 'organisation', name, vision, mission, differentiator }));
    for (const value of values) records.push(row({ type: 'value', name: value.name, description: value.description }));
  }
  for (const strategy of file.strategies) {
    records.push(
      row({
        type: 'strategy',
        id: strategy.id ?? '',
        order: strategy.order === undefined ? '' : String(strategy.order),
        status: strategy.status ?? '',
        title: strategy.title,
        why: strategy.why ?? '',
        customerImpact: strategy.customerImpact ?? '',
        ownerId: strategy.ownerId ?? '',
        ownerName: strategy.ownerId ? (names.get(strategy.ownerId) ?? '') : '',
        progress: strategy.progress ?? '',
        measures: (strategy.measures ?? []).join('\n'),
      }),
    );
  }
  for (const link of file.taskLinks ?? []) {
    records.push(
      row({
        type: 'task', id: link.taskId, title: link.title, ownerId: link.ownerId, ownerName: link.ownerName ?? '',
        strategyId: link.strategyId ?? '', howItServes: link.howItServes,
      }),
    );
  }
  return writeCsv(records);
}

const KNOWN_COLUMNS = new Set<string>(STRATEGY_MAP_CSV_COLUMNS);

function readHeader(cells: string[]): { columns: StrategyMapCsvColumn[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const columns = cells.map((cell) => cell.trim());
  // Spreadsheets in some locales save with semicolons; say so rather than list one odd "column".
  if (columns.length === 1 && columns[0]!.includes(';')) {
    return { columns: [], errors: [{ row: 0, field: '', message: 'Separate the columns with commas, not semicolons (save as "CSV UTF-8, comma delimited")' }] };
  }
  columns.forEach((column, index) => {
    if (!KNOWN_COLUMNS.has(column)) {
      errors.push({ row: 0, field: column, message: `Unknown column; use ${STRATEGY_MAP_CSV_COLUMNS.join(', ')}` });
    } else if (columns.indexOf(column) !== index) {
      errors.push({ row: 0, field: column, message: 'This column appears twice' });
    }
  });
  if (!columns.includes('type')) errors.push({ row: 0, field: 'type', message: 'Add a "type" column (organisation, value, strategy or task)' });
  return { columns: columns as StrategyMapCsvColumn[], errors };
}

/** A strategy row's cells as the import schema's input: typed, with "empty" meaning what the module comment says. */
function strategyInput(cells: Row, row: number, errors: ImportError[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of ['title', 'why', 'customerImpact'] as const) if (cells[field] !== undefined) input[field] = cells[field];
  if (cells.id) input.id = cells.id.trim();
  if (cells.status?.trim()) input.status = cells.status.trim();
  // "On track" as the editor says it, or on_track as the export writes it.
  if (cells.progress?.trim()) input.progress = cells.progress.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (cells.ownerId !== undefined) input.ownerId = cells.ownerId.trim() === '' ? null : cells.ownerId.trim();
  if (cells.measures !== undefined) input.measures = cells.measures.split(/\r?\n/).map((m) => m.trim()).filter((m) => m !== '');
  const order = cells.order?.trim();
  if (order) {
    if (/^\d+$/.test(order)) input.order = Number(order);
    else errors.push({ row, field: 'order', message: 'Use a whole number' });
  }
  return input;
}

function missingColumns(columns: readonly string[], required: readonly StrategyMapCsvColumn[], row: number): ImportError[] {
  return required.filter((column) => !columns.includes(column)).map((column) => ({ row, field: column, message: `Add the "${column}" column` }));
}

export function readCsvImport(text: string): ReadImport {
  const rows: ReadImport['rows'] = { strategies: [], invalidRowIds: [] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { rows, errors: [{ row: parsed.row, field: '', message: parsed.message }] };
  const [headerCells, ...records] = parsed.records;
  if (!headerCells) return { rows, errors: [{ row: 0, field: 'type', message: 'The file is empty: start with the header row of the CSV export' }] };
  const { columns, errors } = readHeader(headerCells);
  if (errors.length > 0) return { rows, errors };

  let organisation: { row: number; cells: Row } | undefined;
  const values: { name: string; description: string }[] = [];
  records.forEach((record, index) => {
    const row = index + 1;
    if (record.length > columns.length) {
      errors.push({ row, field: '', message: `This row has ${record.length} cells but the header has ${columns.length}` });
      return;
    }
    const cells: Row = Object.fromEntries(columns.map((column, i) => [column, restoreFormula(record[i] ?? '')]));
    const type = csvRowTypeSchema.safeParse((cells.type ?? '').trim().toLowerCase());
    if (!type.success) {
      errors.push({ row, field: 'type', message: 'Use organisation, value, strategy or task' });
      return;
    }
    if (type.data === 'organisation') {
      if (organisation) errors.push({ row, field: 'type', message: `Only one organisation row (the first is row ${organisation.row})` });
      else organisation = { row, cells };
    } else if (type.data === 'value') {
      const value = importOrganisationSchema.shape.values.element.safeParse({ name: cells.name ?? '', description: cells.description ?? '' });
      if (value.success) values.push(value.data);
      else errors.push(...importErrorsFrom(value.error, row));
    } else if (type.data === 'strategy') {
      const rowErrors = missingColumns(columns, ['title'], row);
      const parsedRow = importStrategySchema.safeParse(strategyInput(cells, row, rowErrors));
      if (parsedRow.success && rowErrors.length === 0) rows.strategies.push({ row, value: parsedRow.data });
      else {
        errors.push(...rowErrors, ...(parsedRow.success ? [] : importErrorsFrom(parsedRow.error, row)));
        if (cells.id?.trim()) rows.invalidRowIds.push(cells.id.trim());
      }
    }
  });

  if (organisation) {
    const { row, cells } = organisation;
    const missing = missingColumns(columns, ['name', 'vision', 'mission', 'differentiator'], row);
    const parsedOrganisation = importOrganisationSchema.safeParse({
      name: cells.name, vision: cells.vision, mission: cells.mission, differentiator: cells.differentiator, values,
    });
    if (missing.length > 0) errors.push(...missing);
    else if (parsedOrganisation.success) rows.organisation = { row, value: parsedOrganisation.data };
    else errors.push(...importErrorsFrom(parsedOrganisation.error, row));
  } else if (values.length > 0) {
    errors.push({ row: null, field: 'type', message: 'Value rows need an organisation row too' });
  }
  return { rows, errors };
}
