import type { HttpResponseInit } from '@azure/functions';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { parseIdParam } from '../http/route-params.js';
import { addCohortMembersSchema } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { addMembers, removeMember, type MembersOutcome } from './onboarding-members.js';
import { cohortBusy, cohortResponse } from './onboarding-support.js';

/** The answer to a change of members: the cohort with the first page of its people. */
export async function membersResponse(services: Services, tenantId: string, outcome: MembersOutcome): Promise<HttpResponseInit> {
  if (outcome.status === 'ok') return cohortResponse(services, tenantId, outcome.cohort);
  if (outcome.status === 'too_many') return problem(400, 'cohort_too_large', 'The cohort would be too large', { detail: `A cohort holds at most ${outcome.limit} people.` });
  return outcome.status === 'busy' ? cohortBusy() : problems.notFound();
}

/** POST /api/cohorts/{id}/members {userIds} — new members also get the cohort's existing assignments; people already in it are left as they are. */
export const cohortsMembersAdd = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const authorised = await requireLeader(services, caller);
  if (!(await services.onboarding.getCohort(caller.tenantId, id.value))) return problems.notFound();
  const body = await parseJsonBody(request, addCohortMembersSchema);
  if (!body.ok) return body.response;
  const people = new Set((await services.directory.listPeopleByIds(caller.tenantId, body.value.userIds)).map((person) => person.id));
  const unknown = body.value.userIds.flatMap((userId, index) => (people.has(userId) ? [] : [{ path: `userIds.${index}`, message: 'No such person' }]));
  if (unknown.length > 0) return problems.validation(unknown);
  const outcome = await addMembers(services, authorised, id.value, body.value.userIds, { action: 'update', source: 'picked' });
  return membersResponse(services, caller.tenantId, outcome);
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
  const authorised = await requireLeader(services, caller);
  return membersResponse(services, caller.tenantId, await removeMember(services, authorised, id.value, userId.value));
});
