import { lookUpGroup } from '../directory/group-lookup.js';
import { memberCounts, toTeam } from '../domain/team-views.js';
import { actorOf } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { linkGroupSchema } from '../shared/contracts.js';
import { teamWriteFrom, teamWriteResponse } from './team-access.js';

/**
 * PUT /api/teams/{id}/group (If-Match) {groupId} — links the team to a Microsoft 365 group or a team
 * in Teams (Leader of the team / Admin). The group is read from Graph first (it must be the tenant's
 * own); one group links one team (409 otherwise). Its members join the team at the next directory
 * sync, by the membership rule (domain/directory-people.ts). Audited with the team.
 */
export const teamsGroupPut = authenticatedHandler(async (input) => {
  const write = await teamWriteFrom(input, linkGroupSchema);
  if (!write.ok) return write.response;
  const { teamId, ifMatch, team, body } = write.value;
  const { services } = input;
  const { tenantId } = input.caller;

  const [holder, members] = await Promise.all([services.teams.findByGroup(tenantId, body.groupId), services.teams.listMembers(tenantId, teamId)]);
  const memberCount = memberCounts(members).get(teamId) ?? 0;
  if (team._etag !== ifMatch) return problems.staleDocument('team', toTeam(team, memberCount));
  if (holder && holder.id !== teamId) {
    return problem(409, 'group_taken', 'This group is already linked to another team', { detail: `Unlink it from ${holder.name} first, or pick another group.` });
  }
  const group = await lookUpGroup(services.directoryGraph, tenantId, body.groupId);
  if (!group.ok && group.reason === 'not_found') return problems.validation([{ path: 'groupId', message: group.detail }]);
  if (!group.ok) {
    return problem(503, 'graph_unavailable', 'Microsoft 365 could not be reached', { detail: `${group.detail} Nothing was changed.`, headers: { 'Retry-After': '30' } });
  }

  const linkedGroup = { displayName: group.displayName, isTeam: group.isTeam, via: 'leader' as const };
  const result = await services.teams.update(tenantId, teamId, { groupId: body.groupId, linkedGroup }, ifMatch, actorOf(write.value.authorised));
  return teamWriteResponse(result, memberCount);
});
