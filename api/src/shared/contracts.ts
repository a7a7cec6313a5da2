/**
 * The tab ⇄ API contract: one source of truth for request validation (api) and
 * form validation / response typing (tabs). Imported by the tab as `@contracts`.
 *
 * Keep this file free of Node or DOM APIs: it runs in both places.
 */
import { z } from 'zod';
import { changeSinceLastVisitSchema, unlinkedReasonSchema } from './strategy-editing-contracts.js';
import { taskSourceRefSchema } from './task-source-contracts.js';
import { opaqueId, text } from './text-schemas.js';

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
export const idSchema = opaqueId(LIMITS.id);

export const roleSchema = z.enum(['Employee', 'Leader', 'Admin']);
export type Role = z.infer<typeof roleSchema>;

// ---------------------------------------------------------------- tasks

const taskFields = {
  title: text(LIMITS.taskTitle).min(1, 'Give the task a title'),
  /** The strategy this task serves; null means "not linked yet". */
  strategyId: idSchema.nullable(),
  /** One sentence: how this task serves the strategy and the customer. */
  howItServes: text(LIMITS.howItServes),
};

/** A link needs its sentence: the point of the product is saying *how* work serves. */
function requireHowWhenLinked(
  value: { strategyId?: string | null; howItServes?: string },
  ctx: z.RefinementCtx,
): void {
  if (value.strategyId && value.howItServes !== undefined && value.howItServes.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['howItServes'], message: 'Say in one sentence how this task serves the strategy' });
  }
}

/** POST /api/me/tasks */
export const createTaskSchema = z
  .strictObject({
    title: taskFields.title,
    strategyId: taskFields.strategyId.default(null),
    howItServes: taskFields.howItServes.default(''),
  })
  .superRefine(requireHowWhenLinked);
export type CreateTaskInput = z.input<typeof createTaskSchema>;

/** PATCH /api/me/tasks/{id} — any subset of fields, at least one. Send If-Match with the task's etag. */
export const updateTaskSchema = z
  .strictObject({
    title: taskFields.title.optional(),
    strategyId: taskFields.strategyId.optional(),
    howItServes: taskFields.howItServes.optional(),
    /** Done or not; for an imported task with write-back on, also completed (or reopened) at the source. */
    completed: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Change at least one field' })
  .superRefine(requireHowWhenLinked);
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export const taskSchema = z.object({
  id: idSchema,
  title: z.string(),
  strategyId: idSchema.nullable(),
  howItServes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Cosmos ETag; send it back as If-Match when changing the task. */
  etag: z.string(),
  /** Done (absent: not done). Imported tasks follow their source. */
  completed: z.boolean().optional(),
  /** yyyy-mm-dd, imported tasks only. */
  dueDate: z.string().nullable().optional(),
  /** Imported tasks: where from (Planner / To Do), and whether it was removed there. */
  source: taskSourceRefSchema.optional(),
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
  order: z.number().int(),
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

export const meSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  teamName: z.string().nullable(),
  roles: z.array(roleSchema),
});
export type Me = z.infer<typeof meSchema>;

/**
 * GET /api/me/line-of-sight — everything the home view needs, in one request.
 * Active strategies in order, each with the signed-in person's tasks that serve it;
 * tasks that serve no (active) strategy are listed apart in `unlinkedTasks`.
 */
export const lineOfSightSchema = z.object({
  tenant: z.object({ id: z.string(), name: z.string() }),
  me: meSchema,
  organisation: organisationSchema,
  strategies: z.array(strategySchema.extend({ myTasks: z.array(taskSchema) })),
  /** `reason` says why the task needs a (new) link: never linked, or its strategy was archived. */
  unlinkedTasks: z.array(taskSchema.extend({ reason: unlinkedReasonSchema.optional() })),
  /** Vision/organisation changes and changes to strategies the person serves since their last visit (≤ 10, newest first). */
  changesSinceLastVisit: z.array(changeSinceLastVisitSchema).optional(),
});
export type LineOfSight = z.infer<typeof lineOfSightSchema>;

// ---------------------------------------------------------------- errors & dev

/** RFC 9457 problem details, as every error response is shaped. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  /** Stable machine-readable code, e.g. "validation_failed", "not_found". */
  code: z.string(),
  detail: z.string().optional(),
  /** For validation errors: one entry per bad field, `path` like "strategyId" or "values.0.name". */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** For 412 precondition_failed: the document as it is now (with its current etag) — a task, strategy, organisation, team… */
  current: z.union([taskSchema, z.record(z.string(), z.unknown())]).optional(),
  /** For 403 consent_required: the delegated permissions to ask the person for, and for which source. */
  consent: z.object({ scopes: z.array(z.string()), source: z.string(), authorizeUrl: z.string().optional() }).optional(),
  /** W3C trace id of the request (32 hex digits): the tab's traceparent's when it sent one. */
  traceId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

/** GET /dev/identities (dev mode only). */
export const devIdentitySchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  userId: z.string(),
  displayName: z.string(),
  teamName: z.string().nullable(),
  roles: z.array(roleSchema),
  /** Sign-in name (the token's preferred_username). */
  upn: z.string().optional(),
  /** Directory roles (template ids) the token carries in `wids`, e.g. Global Administrator. */
  wids: z.array(z.string()).optional(),
});
export type DevIdentity = z.infer<typeof devIdentitySchema>;

/** POST /dev/token (dev mode only). */
export const devTokenRequestSchema = z.strictObject({ tenantId: z.string().uuid(), userId: z.string().uuid() });
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
