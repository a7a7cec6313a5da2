import { memberCounts, toTeam } from '../domain/team-views.js';
import { actorOf } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import { teamForLeader, teamWriteResponse } from './team-access.js';

/**
 * DELETE /api/teams/{id}/group (If-Match) — unlinks the team from its Microsoft 365 group (Leader of
 * the team / Admin); audited. The people the group brought leave the team at the next directory sync
 * (or move to another linked team that lists them); people added by hand stay. A team with no group
 * answers as it is.
 */
export const teamsGroupDelete = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'team');
  if (!ifMatch.ok) return ifMatch.response;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const { team } = access;
  const memberCount = memberCounts(await services.teams.listMembers(caller.tenantId, team.id)).get(team.id) ?? 0;
  if (team._etag !== ifMatch.value) return problems.staleDocument('team', toTeam(team, memberCount));
  if (!team.groupId) return teamWriteResponse({ status: 'ok', team }, memberCount);
  const result = await services.teams.update(caller.tenantId, team.id, { groupId: undefined, linkedGroup: undefined }, ifMatch.value, actorOf(access.authorised));
  return teamWriteResponse(result, memberCount);
});
