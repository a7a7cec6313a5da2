/**
 * Contracts for exporting and importing the strategy map (GET /api/strategy-map/export,
 * POST /api/strategy-map/import). The JSON file an export writes is exactly what an import reads.
 *
 * Imports only zod and the sibling strategy-editing contracts, never './contracts.js': contracts.ts
 * re-exports this file (`export *`), and importing back from it would be an ESM cycle.
 */
import { z } from 'zod';
import { createStrategySchema, updateOrganisationSchema } from './strategy-editing-contracts.js';
import { says } from './validation-text.js';

export const IMPORT_EXPORT_LIMITS = {
  /** Cosmos DB runs at most 100 operations in one transactional batch; each changed document also writes an audit entry. */
  maxOperations: 100,
  maxStrategies: 200,
} as const;

export const STRATEGY_MAP_FILE_FORMAT = 'line-of-sight.strategy-map';

/** The CSV columns, in the order the export writes them. An import needs `type`; other columns may be left out. */
export const STRATEGY_MAP_CSV_COLUMNS = [
  'type', 'id', 'order', 'status', 'title', 'why', 'customerImpact', 'ownerId', 'ownerName', 'progress', 'measures',
  'name', 'vision', 'mission', 'differentiator', 'description', 'strategyId', 'howItServes',
] as const;
export type StrategyMapCsvColumn = (typeof STRATEGY_MAP_CSV_COLUMNS)[number];

/** What a CSV row describes. `task` rows are written by the export for reference and ignored by an import. */
export const csvRowTypeSchema = z.enum(['organisation', 'value', 'strategy', 'task'], says('useOrganisationValueStrategyOrTask'));

const created = createStrategySchema.shape;

/**
 * One strategy of an import. With an id: the existing strategy of that id is updated (an unknown id is an
 * error). Without an id (absent or ""): a new strategy is created. A field left out keeps its current value
 * (or its default for a new strategy).
 */
export const importStrategySchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, says('useLettersDigitsOrOnly'))
    .optional(),
  title: created.title,
  why: created.why.unwrap().optional(),
  customerImpact: created.customerImpact.unwrap().optional(),
  order: z.number().int(says('useAWholeNumber')).min(0, says('use0OrMore')).max(1_000_000, says('useASmallerNumber')).optional(),
  status: z.enum(['active', 'archived'], says('useActiveOrArchived')).optional(),
  ownerId: created.ownerId.unwrap().optional(),
  progress: created.progress.unwrap().optional(),
  measures: created.measures.unwrap().optional(),
});
export type ImportStrategy = z.output<typeof importStrategySchema>;

/** The organisation statement of an import: the same rules as PUT /api/organisation. */
export const importOrganisationSchema = updateOrganisationSchema;
export type ImportOrganisation = z.output<typeof importOrganisationSchema>;

/** A task's link, as exported for reference. An import accepts and ignores these (it changes the strategy map only). */
export const exportedTaskLinkSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  strategyId: z.string().nullable(),
  howItServes: z.string(),
});
export type ExportedTaskLink = z.infer<typeof exportedTaskLinkSchema>;

/** The JSON export file, and the JSON body an import accepts. */
export const strategyMapFileSchema = z.strictObject({
  format: z.literal(STRATEGY_MAP_FILE_FORMAT).optional(),
  version: z.literal(1).optional(),
  exportedAt: z.string().max(40).optional(),
  /** The map version at export time (informational; the import's If-Match guards the write). */
  mapVersion: z.string().max(200).optional(),
  organisation: importOrganisationSchema.optional(),
  strategies: z.array(importStrategySchema).max(IMPORT_EXPORT_LIMITS.maxStrategies, says('atMostStrategies', { max: IMPORT_EXPORT_LIMITS.maxStrategies })),
  taskLinks: z.array(exportedTaskLinkSchema).optional(),
});
export type StrategyMapFile = z.output<typeof strategyMapFileSchema>;

/** One problem with an import. `row`: CSV data row (1 = first row after the header, 0 = the header) or, for JSON,
 * the strategy's position in `strategies` (1-based); null for the organisation or the file as a whole. */
export const importErrorSchema = z.object({
  row: z.number().int().nullable(),
  /** The column (CSV) or field path inside the row (JSON, e.g. "measures.2", "organisation.values.0.name"). */
  field: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importChangeKindSchema = z.enum(['create', 'update', 'archive', 'unchanged']);
export type ImportChangeKind = z.infer<typeof importChangeKindSchema>;

export const importFieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type ImportFieldChange = z.infer<typeof importFieldChangeSchema>;

export const importChangeSchema = z.object({
  kind: importChangeKindSchema,
  entityType: z.enum(['organisation', 'strategy']),
  /** null for a strategy the import creates (its id is assigned when written). */
  id: z.string().nullable(),
  title: z.string(),
  /** Where it came from in the file (see importErrorSchema.row); null for strategies archived because the file left them out. */
  row: z.number().int().nullable(),
  /** The fields that change (all of a new strategy's fields); empty when unchanged. */
  fields: z.array(importFieldChangeSchema),
  /** For an archive: how many tasks serve the strategy; their owners will see they need a new link. */
  tasksNeedingNewLink: z.number().int().optional(),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

/** POST /api/strategy-map/import — the preview (dry run), or what was written (dryRun=false). */
export const importResultSchema = z.object({
  dryRun: z.boolean(),
  /** True when the changes were written. */
  applied: z.boolean(),
  /** The map version the preview was computed against: send it as If-Match to apply exactly this preview. */
  mapVersion: z.string(),
  changes: z.array(importChangeSchema),
  errors: z.array(importErrorSchema),
  summary: z.object({ create: z.number(), update: z.number(), archive: z.number(), unchanged: z.number() }),
  /** The strategy-map import: display names by id of the owners its changes name (before and after), so the preview needs no directory of its own. */
  names: z.record(z.string(), z.string()).optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Problem body of a refused import (400): the usual problem fields plus the errors by row and field. */
export const importProblemErrorSchema = importErrorSchema.extend({ path: z.string() });
