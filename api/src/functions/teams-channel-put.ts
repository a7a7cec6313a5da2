import { memberCounts, toTeam } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { linkChannelSchema } from '../shared/contracts.js';
import { actorOf, teamForLeader } from './team-access.js';

/**
 * PUT /api/teams/{id}/channel (If-Match) {teamsTeamId, channelId} — the Teams channel whose
 * channel tab shows this team. A channel shows one team: linking one taken by another team is 409.
 */
export const teamsChannelPut = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch) return problems.preconditionRequiredFor('team');
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const body = await parseJsonBody(request, linkChannelSchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const [holder, members] = await Promise.all([
    services.teams.findByChannel(tenantId, body.value.channelId),
    services.teams.listMembers(tenantId, id.value),
  ]);
  const memberCount = memberCounts(members).get(id.value) ?? 0;
  if (access.team._etag !== ifMatch) return problems.staleDocument('team', toTeam(access.team, memberCount));
  if (holder && holder.id !== id.value) {
    return problem(409, 'channel_taken', 'This channel already shows another team', {
      detail: `Unlink it from ${holder.name} first, or pick another channel.`,
    });
  }

  const channel = { teamsTeamId: body.value.teamsTeamId, channelId: body.value.channelId };
  const result = await services.teams.update(tenantId, id.value, { channel }, ifMatch, actorOf(access.authorised));
  if (result.status === 'not_found') return problems.notFound();
  if (result.status === 'stale') return problems.staleDocument('team', toTeam(result.current, memberCount));
  return json(200, toTeam(result.team, memberCount), { ETag: result.team._etag });
});
