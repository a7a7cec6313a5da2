import { lookUpGroup } from '../directory/group-lookup.js';
import { memberCounts, toTeam } from '../domain/team-views.js';
import type { TeamDocument } from '../data/documents.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { groupIdSchema, linkChannelSchema } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { teamWriteFrom, teamWriteResponse } from './team-access.js';
import { actorOf } from '../http/authorise.js';

/**
 * The group link that installing the channel tab in a team in Teams brings: the tab sends the team's
 * group id as `teamsTeamId` (a team in Teams has its Microsoft 365 group's id), so the app team
 * follows that team's members. Not when the team is linked to a group already, when another app team
 * holds that group, or when the id is not one of the tenant's groups (e.g. a thread id).
 */
async function channelGroupLink(services: Services, tenantId: string, team: TeamDocument, teamsTeamId: string): Promise<Pick<TeamDocument, 'groupId' | 'linkedGroup'>> {
  if (team.groupId || !groupIdSchema.safeParse(teamsTeamId).success) return {};
  const holder = await services.teams.findByGroup(tenantId, teamsTeamId);
  if (holder && holder.id !== team.id) return {};
  const group = await lookUpGroup(services.directoryGraph, tenantId, teamsTeamId);
  if (!group.ok && group.reason === 'not_found') return {};
  // Graph unreachable: Teams itself said this is a team's group id; the sync fills in the rest.
  const linkedGroup = group.ok ? { displayName: group.displayName, isTeam: group.isTeam, via: 'channel' as const } : { displayName: team.name, isTeam: true, via: 'channel' as const };
  return { groupId: teamsTeamId, linkedGroup };
}

/**
 * PUT /api/teams/{id}/channel (If-Match) {teamsTeamId, channelId} — the Teams channel whose
 * channel tab shows this team. A channel shows one team: linking one taken by another team is 409.
 * Installing the tab in a team in Teams also links the app team to that team's group (above).
 */
export const teamsChannelPut = authenticatedHandler(async (input) => {
  const write = await teamWriteFrom(input, linkChannelSchema);
  if (!write.ok) return write.response;
  const { teamId, ifMatch, team, body } = write.value;

  const { services } = input;
  const { tenantId } = input.caller;
  const [holder, members] = await Promise.all([services.teams.findByChannel(tenantId, body.channelId), services.teams.listMembers(tenantId, teamId)]);
  const memberCount = memberCounts(members).get(teamId) ?? 0;
  if (team._etag !== ifMatch) return problems.staleDocument('team', toTeam(team, memberCount));
  if (holder && holder.id !== teamId) {
    return problem(409, 'channel_taken', 'This channel already shows another team', {
      detail: `Unlink it from ${holder.name} first, or pick another channel.`,
    });
  }

  const channel = { teamsTeamId: body.teamsTeamId, channelId: body.channelId };
  const groupLink = await channelGroupLink(services, tenantId, team, body.teamsTeamId);
  const result = await services.teams.update(tenantId, teamId, { channel, ...groupLink }, ifMatch, actorOf(write.value.authorised));
  return teamWriteResponse(result, memberCount);
});
