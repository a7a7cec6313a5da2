/**
 * The tab ⇄ API contract: one source of truth for request validation (api) and
 * form validation / response typing (tabs). Imported by the tab as `@contracts`.
 *
 * Keep this file free of Node or DOM APIs: it runs in both places. Written with `zod/mini` (functions,
 * not methods: `z.optional(s)` for `s.optional()`), so the home view downloads only the parts of zod it uses.
 */
import { z } from 'zod/mini';
import { taskSourceKindSchema, taskSourceRefSchema } from './task-source-contracts.js';
import { idField, STRATEGY_PROGRESS, textField } from './field-rules.js';
import { says, saying } from './validation-text.js';

/** Limits shared by server validation and the tab's inline validation. */
export const LIMITS = {
  /** Largest request body the API reads, in bytes. */
  maxBodyBytes: 64 * 1024,
  taskTitle: 200,
  howItServes: 300,
  strategyTitle: 120,
  longText: 2000,
  id: 64,
} as const;

/** Ids are opaque, URL-safe strings (UUIDs for records we create). */
export const idSchema = idField(LIMITS.id);

export const roleSchema = z.enum(['Employee', 'Leader', 'Admin']);
export type Role = z.infer<typeof roleSchema>;

// ---------------------------------------------------------------- tasks

const taskFields = {
  title: textField(LIMITS.taskTitle).check(z.minLength(1, says('giveTheTaskATitle'))),
  /** The strategy this task serves; null means "not linked yet". */
  strategyId: z.nullable(idSchema),
  /** One sentence: how this task serves the strategy and the customer. */
  howItServes: textField(LIMITS.howItServes),
};

/** A link needs its sentence: the point of the product is saying *how* work serves. */
function requireHowWhenLinked(
  value: { strategyId?: string | null; howItServes?: string },
  ctx: z.core.$RefinementCtx,
): void {
  if (value.strategyId && value.howItServes !== undefined && value.howItServes.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['howItServes'], message: saying('sayInOneSentenceHowThis') });
  }
}

/** POST /api/me/tasks */
export const createTaskSchema = z
  .strictObject({
    title: taskFields.title,
    strategyId: z._default(taskFields.strategyId, null),
    howItServes: z._default(taskFields.howItServes, ''),
  })
  .check(z.superRefine(requireHowWhenLinked));
export type CreateTaskInput = z.input<typeof createTaskSchema>;

/** PATCH /api/me/tasks/{id} — any subset of fields, at least one. Send If-Match with the task's etag. */
export const updateTaskSchema = z
  .strictObject({
    title: z.optional(taskFields.title),
    strategyId: z.optional(taskFields.strategyId),
    howItServes: z.optional(taskFields.howItServes),
    /** Done or not; for an imported task with write-back on, also completed (or reopened) at the source. */
    completed: z.optional(z.boolean()),
  })
  .check(
    z.refine((value) => Object.keys(value).length > 0, { error: () => saying('changeAtLeastOneField') }),
    z.superRefine(requireHowWhenLinked),
  );
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const taskSchema = z.object({
  id: idSchema,
  title: z.string(),
  strategyId: z.nullable(idSchema),
  howItServes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Cosmos ETag; send it back as If-Match when changing the task. */
  etag: z.string(),
  /** Done (absent: not done). Imported tasks follow their source. */
  completed: z.optional(z.boolean()),
  /** yyyy-mm-dd, imported tasks only. */
  dueDate: z.optional(z.nullable(z.string())),
  /** Imported tasks: where from (Planner / To Do), and whether it was removed there. */
  source: z.optional(taskSourceRefSchema),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({ tasks: z.array(taskSchema) });
export type TaskList = z.infer<typeof taskListSchema>;

// ---------------------------------------------------------------- strategy map

export const valueSchema = z.object({ name: z.string(), description: z.string() });

export const organisationSchema = z.object({
  name: z.string(),
  vision: z.string(),
  mission: z.string(),
  values: z.array(valueSchema),
  /** What makes the company different for its customers. */
  differentiator: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const strategySchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Why this is a focus now. */
  why: z.string(),
  /** How this strategy serves customers. */
  customerImpact: z.string(),
  order: z.int(),
  status: z.enum(['active', 'archived']),
});
export type Strategy = z.infer<typeof strategySchema>;

/** GET /api/strategy-map */
export const strategyMapSchema = z.object({
  organisation: organisationSchema,
  strategies: z.array(strategySchema),
});
export type StrategyMap = z.infer<typeof strategyMapSchema>;

// ---------------------------------------------------------------- home view

/** One line of the home view's "what changed since your last visit". */
export const changeSinceLastVisitSchema = z.object({
  at: z.string(),
  summary: z.string(),
  entityType: z.enum(['organisation', 'strategy']),
  entityId: z.string(),
  /** What happened: a strategy added, archived or restored, or something changed. */
  kind: z.enum(['added', 'archived', 'restored', 'changed']),
});
export type ChangeSinceLastVisit = z.infer<typeof changeSinceLastVisitSchema>;

/** Why a task of the home view is unlinked. */
export const unlinkedReasonSchema = z.enum(['no_strategy', 'strategy_archived']);
export type UnlinkedReason = z.infer<typeof unlinkedReasonSchema>;

export const meSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  teamName: z.nullable(z.string()),
  roles: z.array(roleSchema),
});
export type Me = z.infer<typeof meSchema>;

/** Where a strategy stands, as its leaders say: the editor's strategyProgressSchema, in zod/mini for the home view. */
const homeProgressSchema = z.enum(STRATEGY_PROGRESS);

/**
 * A strategy as the home view shows it: what leaders say about where it stands (progress, owner,
 * measures) beside the signed-in person's tasks that serve it. The owner is named because owning a
 * strategy is a public role in the organisation (like the author of a change), not a figure about
 * a person: see "name visibility" in the README.
 */
export const homeStrategySchema = z.extend(strategySchema, {
  progress: homeProgressSchema,
  /** The accountable leader's display name; null without an owner (or when they left the organisation). */
  ownerName: z.nullable(z.string()),
  /** Measures of success (≤ 5). */
  measures: z.array(z.string()),
  myTasks: z.array(taskSchema),
});
export type HomeStrategy = z.infer<typeof homeStrategySchema>;

/**
 * GET /api/me/line-of-sight — everything the home view needs, in one request.
 * Active strategies in order, each with the signed-in person's tasks that serve it;
 * tasks that serve no (active) strategy are listed apart in `unlinkedTasks`.
 */
export const lineOfSightSchema = z.object({
  tenant: z.object({ id: z.string(), name: z.string() }),
  me: meSchema,
  organisation: organisationSchema,
  strategies: z.array(homeStrategySchema),
  /** `reason` says why the task needs a (new) link: never linked, or its strategy was archived. */
  unlinkedTasks: z.array(z.extend(taskSchema, { reason: z.optional(unlinkedReasonSchema) })),
  /**
   * Since the person's last dismissal of the note: organisation changes, strategies added, archived
   * or restored, and changes to strategies the person serves (≤ 10, newest first).
   */
  changesSinceLastVisit: z.optional(z.array(changeSinceLastVisitSchema)),
  /** When `changesSinceLastVisit` was read: dismissing the note sends it back as `seenUntil`. */
  changesAsOf: z.optional(z.string()),
  /** Planner / To Do: whether this API offers them, and which the person connected (the sync needs a request of its own only then). */
  taskSources: z.optional(z.object({ offered: z.boolean(), connected: z.array(taskSourceKindSchema) })),
});
export type LineOfSight = z.infer<typeof lineOfSightSchema>;

/**
 * POST /api/me/visits — the person dismissed "what changed": everything up to `seenUntil` (the
 * `changesAsOf` of the view they saw) is no longer news. Repeating it changes nothing, and an
 * older `seenUntil` never brings dismissed changes back.
 */
export const recordVisitSchema = z.strictObject({
  seenUntil: z.iso.datetime({ offset: true, error: () => saying('sendTheChangesAsOfOfTheHome') }),
});
export type RecordVisitInput = z.input<typeof recordVisitSchema>;

// ---------------------------------------------------------------- errors & dev

/** In a 412 on the strategy map: one recent change from the audit trail (leaders may see a fellow leader's name). */
export const recentChangeSchema = z.object({
  actor: z.object({ id: z.string(), displayName: z.string() }),
  at: z.string(),
  changedFields: z.array(z.string()),
});
export type RecentChange = z.infer<typeof recentChangeSchema>;

/** RFC 9457 problem details, as every error response is shaped. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  /** Stable machine-readable code, e.g. "validation_failed", "not_found". */
  code: z.string(),
  detail: z.optional(z.string()),
  /** For validation errors: one entry per bad field, `path` like "strategyId" or "values.0.name". */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** For 412 precondition_failed: the document as it is now (with its current etag) — a task, strategy, organisation, team… */
  current: z.optional(z.union([taskSchema, z.record(z.string(), z.unknown())])),
  /** For 412 on the organisation or a strategy: who changed it lately and which fields, newest first (≤ 5). */
  recentChanges: z.optional(z.array(recentChangeSchema)),
  /** For 403 consent_required: the delegated permissions to ask the person for, and for which source. */
  consent: z.optional(z.object({ scopes: z.array(z.string()), source: z.string(), authorizeUrl: z.optional(z.string()) })),
  /** W3C trace id of the request (32 hex digits): the tab's traceparent's when it sent one. */
  traceId: z.optional(z.string()),
});
export type Problem = z.infer<typeof problemSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

/** GET /dev/identities (dev mode only). */
export const devIdentitySchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  userId: z.string(),
  displayName: z.string(),
  teamName: z.nullable(z.string()),
  roles: z.array(roleSchema),
  /** Sign-in name (the token's preferred_username). */
  upn: z.optional(z.string()),
  /** Directory roles (template ids) the token carries in `wids`, e.g. Global Administrator. */
  wids: z.optional(z.array(z.string())),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;

/** POST /dev/token (dev mode only). */
export const devTokenRequestSchema = z.strictObject({ tenantId: z.uuid(), userId: z.uuid() });
export * from './teams-contracts.js';
export * from './strategy-editing-contracts.js';
export * from './import-export-contracts.js';
export * from './onboarding-contracts.js';
export * from './signup-contracts.js';
export * from './signup-templates.js';
export * from './alignment-round-contracts.js';
export * from './moments-contracts.js';
export * from './coaching-contracts.js';
export * from './task-source-contracts.js';
export * from './list-contracts.js';
