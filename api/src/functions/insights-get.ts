import { computeAlignment, computePersonAlignment } from '../domain/alignment.js';
import { authoriseCaller } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import { TEAM_LIMITS, type Insights } from '../shared/contracts.js';

/**
 * GET /api/insights — Leader/Admin: the organisation's alignment and every team's; Employee: only
 * their own figures and their team's. All reads stay in the tenant's partition, and the tasks are
 * read projected to the four fields the computation needs.
 */
export const insightsGet = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId } = caller;
  const authorised = await authoriseCaller(services, caller);
  if (authorised.isLeader || authorised.isAdmin) {
    const [strategies, teams, people, tasks] = await Promise.all([
      services.strategy.listStrategies(tenantId),
      services.teams.list(tenantId),
      services.teams.listPeople(tenantId),
      services.teamTasks.listLinks(tenantId),
    ]);
    const alignment = computeAlignment({ strategies, teams, people, tasks });
    const body: Insights = { scope: 'organisation', organisation: alignment.organisation, teams: alignment.teams };
    return json(200, body);
  }

  const teamId = authorised.person?.teamId ?? null;
  const [strategies, myTasks, teams, members] = await Promise.all([
    services.strategy.listStrategies(tenantId),
    services.tasks.listForOwner(tenantId, caller.userId),
    teamId ? services.teams.list(tenantId) : Promise.resolve([]),
    teamId ? services.teams.listMembers(tenantId, teamId) : Promise.resolve([]),
  ]);
  const team = teams.find((candidate) => candidate.id === teamId);
  let teamAlignment: Extract<Insights, { scope: 'me' }>['team'] = null;
  if (team) {
    const tasks = await services.teamTasks.listForOwners(tenantId, members.map((member) => member.id));
    // Only the team's own people and tasks go in; the other teams are there for their strategy mapping.
    // Alone on the page, the team's lists show as many items as the organisation's would.
    teamAlignment = computeAlignment({ strategies, teams, people: members, tasks }, TEAM_LIMITS.insightItems).teams.find((entry) => entry.teamId === team.id) ?? null;
  }
  const body: Insights = { scope: 'me', me: computePersonAlignment(myTasks, strategies), team: teamAlignment };
  return json(200, body);
});
