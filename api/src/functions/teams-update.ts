import { memberCounts, strategyMappingErrors, toTeam } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { updateTeamSchema } from '../shared/contracts.js';
import { teamWriteFrom, teamWriteResponse } from './team-access.js';
import { actorOf } from '../http/authorise.js';

/** PATCH /api/teams/{id} (If-Match) {name?, strategyIds?} — rename or map to strategies; Leader of the team / Admin. */
export const teamsUpdate = authenticatedHandler(async (input) => {
  const write = await teamWriteFrom(input, updateTeamSchema);
  if (!write.ok) return write.response;
  const { teamId, ifMatch, team, body } = write.value;

  const { services } = input;
  const { tenantId } = input.caller;
  const [strategies, members] = await Promise.all([services.strategy.listStrategies(tenantId), services.teams.listMembers(tenantId, teamId)]);
  const memberCount = memberCounts(members).get(teamId) ?? 0;
  if (team._etag !== ifMatch) return problems.staleDocument('team', toTeam(team, memberCount));
  if (body.strategyIds) {
    const errors = strategyMappingErrors(body.strategyIds, strategies, (index) => `strategyIds.${index}`, team.strategyIds);
    if (errors.length > 0) return problems.validation(errors);
  }

  const changes = {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.strategyIds !== undefined ? { strategyIds: body.strategyIds } : {}),
  };
  const result = await services.teams.update(tenantId, teamId, changes, ifMatch, actorOf(write.value.authorised));
  return teamWriteResponse(result, memberCount);
});
