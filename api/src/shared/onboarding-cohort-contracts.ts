/**
 * Onboarding cohorts, assignments, the completion dashboard and dead-lettered notifications.
 * Re-exported (via onboarding-contracts.ts) from contracts.ts; imports only zod (no cycle).
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

const id = opaqueId();


const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('useADateLike202612'))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), says('notARealDate'));

// ---------------------------------------------------------------- cohorts

/** POST /api/cohorts */
export const createCohortSchema = z.strictObject({
  name: text(80).min(1, says('nameTheCohort')),
  description: text(500).default(''),
  memberIds: z.array(id).max(500).default([]),
});
export type CreateCohortInput = z.input<typeof createCohortSchema>;

/** POST /api/cohorts/{id}/members — add people by their user id (new members get existing assignments). */
export const addCohortMembersSchema = z.strictObject({ userIds: z.array(id).min(1, says('pickAtLeastOnePerson')).max(500) });

/**
 * POST /api/cohorts/{id}/members/from-group — members read from a Microsoft Entra group through Graph
 * (transitive). Answers memberImportPreviewSchema; people Line of Sight does not know yet are rows with
 * status "error" and are skipped (the others are added when dryRun is false). Unknown group → 400 at groupId.
 */
export const importGroupSchema = z.strictObject({
  groupId: z.string().trim().regex(/^[0-9a-fA-F-]{36}$/, says('useTheGroupObjectIdA')),
  dryRun: z.boolean().default(false),
});

export const cohortMemberSchema = z.object({ userId: id, displayName: z.string(), upn: z.string().nullable() });

export const cohortSummarySchema = z.object({
  id,
  name: z.string(),
  description: z.string(),
  memberCount: z.number().int(),
  assignmentCount: z.number().int(),
  createdAt: z.string(),
  etag: z.string(),
});
export type CohortSummary = z.infer<typeof cohortSummarySchema>;

/** GET /api/cohorts?offset=&limit= — a page of cohorts, oldest first; total counts them all. */
export const cohortListSchema = z.object({
  cohorts: z.array(cohortSummarySchema),
  offset: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});

/** GET /api/cohorts?q=&limit=&cursor= — one page of cohorts whose name contains q, oldest first; `nextCursor` null on the last. */
export const cohortSearchPageSchema = z.object({ cohorts: z.array(cohortSummarySchema), nextCursor: z.string().nullable() });
export type CohortSearchPage = z.infer<typeof cohortSearchPageSchema>;

/** Paging of the lists the onboarding routes answer: ?offset=&limit= (and ?search= where a list is searchable). */
export const PAGE_LIMITS = { cohorts: { default: 100, max: 200 }, members: { default: 50, max: 200 }, deadLetters: { default: 100, max: 500 } } as const;
export const pageQuerySchema = (limits: { default: number; max: number }) =>
  z.strictObject({
    offset: z.coerce.number().int(says('useAWholeNumber')).min(0, says('use0OrMore')).max(100_000).default(0),
    limit: z.coerce.number().int(says('useAWholeNumber')).min(1, says('use1OrMore')).max(limits.max, says('useAtMost', { max: limits.max })).default(limits.default),
    search: text(80).default(''),
  });

export const assignmentSchema = z.object({
  id,
  cohortId: id,
  moduleId: id,
  moduleVersionId: id,
  version: z.number().int(),
  moduleTitle: z.string(),
  dueDate: z.string(),
  startAt: z.string().nullable(),
  /** everyone: the whole cohort (and people who join later); completedPreviousVersion: only those who completed an older version. */
  audience: z.enum(['everyone', 'completedPreviousVersion']),
  recipientCount: z.number().int(),
  createdAt: z.string(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/**
 * GET /api/cohorts/{id}?offset=&limit=&search=, and the answer of every cohort change: one page of its
 * people (by name; search matches name or UPN), memberPage.total counting the matches.
 */
export const cohortSchema = cohortSummarySchema.extend({
  members: z.array(cohortMemberSchema),
  memberPage: z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int(), search: z.string() }),
  assignments: z.array(assignmentSchema),
});
export type Cohort = z.infer<typeof cohortSchema>;

/**
 * POST /api/cohorts/{id}/members/import?dryRun=true|false — body text/csv: one UPN or email per row
 * (an optional header row "upn" or "email"). dryRun defaults to true. A dry run answers 200 with this preview
 * (rows in error included); applying (dryRun=false) with any row in error answers 400 problem+json with
 * errors [{path: "rows.<row>"}] and this preview as its `preview` member — nothing written.
 */
export const csvImportRowSchema = z.object({
  /** 1-based line number in the file. */
  row: z.number().int(),
  value: z.string(),
  status: z.enum(['add', 'already_member', 'duplicate', 'error']),
  userId: z.string().optional(),
  displayName: z.string().optional(),
  error: z.string().optional(),
});
export const memberImportPreviewSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(csvImportRowSchema),
  toAdd: z.number().int(),
  errors: z.number().int(),
  /** Present when the import was applied. */
  cohort: cohortSchema.optional(),
});
export type MemberImportPreview = z.infer<typeof memberImportPreviewSchema>;

/**
 * POST /api/cohorts/{id}/assignments → 201 { assignments } when it assigned something new (the plan is
 * saved; the drain queues and sends the notifications), 200 with the stored assignments when every
 * version was already assigned to the cohort (a retry or a second click: nothing new, nobody notified
 * twice). Location: GET /api/cohorts/{id}/assignments/{assignmentId}, the notifications' progress.
 */
export const createAssignmentsSchema = z
  .strictObject({
    /** Published module versions (GET /api/modules → latestVersionId). */
    moduleVersionIds: z.array(id).min(1, says('pickAtLeastOneModule')).max(10),
    dueDate: isoDay,
    /** Nothing is shown or sent before this instant (ISO 8601 with offset). */
    startAt: z.iso.datetime({ offset: true, error: () => saying('useAnISODateTimeE', { example: '2026-12-01T09:00:00Z' }) }).optional(),
    audience: z.enum(['everyone', 'completedPreviousVersion']).default('everyone'),
  })
  .superRefine((value, ctx) => {
    if (new Set(value.moduleVersionIds).size !== value.moduleVersionIds.length) {
      ctx.addIssue({ code: 'custom', path: ['moduleVersionIds'], message: saying('eachModuleVersionOnce') });
    }
    if (value.startAt && value.startAt.slice(0, 10) > value.dueDate) {
      ctx.addIssue({ code: 'custom', path: ['startAt'], message: saying('startOnOrBeforeTheDue') });
    }
  });
export type CreateAssignmentsInput = z.input<typeof createAssignmentsSchema>;
export const assignmentListSchema = z.object({
  assignments: z.array(assignmentSchema.extend({ alreadyAssigned: z.boolean() })),
});

/** GET /api/cohorts/{id}/assignments/{assignmentId}: how far its "assigned" notifications are. */
export const assignmentProgressSchema = z.object({
  assignment: assignmentSchema,
  notifications: z.object({
    recipients: z.number().int(),
    /** Planned, not yet in the outbox (the drain writes them next). */
    planned: z.number().int(),
    /** In the outbox, not sent yet. */
    queued: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
  }),
});
export type AssignmentProgress = z.infer<typeof assignmentProgressSchema>;

// ---------------------------------------------------------------- dashboard

export const dashboardQuestionSchema = z.object({
  questionId: z.string(),
  prompt: z.string(),
  answered: z.number().int(),
  firstTryCorrect: z.number().int(),
  /** 0..1, null when nobody answered yet. */
  firstTryCorrectRate: z.number().nullable(),
});

export const personStatusSchema = z.enum(['not_started', 'in_progress', 'completed']);
export type PersonStatus = z.infer<typeof personStatusSchema>;

export const dashboardPersonSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  status: personStatusSchema,
  notified: z.boolean(),
  /** Their "assigned" notification: still to go (planned or in the outbox), sent, or given up on (see dead letters). */
  notification: z.enum(['queued', 'sent', 'failed']),
  opened: z.boolean(),
  overdue: z.boolean(),
  sectionsDone: z.number().int(),
  sectionCount: z.number().int(),
  dueDate: z.string(),
  version: z.number().int(),
  completedAt: z.string().nullable(),
});

/** GET /api/cohorts/{id}/dashboard?moduleId= (CSV: GET /api/cohorts/{id}/dashboard/export?moduleId=). */
export const dashboardSchema = z.object({
  cohortId: z.string(),
  cohortName: z.string(),
  moduleId: z.string(),
  moduleTitle: z.string(),
  assigned: z.number().int(),
  notified: z.number().int(),
  /** People whose notification is still to go. */
  queued: z.number().int(),
  /** People whose notification was given up on. */
  notificationFailed: z.number().int(),
  /** Opened from the Teams notification. */
  opened: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  questions: z.array(dashboardQuestionSchema),
  /**
   * Not completed and overdue, or not started: who needs a nudge (those the viewer may see by name),
   * overdue first, then by name. At most the first page (LIST_LIMITS.limit.default): the rest with
   * `?behind=true` (issue 13), so a cohort of thousands behind stays a small answer.
   */
  peopleBehind: z.array(dashboardPersonSchema),
  /** Everyone behind, named or not (the people behind named = this − hiddenPeopleBehind). */
  behind: z.number().int().nonnegative(),
  /**
   * Everyone the viewer may see by name (a Leader their own team's people, an Admin everyone), one
   * page at a time by name: the first page without `?q=&limit=&cursor=` (the CSV export has everyone).
   */
  people: z.array(dashboardPersonSchema),
  /** Counted in the figures above but not listed: only their team's leaders (and Admins) see who. */
  hiddenPeople: z.number().int().nonnegative(),
  hiddenPeopleBehind: z.number().int().nonnegative(),
  /**
   * The cursor of the next page of `people` (null on the last); with `behind=true`, `people` is one
   * page of the named people behind instead (overdue first, then by name).
   */
  nextCursor: z.string().nullable().optional(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The dashboard's own query parameter beside moduleId and the list's q, limit, cursor: `behind=true` lists only the people behind. */
export const dashboardBehindSchema = z.enum(['true', 'false']).optional();
export const DASHBOARD_BEHIND_KEY = 'behind';

// ---------------------------------------------------------------- dead letters

export const deadNotificationSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  recipientUserId: z.string(),
  recipientName: z.string().nullable(),
  kind: z.enum(['assigned', 'reminder', 'alignmentInvite', 'momentRecognised', 'pulse', 'pulseReminder', 'tasksRemapped']),
  topic: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deadAt: z.string().nullable(),
});
/**
 * GET /api/notifications/dead?offset=&limit= (newest first; total counts them all);
 * POST /api/notifications/dead/{id}/retry → 200 { notification } (pending again).
 */
export const deadNotificationListSchema = z.object({
  notifications: z.array(deadNotificationSchema),
  offset: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
});
export type DeadNotification = z.infer<typeof deadNotificationSchema>;
