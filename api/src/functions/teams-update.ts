import { memberCounts, strategyMappingErrors, toTeam } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { updateTeamSchema } from '../shared/contracts.js';
import { actorOf, teamForLeader } from './team-access.js';

/** PATCH /api/teams/{id} (If-Match) {name?, strategyIds?} — rename or map to strategies; Leader of the team / Admin. */
export const teamsUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = request.headers.get('if-match');
  if (!ifMatch) return problems.preconditionRequiredFor('team');
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const body = await parseJsonBody(request, updateTeamSchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const [strategies, members] = await Promise.all([services.strategy.listStrategies(tenantId), services.teams.listMembers(tenantId, id.value)]);
  const memberCount = memberCounts(members).get(id.value) ?? 0;
  if (access.team._etag !== ifMatch) return problems.staleDocument('team', toTeam(access.team, memberCount));
  if (body.value.strategyIds) {
    const errors = strategyMappingErrors(body.value.strategyIds, strategies, (index) => `strategyIds.${index}`, access.team.strategyIds);
    if (errors.length > 0) return problems.validation(errors);
  }

  const changes = {
    ...(body.value.name !== undefined ? { name: body.value.name } : {}),
    ...(body.value.strategyIds !== undefined ? { strategyIds: body.value.strategyIds } : {}),
  };
  const result = await services.teams.update(tenantId, id.value, changes, ifMatch, actorOf(access.authorised));
  if (result.status === 'not_found') return problems.notFound();
  if (result.status === 'stale') return problems.staleDocument('team', toTeam(result.current, memberCount));
  return json(200, toTeam(result.team, memberCount), { ETag: result.team._etag });
});
