import { toAssignment } from '../domain/onboarding/cohort-views.js';
import { fanOutSummary } from '../domain/onboarding/fan-out.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { createAssignmentsSchema, type AssignmentProgress } from '../shared/contracts.js';
import { assignModules } from './onboarding-assign.js';
import { cohortBusy } from './onboarding-support.js';

const part = encodeURIComponent;

/**
 * POST /api/cohorts/{id}/assignments {moduleVersionIds, dueDate, startAt?, audience?}
 * → 201 { assignments } when something new was assigned (the plan is saved; the drain queues and sends
 * the notifications), 200 with the stored assignments when the cohort had every version already.
 * Location: the first assignment's progress (GET /api/cohorts/{id}/assignments/{assignmentId}).
 */
export const cohortsAssignmentsCreate = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  const { tenantId } = caller;
  if (!(await services.onboarding.getCohort(tenantId, id.value))) return problems.notFound();
  const body = await parseJsonBody(request, createAssignmentsSchema);
  if (!body.ok) return body.response;
  if (body.value.dueDate < services.now().toISOString().slice(0, 10)) return problems.validation([{ path: 'dueDate', message: 'Pick today or a later date' }]);
  const versions = await Promise.all(body.value.moduleVersionIds.map((versionId) => services.onboarding.getVersion(tenantId, versionId)));
  const missing = versions.flatMap((version, index) => (version ? [] : [{ path: `moduleVersionIds.${index}`, message: 'No such published module version' }]));
  if (missing.length > 0) return problems.validation(missing);

  const outcome = await assignModules(services, {
    authorised,
    cohortId: id.value,
    versions: versions.map((version) => version!),
    body: { dueDate: body.value.dueDate, audience: body.value.audience, startAt: body.value.startAt ? new Date(body.value.startAt).toISOString() : null },
  });
  if (outcome.status === 'too_many') {
    return problem(400, 'too_many_assignments', 'This cohort has too many assignments', { detail: `A cohort holds at most ${outcome.limit}.` });
  }
  if (outcome.status !== 'ok') return outcome.status === 'busy' ? cohortBusy() : problems.notFound();
  const created = new Set(outcome.created.map((assignment) => assignment.id));
  const byVersion = new Map([...outcome.created, ...outcome.existing].map((assignment) => [assignment.moduleVersionId, assignment]));
  const assignments = body.value.moduleVersionIds.map((versionId) => byVersion.get(versionId)!);
  return json(
    created.size > 0 ? 201 : 200,
    { assignments: assignments.map((assignment) => ({ ...toAssignment(assignment), alreadyAssigned: !created.has(assignment.id) })) },
    { Location: `/api/cohorts/${part(id.value)}/assignments/${part(assignments[0]!.id)}` },
  );
});

/** GET /api/cohorts/{id}/assignments/{assignmentId} — the assignment and how far its notifications are (planned, queued, sent, failed). */
export const cohortsAssignmentsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const assignmentId = parseIdParam(request, 'assignmentId');
  if (!assignmentId.ok) return assignmentId.response;
  await requireLeader(services, caller);
  const assignment = await services.onboarding.getAssignment(caller.tenantId, assignmentId.value);
  if (!assignment || assignment.cohortId !== id.value) return problems.notFound();
  const entries = await services.outbox.listForAssignment(caller.tenantId, assignment.id);
  const body: AssignmentProgress = { assignment: toAssignment(assignment), notifications: fanOutSummary(assignment, entries) };
  return json(200, body);
});
