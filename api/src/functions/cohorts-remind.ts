import { isActivePerson } from '../domain/directory-people.js';
import { remindersForPeopleBehind } from '../domain/onboarding/remind-behind.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { enqueueNotifications } from '../notifications/outbox.js';
import { remindPeopleBehindSchema, type RemindPeopleBehindResult } from '../shared/contracts.js';
import { cohortModuleAssignments, startDrain, teamsAppId } from './onboarding-support.js';

/**
 * POST /api/cohorts/{id}/remind {moduleId} → 200 {behind, reminded, alreadyRemindedToday}: a reminder
 * through the outbox to everyone in the cohort behind on the module (Leader/Admin). At most one
 * reminder a person a day (the outbox key), so repeating it is harmless and says so.
 */
export const cohortsRemind = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const { tenantId } = caller;
  const body = await parseJsonBody(request, remindPeopleBehindSchema);
  if (!body.ok) return body.response;
  const cohort = await services.onboarding.getCohort(tenantId, id.value);
  if (!cohort) return problems.notFound();
  const assignments = await cohortModuleAssignments(services, tenantId, cohort, body.value.moduleId);
  if (assignments.length === 0) return problems.notFound('This cohort has no assignment of that module.');
  const [progress, people] = await Promise.all([
    services.onboarding.listProgressForAssignments(tenantId, assignments.map((assignment) => assignment.id)),
    services.directory.listPeopleByIds(tenantId, [...new Set(assignments.flatMap((assignment) => assignment.recipientIds))]),
  ]);
  const now = services.now();
  const inactive = new Set(people.filter((person) => !isActivePerson(person)).map((person) => person.id));
  const requests = remindersForPeopleBehind({ assignments, progress, inactive, teamsAppId: teamsAppId(), now });
  const { created, alreadyQueued } = await enqueueNotifications(services.outbox, tenantId, requests, now);
  if (created > 0) startDrain(services, tenantId);
  const result: RemindPeopleBehindResult = { behind: requests.length, reminded: created, alreadyRemindedToday: alreadyQueued };
  return json(200, result);
});
