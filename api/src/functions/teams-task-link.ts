import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import { linkTeamTaskSchema } from '../shared/contracts.js';
import { relinkTeamTasks, staleTasksProblem } from './team-task-relink.js';

/**
 * PATCH /api/teams/{id}/tasks/{taskId}/link (If-Match) {strategyId, howItServes} — a leader maps
 * or re-maps one task of their team; audited in the same batch. Stale → 412 with the task as it is now.
 */
export const teamsTaskLink = authenticatedHandler(async ({ request, caller, services }) => {
  const teamId = parseIdParam(request, 'id');
  if (!teamId.ok) return teamId.response;
  const taskId = parseIdParam(request, 'taskId');
  if (!taskId.ok) return taskId.response;
  const ifMatch = ifMatchOf(request, 'task');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, linkTeamTaskSchema);
  if (!body.ok) return body.response;

  const outcome = await relinkTeamTasks(services, caller, { teamId: teamId.value, tasks: [{ id: taskId.value, etag: ifMatch.value }], ...body.value });
  if (outcome.ok) {
    const [task] = outcome.tasks;
    return task ? json(200, task, { ETag: task.etag }) : problems.notFound();
  }
  if ('response' in outcome) return outcome.response;
  const [current] = outcome.stale.tasks;
  return current ? problems.staleDocument('task', current) : staleTasksProblem(outcome.stale);
});
