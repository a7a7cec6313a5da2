import { randomUUID } from 'node:crypto';
import { assignedNotifications, planAssignments, toAssignment } from '../domain/onboarding/assignment-plan.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { createAssignmentsSchema } from '../shared/contracts.js';
import { teamsAppId, writeWithNotifications } from './onboarding-support.js';

/** A cohort keeps at most this many assignments: adding a member updates each one in the same batch. */
const MAX_ASSIGNMENTS_PER_COHORT = 50;

/**
 * POST /api/cohorts/{id}/assignments {moduleVersionIds, dueDate, startAt?, audience?} → 201 { assignments }.
 * Each assignment and one outbox entry per recipient are written in transactional batches of the
 * tenant partition (guarded by the cohort's etag), then the drain is started.
 */
export const cohortsAssignmentsCreate = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  const { tenantId } = caller;
  const cohort = await services.onboarding.getCohort(tenantId, id.value);
  if (!cohort) return problems.notFound();
  const body = await parseJsonBody(request, createAssignmentsSchema);
  if (!body.ok) return body.response;
  if (body.value.dueDate < services.now().toISOString().slice(0, 10)) return problems.validation([{ path: 'dueDate', message: 'Pick today or a later date' }]);
  const versions = await Promise.all(body.value.moduleVersionIds.map((versionId) => services.onboarding.getVersion(tenantId, versionId)));
  const missing = versions.flatMap((version, index) => (version ? [] : [{ path: `moduleVersionIds.${index}`, message: 'No such published module version' }]));
  if (missing.length > 0) return problems.validation(missing);
  const existing = await services.onboarding.listAssignmentsForCohort(tenantId, cohort.id);
  if (existing.length + versions.length > MAX_ASSIGNMENTS_PER_COHORT) {
    return problem(400, 'too_many_assignments', 'This cohort has too many assignments', { detail: `A cohort holds at most ${MAX_ASSIGNMENTS_PER_COHORT}.` });
  }

  const now = services.now();
  const completed = body.value.audience === 'completedPreviousVersion'
    ? (await services.onboarding.listProgressForAssignments(tenantId, existing.map((assignment) => assignment.id))).filter((entry) => entry.completedAt)
    : [];
  const assignments = planAssignments({
    tenantId,
    cohort,
    versions: versions.map((version) => version!),
    dueDate: body.value.dueDate,
    startAt: body.value.startAt ? new Date(body.value.startAt).toISOString() : null,
    audience: body.value.audience,
    completed,
    createdBy: authorised.caller.userId,
    now: now.toISOString(),
    newId: randomUUID,
  });
  const requests = assignments.flatMap((assignment) => assignedNotifications(assignment, assignment.recipientIds, teamsAppId()));
  // The cohort's etag guards the batch: members added meanwhile would otherwise miss this assignment.
  const status = await writeWithNotifications(
    services,
    tenantId,
    [{ kind: 'replace', document: { ...cohort, updatedAt: now.toISOString() }, ifMatch: cohort._etag }, ...assignments.map((document) => ({ kind: 'create' as const, document }))],
    requests,
    now,
  );
  if (status === 'not_found') return problems.notFound();
  if (status !== 'ok') return problem(409, 'busy', 'The cohort changed while assigning', { detail: 'Nothing was assigned. Try again.' });
  return json(201, { assignments: assignments.map(toAssignment) });
});
