import { toTeamTasks } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { teamForLeader } from './team-access.js';

/** GET /api/teams/{id}/tasks — every task of the team's members, with owner names (Leader of the team / Admin). */
export const teamsTasksList = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const members = await services.teams.listMembers(caller.tenantId, id.value);
  const tasks = await services.teamTasks.listForOwners(caller.tenantId, members.map((member) => member.id));
  return json(200, { tasks: toTeamTasks(tasks, members) });
});
