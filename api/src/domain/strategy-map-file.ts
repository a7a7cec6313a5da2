/**
 * The JSON strategy-map file (pure): building it for an export, and reading an import body into rows.
 * Each strategy is validated on its own, so one bad strategy is reported at its row and field
 * while the others still appear in the preview.
 */
import type { z } from 'zod';
import {
  IMPORT_EXPORT_LIMITS,
  importOrganisationSchema,
  importStrategySchema,
  STRATEGY_MAP_FILE_FORMAT,
  strategyMapFileSchema,
  type ExportedTaskLink,
  type ImportError,
  type StrategyMapFile,
} from '../shared/import-export-contracts.js';
import type { CurrentStrategyMap, ImportRows } from './strategy-map-import.js';

export interface ReadImport {
  rows: ImportRows;
  errors: ImportError[];
}

/** zod issues as import errors at `row`; unknown keys get one error each, at their own field. */
export function importErrorsFrom(error: z.ZodError, row: number | null, prefix = ''): ImportError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ row, field: [...path, key].join('.'), message: 'Unknown field' }));
    }
    return [{ row, field: path.join('.'), message: issue.message }];
  });
}

/** The id a row names, if any, even when the row is otherwise invalid. */
export function namedId(candidate: unknown): string | undefined {
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const id = (candidate as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The envelope (format, version…) is checked apart; the organisation and each strategy are then checked on their own. */
const envelopeSchema = strategyMapFileSchema.omit({ organisation: true, strategies: true });

export function readJsonImport(data: unknown): ReadImport {
  const errors: ImportError[] = [];
  const rows: ImportRows = { strategies: [], invalidRowIds: [] };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { rows, errors: [{ row: null, field: '', message: 'Send one JSON object, shaped like the JSON export' }] };
  }
  const { organisation, strategies, ...rest } = data as Record<string, unknown>;
  const envelope = envelopeSchema.safeParse(rest);
  if (!envelope.success) errors.push(...importErrorsFrom(envelope.error, null));

  if (organisation !== undefined) {
    const parsed = importOrganisationSchema.safeParse(organisation);
    if (parsed.success) rows.organisation = { row: null, value: parsed.data };
    else errors.push(...importErrorsFrom(parsed.error, null, 'organisation'));
  }

  if (!Array.isArray(strategies)) {
    errors.push({ row: null, field: 'strategies', message: 'List the strategies (an array, possibly empty)' });
    return { rows, errors };
  }
  strategies.forEach((candidate, index) => {
    const row = index + 1;
    const parsed = importStrategySchema.safeParse(candidate);
    if (parsed.success) {
      rows.strategies.push({ row, value: parsed.data });
    } else {
      errors.push(...importErrorsFrom(parsed.error, row));
      const id = namedId(candidate);
      if (id) rows.invalidRowIds.push(id);
    }
  });
  if (strategies.length > IMPORT_EXPORT_LIMITS.maxStrategies) {
    errors.push({ row: null, field: 'strategies', message: `At most ${IMPORT_EXPORT_LIMITS.maxStrategies} strategies` });
  }
  return { rows, errors };
}

export interface ExportInput {
  map: CurrentStrategyMap;
  taskLinks: ExportedTaskLink[];
  mapVersion: string;
  exportedAt: Date;
}

/** The JSON export: the organisation, every strategy (active and archived) in order, and every task's link. */
export function buildExportFile({ map, taskLinks, mapVersion, exportedAt }: ExportInput): StrategyMapFile {
  const file: StrategyMapFile = {
    format: STRATEGY_MAP_FILE_FORMAT,
    version: 1,
    exportedAt: exportedAt.toISOString(),
    mapVersion,
    strategies: map.strategies.map(({ id, title, why, customerImpact, order, status, ownerId, progress, measures }) => ({
      id, title, why, customerImpact, order, status, ownerId, progress, measures,
    })),
    taskLinks,
  };
  if (map.organisation) file.organisation = map.organisation;
  return file;
}
