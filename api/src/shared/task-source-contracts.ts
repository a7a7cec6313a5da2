/**
 * Tasks brought in from where work lives (Planner, Microsoft To Do): the contract of the
 * /api/me/task-sources routes and the `source` an imported task carries. Free of Node and DOM APIs.
 * `zod/mini` like contracts.ts: the home view parses these (an imported task's `source`, the sources panel).
 */
import { z } from 'zod/mini';
import { idField } from './field-rules.js';
import { saying } from './validation-text.js';

export const taskSourceKindSchema = z.enum(['planner', 'todo']);
export type TaskSourceKind = z.infer<typeof taskSourceKindSchema>;

/** Graph ids (Planner's are base64-ish, To Do's long): opaque, bounded, URL-safe once encoded. */
const sourceIdSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** Where an imported task came from, and whether it still exists there. */
export const taskSourceRefSchema = z.object({
  kind: taskSourceKindSchema,
  /** The task's id in Planner / To Do: with the owner, the natural key of the imported task. */
  id: z.string(),
  /** The plan (Planner) or list (To Do) it belongs to. */
  containerId: z.string(),
  containerName: z.string(),
  /** Opens the task in Planner / To Do. */
  webUrl: z.string(),
  /** Set when the task was deleted at the source (or is no longer assigned to the person): nothing is deleted here silently. */
  removedAt: z.nullable(z.string()),
});
export type TaskSourceRef = z.infer<typeof taskSourceRefSchema>;

/** GET /api/me/task-sources: per source, whether it is connected and consented, and how it syncs. */
export const taskSourceStatusSchema = z.object({
  kind: taskSourceKindSchema,
  connected: z.boolean(),
  /** 'required': the person must grant the delegated permission first (the tab asks through Teams). */
  consent: z.enum(['granted', 'required']),
  writeBack: z.boolean(),
  /** Plans / lists brought in whole, and single tasks brought in. */
  containerIds: z.array(z.string()),
  singleTasks: z.int(),
  importedTasks: z.int(),
  lastSyncAt: z.nullable(z.string()),
  /** A sync stopped by Graph's throttling resumes from here on the next sync. */
  syncPending: z.boolean(),
});
export type TaskSourceStatus = z.infer<typeof taskSourceStatusSchema>;
export const taskSourcesSchema = z.object({ sources: z.array(taskSourceStatusSchema) });
export type TaskSources = z.infer<typeof taskSourcesSchema>;

/** GET /api/me/task-sources/{kind}/available: what the person can bring in. */
export const availableSourceTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.nullable(z.string()),
  completed: z.boolean(),
  /** Already brought in (its task id here), or null. */
  importedAs: z.nullable(z.string()),
});
export const availableContainerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Brought in whole: new tasks in it come in by themselves. */
  imported: z.boolean(),
  tasks: z.array(availableSourceTaskSchema),
});
export const availableSourceTasksSchema = z.object({ kind: taskSourceKindSchema, containers: z.array(availableContainerSchema) });
export type AvailableSourceTasks = z.infer<typeof availableSourceTasksSchema>;

/** POST /api/me/task-sources/{kind}/import: whole plans/lists, or single tasks (at least one of them). */
export const importSourceTasksSchema = z
  .strictObject({
    containerIds: z._default(z.array(sourceIdSchema).check(z.maxLength(50)), []),
    tasks: z._default(z.array(z.strictObject({ containerId: sourceIdSchema, id: sourceIdSchema })).check(z.maxLength(500)), []),
  })
  .check(z.refine((value) => value.containerIds.length + value.tasks.length > 0, { error: () => saying('chooseAPlanAListOr') }));
export type ImportSourceTasksInput = z.input<typeof importSourceTasksSchema>;

export const syncOutcomeSchema = z.object({
  kind: taskSourceKindSchema,
  /** 'throttled': Graph asked to wait; the sync resumes where it stopped. 'consent_required': ask the person. */
  state: z.enum(['done', 'throttled', 'consent_required', 'not_signed_in']),
  created: z.int(),
  updated: z.int(),
  removedAtSource: z.int(),
  graphCalls: z.int(),
  retryAfterSeconds: z.optional(z.number()),
});
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;
export const syncOutcomesSchema = z.object({ outcomes: z.array(syncOutcomeSchema) });

/** PUT /api/me/task-sources/{kind}/settings */
export const taskSourceSettingsSchema = z.strictObject({ writeBack: z.boolean() });

/** POST /api/me/task-sources/{kind}/disconnect: imported tasks stay as plain tasks, or are removed. */
export const disconnectTaskSourceSchema = z.strictObject({ importedTasks: z.enum(['keep', 'remove']) });
export const disconnectOutcomeSchema = z.object({ kind: taskSourceKindSchema, kept: z.int(), removed: z.int() });

export const taskSourceKindParam = idField(16);
