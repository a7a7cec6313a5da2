import { computeAlignment, computePersonAlignment } from '../domain/alignment.js';
import { nameVisibilityFor } from '../domain/name-visibility.js';
import { authoriseCaller, canActOnTeam } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseListQuery } from '../http/list-query.js';
import { json } from '../http/respond.js';
import { TEAM_LIMITS, type Insights } from '../shared/contracts.js';
import { organisationAlignment } from './insights-organisation.js';

/**
 * GET /api/insights?q=&limit=&cursor= — Leader/Admin: the organisation's alignment and one page of
 * teams in detail (by name; `q` searches team names); Employee: only their own figures and their
 * team's (the list parameters are ignored). Names and tasks in the lists follow nameVisibilityFor: an
 * Admin sees everyone's, a Leader their own team's, an Employee only their own; the rest are
 * counted, never named. All reads stay in the tenant's partition.
 *
 * The organisation's figures come from the maintained alignment figures (each person's task counts
 * per strategy, moved by every task write), never from reading every task: only the unlinked tasks
 * of people the caller may see by name are read, for the lists.
 */
export const insightsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const { tenantId } = caller;
  const authorised = await authoriseCaller(services, caller);
  const teamId = authorised.person?.teamId ?? null;
  const visibility = nameVisibilityFor({ userId: caller.userId, isAdmin: authorised.isAdmin, isLeader: authorised.isLeader, teamId });
  if (authorised.isLeader || authorised.isAdmin) {
    const query = parseListQuery(request);
    if (!query.ok) return query.response;
    const [strategies, teams, { people, inactiveIds }, tallies] = await Promise.all([
      services.strategy.listStrategies(tenantId),
      services.teams.list(tenantId),
      services.teams.listPeopleAndInactive(tenantId),
      services.alignmentFigures.readOrRebuild(tenantId),
    ]);
    // An Admin's view names every team's people, so each team lists a few; a Leader's names one team.
    const teamItemCap = authorised.isAdmin ? TEAM_LIMITS.teamInsightItems : TEAM_LIMITS.insightItems;
    const { alignment, page } = await organisationAlignment(
      { tenantId, strategies, teams, people, inactiveIds, tallies, visibility, teamItemCap, query: query.value },
      (owners, active) => services.teamTasks.listUnlinkedOf(tenantId, owners, active),
    );
    const actionableTeamIds = teams.filter((team) => canActOnTeam(authorised, team.id)).map((team) => team.id);
    const body: Insights = {
      scope: 'organisation',
      organisation: alignment.organisation,
      teams: alignment.teams,
      teamCount: page.matching,
      nextCursor: page.nextCursor,
      actionableTeamIds,
    };
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
