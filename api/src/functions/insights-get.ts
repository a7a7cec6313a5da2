import { computeAlignment, computePersonAlignment } from '../domain/alignment.js';
import { nameVisibilityFor } from '../domain/name-visibility.js';
import { authoriseCaller, canActOnTeam } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { json } from '../http/respond.js';
import { TEAM_LIMITS, type Insights } from '../shared/contracts.js';

/**
 * GET /api/insights — Leader/Admin: the organisation's alignment and every team's; Employee: only
 * their own figures and their team's. Names and tasks in the lists follow nameVisibilityFor: an
 * Admin sees everyone's, a Leader their own team's, an Employee only their own; the rest are
 * counted, never named. All reads stay in the tenant's partition, and the tasks are read projected
 * to the four fields the computation needs.
 */
export const insightsGet = authenticatedHandler(async ({ caller, services }) => {
  const { tenantId } = caller;
  const authorised = await authoriseCaller(services, caller);
  const teamId = authorised.person?.teamId ?? null;
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin: authorised.isAdmin, isLeader: authorised.isLeader, teamId });
  if (authorised.isLeader || authorised.isAdmin) {
    const [strategies, teams, people, tasks, inactive] = await Promise.all([
      services.strategy.listStrategies(tenantId),
      services.teams.list(tenantId),
      services.teams.listPeople(tenantId),
      services.teamTasks.listLinks(tenantId),
      services.teams.listInactivePeopleIds(tenantId),
    ]);
    // An Admin's view names every team's people, so each team lists a few; a Leader's names one team.
    const teamItemCap = authorised.isAdmin ? TEAM_LIMITS.teamInsightItems : TEAM_LIMITS.insightItems;
    // Disabled and removed people count nowhere: not as people, and not through their tasks.
    const alignment = computeAlignment({ strategies, teams, people, tasks, inactiveOwnerIds: new Set(inactive) }, teamItemCap, visibility);
    const actionableTeamIds = teams.filter((team) => canActOnTeam(authorised, team.id)).map((team) => team.id);
    const body: Insights = { scope: 'organisation', organisation: alignment.organisation, teams: alignment.teams, actionableTeamIds };
    return json(200, body);
  }

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
    teamAlignment = computeAlignment({ strategies, teams, people: members, tasks }, TEAM_LIMITS.insightItems, visibility).teams.find((entry) => entry.teamId === team.id) ?? null;
  }
  const body: Insights = { scope: 'me', me: computePersonAlignment(myTasks, strategies), team: teamAlignment };
  return json(200, body);
});
