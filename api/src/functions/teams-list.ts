import { memberCounts, toTeam } from '../domain/team-views.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';

/** GET /api/teams — the organisation's teams with their strategy mapping and channel (any employee). */
export const teamsList = authenticatedHandler(async ({ caller, services }) => {
  const [teams, people] = await Promise.all([services.teams.list(caller.tenantId), services.teams.listPeople(caller.tenantId)]);
  const counts = memberCounts(people);
  return json(200, { teams: teams.map((team) => toTeam(team, counts.get(team.id) ?? 0)) });
});
