/**
 * Contracts for leaders editing the strategy map: organisation, strategies (with etags), history,
 * people and granted roles, and the home view's "what changed since your last visit".
 *
 * This file imports only zod, never './contracts.js': contracts.ts re-exports it (`export *`), so
 * importing values back from there would read them before they are initialised (ESM cycle).
 */
import { z } from 'zod';
import { STRATEGY_PROGRESS } from './field-rules.js';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const STRATEGY_EDITING_LIMITS = {
  organisationName: 120,
  valueName: 80,
  valueDescription: 300,
  maxValues: 10,
  measure: 200,
  maxMeasures: 5,
  maxReorder: 99,
  maxChangesSinceLastVisit: 10,
  longText: 2000,
  strategyTitle: 120,
  howItServes: 300,
} as const;

const L = STRATEGY_EDITING_LIMITS;

/** Same rule as contracts.idSchema, from text-schemas.ts (which avoids the import cycle). */
const editId = opaqueId();

// A person reads this message (an import preview shows it by row and field): the words, then what a file writes.
export const strategyProgressSchema = z.enum(
  STRATEGY_PROGRESS,
  says('chooseNotStartedOnTrackAt'),
);
export type StrategyProgress = z.infer<typeof strategyProgressSchema>;

/** Fields whose absence flags a strategy as incomplete. */
export const strategyCompletenessFieldSchema = z.enum(['why', 'customerImpact']);
export type StrategyCompletenessField = z.infer<typeof strategyCompletenessFieldSchema>;

// ---------------------------------------------------------------- requests

/** PUT /api/organisation (If-Match) — the whole organisation statement. */
export const updateOrganisationSchema = z.strictObject({
  name: text(L.organisationName).min(1, says('giveTheOrganisationAName')),
  vision: text(L.longText).min(1, says('writeTheVision')),
  mission: text(L.longText),
  values: z
    .array(
      z.strictObject({
        name: text(L.valueName).min(1, says('nameTheValue')),
        description: text(L.valueDescription),
      }),
    )
    .max(L.maxValues, says('atMostValues', { maxValues: L.maxValues })),
  differentiator: text(L.longText),
});
export type UpdateOrganisationInput = z.input<typeof updateOrganisationSchema>;

const strategyFields = {
  title: text(L.strategyTitle).min(1, says('giveTheStrategyATitle')),
  /** Why it is a focus now. Empty is allowed but flags the strategy as incomplete. */
  why: text(L.longText),
  /** How it serves customers. Empty is allowed but flags the strategy as incomplete. */
  customerImpact: text(L.longText),
  /** A person of the tenant (their user id), or null for "no owner yet". */
  ownerId: editId.nullable(),
  progress: strategyProgressSchema,
  measures: z
    .array(text(L.measure).min(1, says('describeTheMeasureOrRemoveIt')))
    .max(L.maxMeasures, says('atMostMeasuresOfSuccess', { maxMeasures: L.maxMeasures })),
};

/** POST /api/strategies → 201 */
export const createStrategySchema = z.strictObject({
  title: strategyFields.title,
  why: strategyFields.why.default(''),
  customerImpact: strategyFields.customerImpact.default(''),
  ownerId: strategyFields.ownerId.default(null),
  progress: strategyFields.progress.default('not_started'),
  measures: strategyFields.measures.default([]),
});
export type CreateStrategyInput = z.input<typeof createStrategySchema>;

/** PATCH /api/strategies/{id} (If-Match) — any subset of the fields, at least one. */
export const updateStrategySchema = z
  .strictObject({
    title: strategyFields.title.optional(),
    why: strategyFields.why.optional(),
    customerImpact: strategyFields.customerImpact.optional(),
    ownerId: strategyFields.ownerId.optional(),
    progress: strategyFields.progress.optional(),
    measures: strategyFields.measures.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: () => saying('changeAtLeastOneField') });
export type UpdateStrategyInput = z.input<typeof updateStrategySchema>;

/** PUT /api/strategies/order — every active strategy, in the new order, each with the etag last seen. */
export const reorderStrategiesSchema = z.strictObject({
  order: z
    .array(z.strictObject({ id: editId, etag: z.string().min(1).max(200) }))
    .min(1, says('listTheStrategiesInTheirNew'))
    .max(L.maxReorder, says('atMostStrategies', { max: L.maxReorder })),
});
export type ReorderStrategiesInput = z.input<typeof reorderStrategiesSchema>;

/** POST /api/strategies/{id}/archive (If-Match). Without moveTasksTo, tasks are listed as needing a new link. */
export const archiveStrategySchema = z.strictObject({
  moveTasksTo: z
    .strictObject({
      strategyId: editId,
      howItServes: text(L.howItServes).min(1, says('sayInOneSentenceHowThese')),
    })
    .optional(),
});
export type ArchiveStrategyInput = z.input<typeof archiveStrategySchema>;

/** PUT /api/people/{userId}/granted-roles (Admin, If-Match on the person). */
export const grantedRolesUpdateSchema = z.strictObject({
  roles: z.array(z.enum(['Leader'])).max(1, says('listEachRoleOnce')),
});
export type GrantedRolesUpdateInput = z.input<typeof grantedRolesUpdateSchema>;

// ---------------------------------------------------------------- responses

const roleNames = z.enum(['Employee', 'Leader', 'Admin']);

/** The organisation as an editable document. */
export const editableOrganisationSchema = z.object({
  name: z.string(),
  vision: z.string(),
  mission: z.string(),
  values: z.array(z.object({ name: z.string(), description: z.string() })),
  differentiator: z.string(),
  etag: z.string(),
});
export type EditableOrganisation = z.infer<typeof editableOrganisationSchema>;

/** A strategy as leaders see and edit it. */
export const editableStrategySchema = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  customerImpact: z.string(),
  order: z.number().int(),
  status: z.enum(['active', 'archived']),
  etag: z.string(),
  ownerId: z.string().nullable(),
  /** The owner's display name, null without an owner; "Former colleague" once they left the directory. */
  ownerName: z.string().nullable(),
  progress: strategyProgressSchema,
  measures: z.array(z.string()),
  /** Missing fields that make the strategy incomplete (empty when complete). */
  incomplete: z.array(strategyCompletenessFieldSchema),
  /** Teams mapped to this strategy. */
  teamIds: z.array(z.string()),
});
export type EditableStrategy = z.infer<typeof editableStrategySchema>;

/** GET /api/strategy-map — a superset of contracts.strategyMapSchema. */
export const editableStrategyMapSchema = z.object({
  organisation: editableOrganisationSchema,
  strategies: z.array(editableStrategySchema),
});
export type EditableStrategyMap = z.infer<typeof editableStrategyMapSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'archive', 'restore', 'reorder', 'import', 'grant', 'revoke', 'remap', 'delete', 'refuse']),
  actor: z.object({ id: z.string(), displayName: z.string() }),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().optional(),
  /** Names of the fields that differ between before and after. */
  changedFields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Page sizes of GET …/history (`?limit=`); the default page is what the history drawer shows first. */
export const HISTORY_PAGE = { fallback: 50, max: 100 } as const;

/**
 * Display names by person id, for the people a response's values name (a strategy's owner before and
 * after), so a reader sees "Ana → Ben" without loading the directory. A person no longer in the
 * directory reads "Former colleague". Leaders and admins only, like the routes that carry it.
 */
export const personNamesSchema = z.record(z.string(), z.string());
export type PersonNames = z.infer<typeof personNamesSchema>;

/**
 * GET /api/strategies/{id}/history, GET /api/organisation/history — newest first, a page at a time; `next` is
 * the cursor of the following page. Each actor as the directory names them now; `names`: the people the
 * page's before/after values name (owners).
 */
export const historySchema = z.object({ entries: z.array(auditEntrySchema), next: z.string().nullable(), names: personNamesSchema });
export type History = z.infer<typeof historySchema>;

/** GET /api/people (Leader/Admin): without q/limit/cursor the whole directory, kept for API clients; the tab only asks for pages. */
export const personSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  /** Effective roles: token roles (as last seen) ∪ granted roles. */
  roles: z.array(roleNames),
  grantedRoles: z.array(roleNames),
  etag: z.string(),
});
export type Person = z.infer<typeof personSchema>;
export const peopleSchema = z.object({ people: z.array(personSchema) });
export type People = z.infer<typeof peopleSchema>;
/** GET /api/people?q=&limit=&cursor= — one page; `nextCursor` null on the last. */
export const peoplePageSchema = z.object({ people: z.array(personSchema), nextCursor: z.string().nullable() });
export type PeoplePage = z.infer<typeof peoplePageSchema>;

// The home view's "what changed since your last visit" and unlinked reasons live in contracts.ts (zod/mini).
