/**
 * The organisation scope of GET /api/insights (insights-get.ts): which page of teams to detail, whose
 * unlinked tasks to read for the lists, and the figures, from what the handler read.
 *
 * The figures are kept per instance for the inputs they came from. The tallies are the alignment
 * figures repository's own kept object, the same object exactly while every shard's etag is
 * unchanged (a task write gives a new one), so they key a WeakMap; the directory (people, teams) is
 * likewise the same arrays until it changes, so it goes in by identity; everything else read on this
 * request (strategies, the unlinked tasks listed) and the viewer's visibility and page go into a hash. Equal inputs give equal figures, so a kept answer is never stale nor
 * another tenant's; it only spares the pass over every person's tallies (O(people × strategies)).
 */
import { createHash } from 'node:crypto';
import { UNLINKED_KEY, type OwnerTallies } from '../domain/alignment-figures.js';
import { computeAlignmentFromTallies, type AlignmentPerson, type AlignmentStrategy, type AlignmentTask, type AlignmentTeam, type OrganisationAlignment } from '../domain/alignment.js';
import { canSee, type NameVisibility } from '../domain/name-visibility.js';
import { keysetPage, type ListRequest } from '../http/list-query.js';
import { TEAM_LIMITS } from '../shared/contracts.js';

export interface OrganisationReads<Team extends AlignmentTeam> {
  tenantId: string;
  strategies: readonly AlignmentStrategy[];
  teams: readonly Team[];
  people: readonly AlignmentPerson[];
  inactiveIds: readonly string[];
  tallies: OwnerTallies;
  visibility: NameVisibility;
  teamItemCap: number;
  query: ListRequest;
}

interface TeamPage<Team> {
  items: Team[];
  nextCursor: string | null;
  matching: number;
}

/** Answers kept per tallies object: a few pages and viewers of one tenant's current figures. */
const kept = new WeakMap<OwnerTallies, Map<string, unknown>>();
const KEPT_PER_TALLIES = 32;

function keep<T>(tallies: OwnerTallies, key: string, make: () => T): T {
  let answers = kept.get(tallies);
  if (!answers) kept.set(tallies, (answers = new Map()));
  if (answers.has(key)) return answers.get(key) as T;
  const made = make();
  answers.set(key, made);
  if (answers.size > KEPT_PER_TALLIES) answers.delete(answers.keys().next().value as string);
  return made;
}

/** A number per array, never reused: a changed directory is a new array, hence a new number. */
const serials = new WeakMap<object, number>();
let lastSerial = 0;
function serialOf(value: object): number {
  let serial = serials.get(value);
  if (serial === undefined) serials.set(value, (serial = (lastSerial += 1)));
  return serial;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

export async function organisationAlignment<Team extends AlignmentTeam>(
  reads: OrganisationReads<Team>,
  listUnlinkedOf: (owners: string[], activeStrategyIds: string[]) => Promise<AlignmentTask[]>,
): Promise<{ alignment: OrganisationAlignment; page: TeamPage<Team> }> {
  const { tenantId, strategies, teams, people, inactiveIds, tallies, visibility, teamItemCap, query } = reads;
  const readsKey = hashOf([
    tenantId,
    strategies.map(({ id, title, why, customerImpact, status, order }) => [id, title, why, customerImpact, status, order]),
    // The directory is the same frozen arrays until it changes (teams-repository.ts): which arrays, not their contents.
    serialOf(teams),
    serialOf(people),
    serialOf(inactiveIds),
    [visibility.everyone, [...visibility.teamIds], visibility.selfId ?? null],
    teamItemCap,
    query,
  ]);
  const active = strategies.filter((strategy) => strategy.status === 'active').map((strategy) => strategy.id);
  // Disabled and removed people count nowhere: not as people, and not through their tasks.
  const inactiveOwnerIds = new Set(inactiveIds);
  const { page, owners } = keep(tallies, `plan:${readsKey}`, () => {
    const teamOf = new Map(people.map((person) => [person.id, person.teamId]));
    const page = teamPage(teams, query);
    const detailed = new Set(page.items.map((team) => team.id));
    return { page, owners: ownersToList(tallies, inactiveOwnerIds, new Set(active), visibility, (ownerId) => teamOf.get(ownerId) ?? null, teamItemCap, detailed) };
  });
  const listedTasks = await listUnlinkedOf(owners, active);
  const alignment = keep(tallies, `figures:${readsKey}:${hashOf(listedTasks)}`, () =>
    computeAlignmentFromTallies({ strategies, teams, people, tallies, listedTasks, inactiveOwnerIds, detailedTeams: page.items }, teamItemCap, visibility),
  );
  return { alignment, page };
}

/** Ordinal, as Cosmos DB orders strings, so the cursor comparison agrees with the sort. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The page of teams to detail: those whose name contains `q`, by name then id, after the cursor's
 * (name, id). Keyset, so a team renamed, added or removed between pages never repeats or skips another.
 */
function teamPage<T extends { id: string; name: string }>(teams: readonly T[], { q, limit, after }: ListRequest): TeamPage<T> {
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
  inactive: ReadonlySet<string>,
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
    if (inactive.has(ownerId)) continue;
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
