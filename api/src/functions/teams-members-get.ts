import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import type { TeamMembers } from '../shared/contracts.js';
import { teamForLeader } from './team-access.js';

/**
 * GET /api/teams/{id}/members — the team's people and where each one's membership came from
 * ('manual', 'group': the linked Microsoft 365 group, 'channel': the team in Teams whose channel tab
 * linked it), disabled accounts flagged. Leader of the team / Admin: the people whose names they may see.
 */
export const teamsMembersGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const access = await teamForLeader(services, caller, id.value);
  if (!access.ok) return problems.notFound();
  const members = await services.teams.listMembersWithSource(caller.tenantId, id.value);
  const body: TeamMembers = {
    teamId: id.value,
    members: members
      .map((member) => ({ id: member.id, displayName: member.displayName, source: member.source ?? 'manual', accountEnabled: member.accountEnabled !== false }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id)),
  };
  return json(200, body);
});
