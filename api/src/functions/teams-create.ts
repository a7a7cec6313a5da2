import { strategyMappingErrors, toTeam } from '../domain/team-views.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { createTeamSchema } from '../shared/contracts.js';

/** POST /api/teams {name, strategyIds?} — Leader/Admin; audited. */
export const teamsCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createTeamSchema);
  if (!body.ok) return body.response;

  const strategies = await services.strategy.listStrategies(caller.tenantId);
  const errors = strategyMappingErrors(body.value.strategyIds, strategies, (index) => `strategyIds.${index}`);
  if (errors.length > 0) return problems.validation(errors);

  const team = await services.teams.create(caller.tenantId, body.value.name, body.value.strategyIds, actorOf(authorised), newId('team'));
  return json(201, toTeam(team, 0), { ETag: team._etag });
});
