/**
 * Shared steps of the team routes: who may act on a team.
 * Order matters: the role is checked before the team is looked up, so an employee learns
 * nothing about which team ids exist; another tenant's team is simply not found.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { z } from 'zod';
import type { StoredTeam, TeamWriteResult } from '../data/teams-repository.js';
import { toTeam } from '../domain/team-views.js';
import { requireLeader, requireTeamLeader, type AuthorisedCaller } from '../http/authorise.js';
import type { AuthenticatedRequest } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody, type Parsed } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import type { Caller } from '../auth/verify-token.js';
import type { Services } from '../services.js';

export type TeamAccess = { ok: true; authorised: AuthorisedCaller; team: StoredTeam } | { ok: false };

/** Leader of this team or Admin (else AuthError 403); `{ok: false}` when the team is not in the caller's tenant. */
export async function teamForLeader(services: Services, caller: Caller, teamId: string): Promise<TeamAccess> {
  const authorised = await requireLeader(services, caller);
  const team = await services.teams.get(caller.tenantId, teamId);
  if (!team) return { ok: false };
  requireTeamLeader(authorised, teamId);
  return { ok: true, authorised, team };
}

export interface TeamWrite<T> {
  teamId: string;
  ifMatch: string;
  authorised: AuthorisedCaller;
  team: StoredTeam;
  body: T;
}

/**
 * The opening every If-Match write to /api/teams/{id}... shares, in this order: the id, If-Match
 * (428 without it), leader access (404 for a team outside the tenant), then the body.
 */
export async function teamWriteFrom<Schema extends z.ZodType>(
  { request, caller, services }: AuthenticatedRequest,
  schema: Schema,
): Promise<Parsed<TeamWrite<z.output<Schema>>>> {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id;
  const ifMatch = ifMatchOf(request, 'team');
  if (!ifMatch.ok) return ifMatch;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return { ok: false, response: problems.notFound() };
  const body = await parseJsonBody(request, schema);
  if (!body.ok) return body;
  return { ok: true, value: { teamId: id.value, ifMatch: ifMatch.value, authorised: access.authorised, team: access.team, body: body.value } };
}

/** The answer to a team write: the saved team with its new ETag, or 412 with the current one. */
export function teamWriteResponse(result: TeamWriteResult, memberCount: number): HttpResponseInit {
  if (result.status === 'not_found') return problems.notFound();
  if (result.status === 'stale') return problems.staleDocument('team', toTeam(result.current, memberCount));
  return json(200, toTeam(result.team, memberCount), { ETag: result.team._etag });
}
