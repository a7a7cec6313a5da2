import { activeStrategies } from '../domain/line-of-sight.js';
import { nameVisibilityFor } from '../domain/name-visibility.js';
import { channelListOwners, toTeamTasks } from '../domain/team-views.js';
import { authoriseCaller } from '../http/authorise.js';
import { authenticatedHandler, type AuthenticatedRequest } from '../http/handler.js';
import { asksForPage, keysetPage, parseListQuery, type ListRequest } from '../http/list-query.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { teamTaskStrategyFilterSchema, UNLINKED_TASKS, type TeamTaskPage } from '../shared/contracts.js';
import { teamForLeader } from './team-access.js';

/**
 * GET /api/teams/{id}/tasks?q=&limit=&cursor= — the team's members' tasks with owner names (Leader of
 * the team / Admin): a page of those whose title contains `q`, oldest first, with `nextCursor`.
 * Without any of the three parameters: every task, as before issue 13.
 * With `strategyId=<id>|unlinked`: one list of the channel tab, paged, for whoever that tab shows tasks to.
 */
export const teamsTasksList = authenticatedHandler(async (input) => {
  const { request, caller, services } = input;
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  if (request.query.has('strategyId')) return channelList(input, id.value);
  const query = asksForPage(request) ? parseListQuery(request) : undefined;
  if (query && !query.ok) return query.response;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const members = await services.teams.listMembers(caller.tenantId, id.value);
  const ownerIds = members.map((member) => member.id);
  if (!query) return json(200, { tasks: toTeamTasks(await services.teamTasks.listForOwners(caller.tenantId, ownerIds), members) });
  return json(200, await pageOf(input, ownerIds, members, query.value));
});

/**
 * One list of the channel tab, with the line of sight's rules exactly: the team's Leader and Admins
 * page every member's tasks; a member pages only their own (colleagues' are never read); anyone
 * else has no list of this team (404, as for a team that does not exist).
 */
async function channelList(input: AuthenticatedRequest, teamId: string) {
  const { request, caller, services } = input;
  const query = parseListQuery(request);
  if (!query.ok) return query.response;
  const filter = teamTaskStrategyFilterSchema.safeParse(request.query.get('strategyId'));
  if (!filter.success) return problems.validation([{ path: 'strategyId', message: 'Use an active strategy’s id or “unlinked”' }]);
  const { tenantId } = caller;
  const [authorised, team, members, strategies] = await Promise.all([
    authoriseCaller(services, caller),
    services.teams.get(tenantId, teamId),
    services.teams.listMembers(tenantId, teamId),
    services.strategy.listStrategies(tenantId),
  ]);
  if (!team) return problems.notFound();
  const { isAdmin, isLeader, person } = authorised;
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin, isLeader, teamId: person?.teamId });
  const ownerIds = channelListOwners(visibility, members.map((member) => member.id), teamId);
  if (ownerIds.length === 0) return problems.notFound();
  const activeIds = activeStrategies(strategies).map((strategy) => strategy.id);
  if (filter.data !== UNLINKED_TASKS && !activeIds.includes(filter.data)) {
    return problems.validation([{ path: 'strategyId', message: 'No active strategy with this id in your organisation' }]);
  }
  const strategy = filter.data === UNLINKED_TASKS ? { noneOf: activeIds } : { strategyId: filter.data };
  return json(200, await pageOf(input, ownerIds, members, query.value, strategy));
}

async function pageOf(
  { caller, services }: AuthenticatedRequest,
  ownerIds: string[],
  members: { id: string; displayName: string }[],
  query: ListRequest,
  strategy?: { strategyId: string } | { noneOf: readonly string[] },
): Promise<TeamTaskPage> {
  const tasks = await services.teamTasks.pageForOwners(caller.tenantId, ownerIds, query, strategy);
  const page = keysetPage(tasks, query.limit, (task) => ({ at: task.createdAt, id: task.id }));
  return { tasks: toTeamTasks(page.items, members), nextCursor: page.nextCursor };
}
