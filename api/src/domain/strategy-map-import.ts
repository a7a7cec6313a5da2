/**
 * The preview of a strategy-map import, as a pure function: the current map and the rows read from the
 * file go in; every change (create / update / archive / unchanged) and every error comes out. Nothing here
 * reads or writes the store, so the dry run and the real run compute exactly the same changes.
 *
 * The file describes the whole map: a strategy it leaves out is archived (never deleted — tasks may
 * still point at it, and their owners see that they need a new link).
 */
import {
  IMPORT_EXPORT_LIMITS,
  type ImportChange,
  type ImportError,
  type ImportFieldChange,
  type ImportOrganisation,
  type ImportStrategy,
} from '../shared/import-export-contracts.js';
import type { StrategyProgress } from '../shared/strategy-editing-contracts.js';

export interface MapStrategy {
  id: string;
  title: string;
  why: string;
  customerImpact: string;
  order: number;
  status: 'active' | 'archived';
  ownerId: string | null;
  progress: StrategyProgress;
  measures: string[];
}

export interface CurrentStrategyMap {
  organisation: ImportOrganisation | null;
  strategies: MapStrategy[];
  /** Ids of the tenant's people: a strategy's owner must be one of them. */
  personIds: ReadonlySet<string>;
}

/** What a file held, after each row passed its schema (rows that did not are reported by the reader). */
export interface ImportRows {
  organisation?: { row: number | null; value: ImportOrganisation };
  strategies: { row: number; value: ImportStrategy }[];
  /** Ids named by rows that failed validation: they must not count as "left out" (and so be archived). */
  invalidRowIds: string[];
}

export interface ImportPreview {
  changes: ImportChange[];
  errors: ImportError[];
}

export const ORGANISATION_FIELDS = ['name', 'vision', 'mission', 'values', 'differentiator'] as const;
export const STRATEGY_FIELDS = ['title', 'why', 'customerImpact', 'order', 'status', 'ownerId', 'progress', 'measures'] as const;
type StrategyField = (typeof STRATEGY_FIELDS)[number];

/** Values are plain JSON data (strings, numbers, null, arrays, objects of those): equal when serialised equal. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): ImportFieldChange[] {
  return fields.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

const NEW_STRATEGY_DEFAULTS: Omit<MapStrategy, 'id' | 'title' | 'order'> = {
  why: '',
  customerImpact: '',
  status: 'active',
  ownerId: null,
  progress: 'not_started',
  measures: [],
};

/** The imported value of each field given; fields the row leaves out keep `base`'s value. */
function overlay(base: Omit<MapStrategy, 'id'>, value: ImportStrategy): Omit<MapStrategy, 'id'> {
  const next = { ...base };
  for (const field of STRATEGY_FIELDS) {
    if (value[field] !== undefined) (next as Record<StrategyField, unknown>)[field] = value[field];
  }
  return next;
}

function organisationChange(current: CurrentStrategyMap, imported: NonNullable<ImportRows['organisation']>): ImportChange {
  const { row, value } = imported;
  const base = { id: 'organisation', entityType: 'organisation', title: value.name, row } as const;
  if (!current.organisation) {
    const fields = ORGANISATION_FIELDS.map((field) => ({ field, before: null, after: value[field] }));
    return { ...base, kind: 'create', fields };
  }
  const fields = diff(current.organisation, value, ORGANISATION_FIELDS);
  return { ...base, kind: fields.length > 0 ? 'update' : 'unchanged', fields };
}

/** Each changed document is one write plus its audit entry, all in one transactional batch. */
export function operationCount(changes: readonly ImportChange[]): number {
  return changes.filter((change) => change.kind !== 'unchanged').length * 2;
}

export function previewImport(current: CurrentStrategyMap, rows: ImportRows): ImportPreview {
  const changes: ImportChange[] = [];
  const errors: ImportError[] = [];
  if (rows.organisation) changes.push(organisationChange(current, rows.organisation));

  const byId = new Map(current.strategies.map((strategy) => [strategy.id, strategy]));
  const seenRows = new Map<string, number>();
  // New strategies without an order go after every order already used, in file order.
  let nextOrder = Math.max(0, ...current.strategies.map((s) => s.order), ...rows.strategies.map((s) => s.value.order ?? 0));

  for (const { row, value } of rows.strategies) {
    const id = value.id ? value.id : null;
    const existing = id ? byId.get(id) : undefined;
    if (id) {
      const earlierRow = seenRows.get(id);
      if (earlierRow !== undefined) {
        errors.push({ row, field: 'id', message: `This strategy is already on row ${earlierRow}: list each strategy once` });
        continue;
      }
      seenRows.set(id, row);
      if (!existing) {
        errors.push({ row, field: 'id', message: 'No strategy with this id in your organisation: leave the id empty to create a new strategy' });
        continue;
      }
    }
    if (value.ownerId && !current.personIds.has(value.ownerId)) {
      errors.push({ row, field: 'ownerId', message: 'No person with this id in your organisation' });
      continue;
    }
    if (existing) {
      const next = overlay(existing, value);
      const fields = diff(existing, { id: existing.id, ...next }, STRATEGY_FIELDS);
      const archives = existing.status === 'active' && next.status === 'archived';
      const kind = fields.length === 0 ? 'unchanged' : archives ? 'archive' : 'update';
      changes.push({ kind, entityType: 'strategy', id: existing.id, title: next.title, row, fields });
    } else {
      const order = value.order ?? (nextOrder += 1);
      const next = overlay({ ...NEW_STRATEGY_DEFAULTS, title: value.title, order }, value);
      const fields = STRATEGY_FIELDS.map((field) => ({ field, before: null, after: next[field] }));
      changes.push({ kind: 'create', entityType: 'strategy', id: null, title: next.title, row, fields });
    }
  }

  const mentioned = new Set([...seenRows.keys(), ...rows.invalidRowIds]);
  for (const strategy of current.strategies) {
    if (mentioned.has(strategy.id) || strategy.status !== 'active') continue;
    changes.push({
      kind: 'archive',
      entityType: 'strategy',
      id: strategy.id,
      title: strategy.title,
      row: null,
      fields: [{ field: 'status', before: 'active', after: 'archived' }],
    });
  }

  const operations = operationCount(changes);
  if (operations > IMPORT_EXPORT_LIMITS.maxOperations) {
    const maxDocuments = IMPORT_EXPORT_LIMITS.maxOperations / 2;
    errors.push({
      row: null,
      field: 'strategies',
      message: `This import changes ${operations / 2} documents; one import can change at most ${maxDocuments} (each change also writes a history entry). Split it into smaller imports.`,
    });
  }
  return { changes, errors };
}

/** Errors in file order: the file as a whole (row null) first, then by row; stable within a row. */
export function inRowOrder(errors: readonly ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
}

export function summarise(changes: readonly ImportChange[]): Record<ImportChange['kind'], number> {
  const summary = { create: 0, update: 0, archive: 0, unchanged: 0 };
  for (const change of changes) summary[change.kind] += 1;
  return summary;
}
