import type { CohortDocument } from '../data/onboarding-documents.js';
import { toCohortSummary } from '../domain/onboarding/assignment-plan.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { createCohortSchema } from '../shared/contracts.js';
import { cohortResponse } from './onboarding-support.js';

/** GET /api/cohorts — Leader/Admin. */
export const cohortsList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const cohorts = await services.onboarding.listCohorts(caller.tenantId);
  const counts = await Promise.all(cohorts.map((cohort) => services.onboarding.listAssignmentsForCohort(caller.tenantId, cohort.id)));
  return json(200, { cohorts: cohorts.map((cohort, index) => toCohortSummary(cohort, counts[index]!.length)) });
});

/** GET /api/cohorts/{id} — members and assignments; another tenant's id is not found. */
export const cohortsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const cohort = await services.onboarding.getCohort(caller.tenantId, id.value);
  return cohort ? cohortResponse(services, caller.tenantId, cohort) : problems.notFound();
});

/** POST /api/cohorts {name, description?, memberIds?} — Leader/Admin. */
export const cohortsCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  await requireLeader(services, caller);
  const body = await parseJsonBody(request, createCohortSchema);
  if (!body.ok) return body.response;
  const people = new Set((await services.directory.listPeople(caller.tenantId)).map((person) => person.id));
  const unknown = body.value.memberIds.flatMap((userId, index) => (people.has(userId) ? [] : [{ path: `memberIds.${index}`, message: 'No such person' }]));
  if (unknown.length > 0) return problems.validation(unknown);
  const now = services.now().toISOString();
  const cohort: CohortDocument = {
    id: newId('cohort'),
    tenantId: caller.tenantId,
    type: 'cohort',
    name: body.value.name,
    description: body.value.description,
    memberIds: [...new Set(body.value.memberIds)],
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  };
  const result = await services.onboarding.create(cohort);
  // A conflict is this very create re-run after a crash (a derived id): answer the cohort it wrote.
  const saved = result.status === 'ok' ? result.document : result.status === 'conflict' ? await services.onboarding.getCohort(caller.tenantId, cohort.id) : undefined;
  if (!saved) throw new Error(`cohort create failed: ${result.status}`);
  return cohortResponse(services, caller.tenantId, saved, 201);
});
