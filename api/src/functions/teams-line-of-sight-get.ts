import { nameVisibilityFor } from '../domain/name-visibility.js';
import { buildTeamLineOfSight, toTeamTasks } from '../domain/team-views.js';
import { authoriseCaller } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { encodeCursor } from '../http/paging.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { TEAM_LIMITS } from '../shared/contracts.js';

/**
 * GET /api/teams/{id}/line-of-sight — the channel tab's view of one team (any employee of the tenant).
 * The team's Leader and Admins see every task with its owner; anyone else sees their own tasks and
 * counts of the rest. Each list carries its first page; the tab pages the rest from
 * GET /api/teams/{id}/tasks?strategyId= with the cursor given here.
 */
export const teamsLineOfSightGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const { tenantId } = caller;
  const [authorised, team, members, organisation, strategies] = await Promise.all([
    authoriseCaller(services, caller),
    services.teams.get(tenantId, id.value),
    services.teams.listMembers(tenantId, id.value),
    services.strategy.getOrganisation(tenantId),
    services.strategy.listStrategies(tenantId),
  ]);
  if (!team || !organisation) return problems.notFound();
  // Oldest first, as the paged route orders them, so the cursor continues each list where it stops.
  const tasks = await services.teamTasks.listForOwners(tenantId, members.map((member) => member.id));
  const createdAt = new Map(tasks.map((task) => [task.id, task.createdAt]));
  const { isAdmin, isLeader, person } = authorised;
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin, isLeader, teamId: person?.teamId });
  return json(
    200,
    buildTeamLineOfSight({
      team, organisation, strategies, tasks: toTeamTasks(tasks, members), visibility,
      pageSize: TEAM_LIMITS.channelTasks,
      cursorOf: (task) => encodeCursor({ at: createdAt.get(task.id) ?? '', id: task.id }),
    }),
  );
});
