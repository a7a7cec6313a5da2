/**
 * Shared steps of the onboarding routes: the audit entry of a leader's change, the cohort response
 * (one page of its people), starting the drain, and the new hire's access to an assignment (only
 * their own, only once started; anything else is a 404).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import { auditDocument, type AuditAction, type AuditDocument } from '../data/audit.js';
import type { AssignmentDocument, CohortDocument, ModuleVersionDocument, ProgressDocument } from '../data/onboarding-documents.js';
import { progressIdFor } from '../data/onboarding-documents.js';
import type { Stored } from '../data/onboarding-repository.js';
import { toCohort, type MemberPageRequest } from '../domain/onboarding/cohort-views.js';
import { emptyProgress, hasStarted } from '../domain/onboarding/learner-progress.js';
import type { AuthorisedCaller } from '../http/authorise.js';
import { problem, problems } from '../http/problem.js';
import type { Parsed } from '../http/request-body.js';
import { fieldErrorsFrom } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { DEFAULT_TEAMS_APP_ID, type Services } from '../services.js';
import { pageQuerySchema, PAGE_LIMITS } from '../shared/contracts.js';

/** The Teams app id in notification deep links (the manifest's id); a fixed placeholder locally. */
export function teamsAppId(): string {
  return process.env.TEAMS_APP_ID ?? DEFAULT_TEAMS_APP_ID;
}

/** The audit entry of a leader's onboarding change, stamped with the API clock; written in the change's batch. */
export function onboardingAudit(
  services: Services,
  authorised: AuthorisedCaller,
  change: { entityType: string; entityId: string; action: AuditAction; before?: object | null; after?: object | null; note?: string },
): AuditDocument {
  const { caller, person } = authorised;
  return auditDocument({
    tenantId: caller.tenantId,
    actor: { id: caller.userId, displayName: person?.displayName ?? caller.displayName ?? 'Unknown person' },
    at: services.now(),
    ...change,
  });
}

/** Expand and send now; the timer picks up whatever this does not finish (it never rejects). */
export function startDrain(services: Services, tenantId: string): void {
  void services.notifications.drainNow(tenantId);
}

/** ?offset=&limit=&search= of a list route, within `limits` (bad values are a 400 with their field). */
export function pageQueryOf(request: HttpRequest, limits: { default: number; max: number }): Parsed<MemberPageRequest> {
  const raw = Object.fromEntries(['offset', 'limit', 'search'].flatMap((key) => (request.query.has(key) ? [[key, request.query.get(key)]] : [])));
  const parsed = pageQuerySchema(limits).safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: problems.validation(fieldErrorsFrom(parsed.error)) };
}

export const FIRST_MEMBER_PAGE: MemberPageRequest = { offset: 0, limit: PAGE_LIMITS.members.default, search: '' };

/** The cohort with one page of its people: only the members' directory entries are read. */
export async function cohortResponse(
  services: Services,
  tenantId: string,
  cohort: Stored<CohortDocument>,
  status = 200,
  page: MemberPageRequest = FIRST_MEMBER_PAGE,
): Promise<HttpResponseInit> {
  const [assignments, people] = await Promise.all([
    services.onboarding.listAssignmentsForCohort(tenantId, cohort.id),
    services.directory.listPeopleByIds(tenantId, cohort.memberIds),
  ]);
  return json(status, toCohort(cohort, assignments, people, page), { ETag: cohort._etag });
}

/**
 * Another change to the cohort kept landing first. Nothing was written, and every cohort write is
 * idempotent (adding a member twice, assigning a version twice), so trying again is always safe.
 */
export const cohortBusy = () =>
  problem(503, 'cohort_busy', 'The cohort is changing right now', {
    detail: 'Nothing was changed. Try again in a moment: repeating the request never does anything twice.',
    headers: { 'Retry-After': '1' },
  });

/**
 * A cohort's assignments of one module, as its dashboard and reminders count them: its own, plus, for
 * members who already held that version through another cohort (and so were left out of this one's),
 * that other assignment, narrowed to them. Their progress is shared: one module version, one
 * progress, whichever cohort they see it in.
 */
export async function cohortModuleAssignments(services: Services, tenantId: string, cohort: Pick<CohortDocument, 'id' | 'memberIds'>, moduleId: string): Promise<AssignmentDocument[]> {
  const own = (await services.onboarding.listAssignmentsForCohort(tenantId, cohort.id)).filter((assignment) => assignment.moduleId === moduleId);
  if (own.length === 0) return own;
  const members = new Set(cohort.memberIds);
  const covered = new Set(own.flatMap((assignment) => assignment.recipientIds));
  const elsewhere = await services.onboarding.listAssignmentsForVersions(tenantId, [...new Set(own.map((assignment) => assignment.moduleVersionId))]);
  const shared = elsewhere
    .filter((assignment) => assignment.cohortId !== cohort.id)
    .map((assignment) => ({ ...assignment, recipientIds: assignment.recipientIds.filter((userId) => members.has(userId) && !covered.has(userId)) }))
    .filter((assignment) => assignment.recipientIds.length > 0);
  return [...own, ...shared];
}

export interface LearnerAssignment {
  assignment: Stored<AssignmentDocument>;
  version: Stored<ModuleVersionDocument>;
  progress: Stored<ProgressDocument> | undefined;
}

/** The caller's own started assignment, its version and their progress; undefined = 404 for anything else. */
export async function learnerAssignment(services: Services, caller: Caller, assignmentId: string, now: Date): Promise<LearnerAssignment | undefined> {
  const { tenantId, userId } = caller;
  const assignment = await services.onboarding.getAssignment(tenantId, assignmentId);
  if (!assignment || !assignment.recipientIds.includes(userId) || !hasStarted(assignment, now)) return undefined;
  const [version, progress] = await Promise.all([
    services.onboarding.getVersion(tenantId, assignment.moduleVersionId),
    services.onboarding.getProgress(tenantId, progressIdFor(assignment.id, userId)),
  ]);
  return version ? { assignment, version, progress } : undefined;
}

/** Saves progress: created on first write, then replaced only if nobody saved in between (else 412-like 'stale'). */
export async function saveProgress(services: Services, learner: LearnerAssignment, next: ProgressDocument): Promise<Stored<ProgressDocument> | 'stale'> {
  const outcome = learner.progress
    ? await services.onboarding.replace(next, learner.progress._etag)
    : await services.onboarding.create(next);
  return outcome.status === 'ok' ? outcome.document : 'stale';
}

export function progressOf(learner: LearnerAssignment, userId: string, now: Date): ProgressDocument {
  return learner.progress ?? emptyProgress(learner.assignment, userId, now.toISOString());
}

/** Two devices saved at once: the person reloads and retries (nothing of theirs is lost silently). */
export const staleProgress = () =>
  problem(409, 'progress_conflict', 'Your progress changed on another device', { detail: 'Reload the module and try again.' });
