import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { parseIdParam } from '../http/route-params.js';
import { addCohortMembersSchema } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { addMembers } from './onboarding-members.js';
import { cohortResponse } from './onboarding-support.js';

/** Re-reads and retries when another change to the cohort landed in between (adding is commutative). */
export async function addMembersWithRetry(services: Services, tenantId: string, cohortId: string, userIds: readonly string[]) {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const cohort = await services.onboarding.getCohort(tenantId, cohortId);
    if (!cohort) return problems.notFound();
    const outcome = await addMembers(services, cohort, userIds, services.now());
    if (outcome.status === 'too_many') return problem(400, 'cohort_too_large', 'The cohort would be too large', { detail: `A cohort holds at most ${outcome.limit} people.` });
    if (outcome.status === 'not_found') return problems.notFound();
    if (outcome.status === 'ok') {
      const saved = await services.onboarding.getCohort(tenantId, cohortId);
      return saved ? cohortResponse(services, tenantId, saved) : problems.notFound();
    }
  }
  return problem(409, 'busy', 'The cohort is changing right now', { detail: 'Try again in a moment.' });
}

/** POST /api/cohorts/{id}/members {userIds} — new members also get the cohort's existing assignments. */
export const cohortsMembersAdd = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  if (!(await services.onboarding.getCohort(caller.tenantId, id.value))) return problems.notFound();
  const body = await parseJsonBody(request, addCohortMembersSchema);
  if (!body.ok) return body.response;
  const people = new Set((await services.directory.listPeople(caller.tenantId)).map((person) => person.id));
  const unknown = body.value.userIds.flatMap((userId, index) => (people.has(userId) ? [] : [{ path: `userIds.${index}`, message: 'No such person' }]));
  if (unknown.length > 0) return problems.validation(unknown);
  return addMembersWithRetry(services, caller.tenantId, id.value, body.value.userIds);
});

/**
 * DELETE /api/cohorts/{id}/members/{userId} — leaves the cohort (no new assignments reach them);
 * what they were already assigned stays theirs, with its progress.
 */
export const cohortsMembersRemove = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const userId = parseIdParam(request, 'userId');
  if (!userId.ok) return userId.response;
  await requireLeader(services, caller);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const cohort = await services.onboarding.getCohort(caller.tenantId, id.value);
    if (!cohort || !cohort.memberIds.includes(userId.value)) return problems.notFound();
    const next = { ...cohort, memberIds: cohort.memberIds.filter((member) => member !== userId.value), updatedAt: services.now().toISOString() };
    const result = await services.onboarding.replace(next, cohort._etag);
    if (result.status === 'ok') return cohortResponse(services, caller.tenantId, result.document);
    if (result.status === 'not_found') return problems.notFound();
  }
  return problem(409, 'busy', 'The cohort is changing right now', { detail: 'Try again in a moment.' });
});
