import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { remapTeamTasksSchema } from '../shared/contracts.js';
import { requireLeader } from '../http/authorise.js';
import { relinkTeamTasks, staleTasksProblem } from './team-task-relink.js';

/**
 * POST /api/teams/{id}/tasks/remap {tasks: [{id, etag}], strategyId, howItServes} — all or nothing:
 * one transactional batch with an audit entry per task; any stale etag → 412 listing them, nothing written.
 */
export const teamsTasksRemap = authenticatedHandler(async ({ request, caller, services }) => {
  const teamId = parseIdParam(request, 'id');
  if (!teamId.ok) return teamId.response;
  // The role first, so an employee gets 403 whatever they send.
  await requireLeader(services, caller);
  const body = await parseJsonBody(request, remapTeamTasksSchema);
  if (!body.ok) return body.response;

  const outcome = await relinkTeamTasks(services, caller, { teamId: teamId.value, ...body.value });
  if (outcome.ok) return json(200, { tasks: outcome.tasks });
  if ('response' in outcome) return outcome.response;
  return staleTasksProblem(outcome.stale);
});
