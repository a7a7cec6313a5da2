import { UNLINKED_KEY, type OwnerTallies } from '../domain/alignment-figures.js';
import { computeAlignment, computeAlignmentFromTallies, computePersonAlignment } from '../domain/alignment.js';
import { canSee, nameVisibilityFor, type NameVisibility } from '../domain/name-visibility.js';
import { authoriseCaller, canActOnTeam } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { keysetPage, parseListQuery, type ListRequest } from '../http/list-query.js';
import { json } from '../http/respond.js';
import { TEAM_LIMITS, type Insights } from '../shared/contracts.js';

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
    const [strategies, teams, { people, inactiveIds: inactive }, tallies] = await Promise.all([
      services.strategy.listStrategies(tenantId),
      services.teams.list(tenantId),
      services.teams.listPeopleAndInactive(tenantId),
      services.alignmentFigures.readOrRebuild(tenantId),
    ]);
    // An Admin's view names every team's people, so each team lists a few; a Leader's names one team.
    const teamItemCap = authorised.isAdmin ? TEAM_LIMITS.teamInsightItems : TEAM_LIMITS.insightItems;
    const active = strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id);
    const teamOf = new Map(people.map((person) => [person.id, person.teamId]));
    const inactiveOwnerIds = new Set(inactive);
    const counted = new Map([...tallies].filter(([ownerId]) => !inactiveOwnerIds.has(ownerId)));
    const page = teamPage(teams, query.value);
    const detailed = new Set(page.items.map((team) => team.id));
    const owners = ownersToList(counted, new Set(active), visibility, (ownerId) => teamOf.get(ownerId) ?? null, teamItemCap, detailed);
    const listedTasks = await services.teamTasks.listUnlinkedOf(tenantId, owners, active);
    // Disabled and removed people count nowhere: not as people, and not through their tasks.
    const inputs = { strategies, teams, people, tallies, listedTasks, inactiveOwnerIds, detailedTeams: page.items };
    const alignment = computeAlignmentFromTallies(inputs, teamItemCap, visibility);
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

/** Ordinal, as Cosmos DB orders strings, so the cursor comparison agrees with the sort. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The page of teams to detail: those whose name contains `q`, by name then id, after the cursor's
 * (name, id). Keyset, so a team renamed, added or removed between pages never repeats or skips another.
 */
function teamPage<T extends { id: string; name: string }>(teams: readonly T[], { q, limit, after }: ListRequest): { items: T[]; nextCursor: string | null; matching: number } {
  const matching = teams.filter((team) => !q || team.name.toLowerCase().includes(q)).sort((a, b) => compareKeys(a.name, b.name) || compareKeys(a.id, b.id));
  const rest = matching.filter((team) => !after || team.name > after.at || (team.name === after.at && team.id > after.id));
  return { ...keysetPage(rest.slice(0, limit + 1), limit, (team) => ({ at: team.name, id: team.id })), matching: matching.length };
}

/**
 * Whose unlinked tasks to read for the lists: people the viewer may see who have some. A Leader's
 * lists name one team, so all of its people; an Admin's name everyone, so only as many people per
 * detailed team (and for the organisation) as it takes to fill each list, not the whole tenant's tasks.
 */
function ownersToList(
  tallies: OwnerTallies,
  active: ReadonlySet<string>,
  visibility: NameVisibility,
  teamOf: (ownerId: string) => string | null,
  teamItemCap: number,
  detailed: ReadonlySet<string>,
): string[] {
  const unlinkedOf = (counts: ReadonlyMap<string, number>) => {
    let total = 0;
    for (const [key, count] of counts) if (key === UNLINKED_KEY || !active.has(key)) total += count;
    return total;
  };
  const chosen: string[] = [];
  const filledPerTeam = new Map<string | null, number>();
  let filledOrganisation = 0;
  for (const [ownerId, counts] of tallies) {
    const unlinked = unlinkedOf(counts);
    const teamId = teamOf(ownerId);
    if (unlinked === 0 || !canSee(visibility, ownerId, teamId)) continue;
    const teamFilled = filledPerTeam.get(teamId) ?? 0;
    const needed = filledOrganisation < TEAM_LIMITS.insightItems || (teamId !== null && detailed.has(teamId) && teamFilled < teamItemCap);
    if (!needed && visibility.everyone) continue;
    chosen.push(ownerId);
    filledOrganisation += unlinked;
    filledPerTeam.set(teamId, teamFilled + unlinked);
  }
  return chosen;
}
