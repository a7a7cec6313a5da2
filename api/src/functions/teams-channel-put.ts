import { memberCounts, toTeam } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { linkChannelSchema } from '../shared/contracts.js';
import { teamWriteFrom, teamWriteResponse } from './team-access.js';
import { actorOf } from '../http/authorise.js';

/**
 * PUT /api/teams/{id}/channel (If-Match) {teamsTeamId, channelId} — the Teams channel whose
 * channel tab shows this team. A channel shows one team: linking one taken by another team is 409.
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
  const result = await services.teams.update(tenantId, teamId, { channel }, ifMatch, actorOf(write.value.authorised));
  return teamWriteResponse(result, memberCount);
});
