import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { remapTeamTasksSchema } from '../shared/contracts.js';
import { requireLeader } from '../http/authorise.js';
import { relinkTeamTasks, staleTasksProblem } from './team-task-relink.js';
import { queueRemapNotices } from './team-remap-notices.js';

/**
 * POST /api/teams/{id}/tasks/remap {tasks: [{id, etag}], strategyId, howItServes} — all or nothing:
 * one transactional batch with an audit entry per task; any stale etag → 412 listing them, nothing written.
 * Then each owner whose tasks moved (not the leader) gets one Teams notification; the same re-map sent
 * again after it committed answers 200 as it did, and queues nothing new (team-remap-notices.ts).
 */
export const teamsTasksRemap = authenticatedHandler(async ({ request, caller, services }) => {
  const teamId = parseIdParam(request, 'id');
  if (!teamId.ok) return teamId.response;
  // The role first, so an employee gets 403 whatever they send.
  await requireLeader(services, caller);
  const body = await parseJsonBody(request, remapTeamTasksSchema);
  if (!body.ok) return body.response;

  const outcome = await relinkTeamTasks(services, caller, { teamId: teamId.value, ...body.value, answerRepeat: true });
  if (outcome.ok) {
    await queueRemapNotices(services, caller, outcome.remap, body.value);
    return json(200, { tasks: outcome.tasks });
  }
  if ('response' in outcome) return outcome.response;
  return staleTasksProblem(outcome.stale);
});
