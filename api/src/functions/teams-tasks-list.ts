import { toTeamTasks } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { asksForPage, keysetPage, parseListQuery } from '../http/list-query.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import type { TeamTaskPage } from '../shared/contracts.js';
import { teamForLeader } from './team-access.js';

/**
 * GET /api/teams/{id}/tasks?q=&limit=&cursor= — the team's members' tasks with owner names (Leader of
 * the team / Admin): a page of those whose title contains `q`, oldest first, with `nextCursor`.
 * Without any of the three parameters: every task, as before issue 13.
 */
export const teamsTasksList = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const query = asksForPage(request) ? parseListQuery(request) : undefined;
  if (query && !query.ok) return query.response;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const members = await services.teams.listMembers(caller.tenantId, id.value);
  const ownerIds = members.map((member) => member.id);
  if (!query) return json(200, { tasks: toTeamTasks(await services.teamTasks.listForOwners(caller.tenantId, ownerIds), members) });
  const tasks = await services.teamTasks.pageForOwners(caller.tenantId, ownerIds, query.value);
  const page = keysetPage(tasks, query.value.limit, (task) => ({ at: task.createdAt, id: task.id }));
  const body: TeamTaskPage = { tasks: toTeamTasks(page.items, members), nextCursor: page.nextCursor };
  return json(200, body);
});
