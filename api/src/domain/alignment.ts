/**
 * Alignment insights: where work and strategy line up and where they don't, for the organisation
 * and for every team at once. Pure and O(tasks + people + teams × active strategies): one pass
 * over the tasks feeds every scope, so 50,000 tasks cost one walk, not one walk per team.
 *
 * Who is named: the lists (unlinked tasks with their owner, people with no linked task) show only
 * what the viewer may see (NameVisibility): an Admin everyone, a Leader the teams they lead, and
 * anyone themself. Everything else is counted in the totals and as `hidden`, never named.
 */
import type { Alignment, PersonAlignment } from '../shared/contracts.js';
import { TEAM_LIMITS } from '../shared/teams-contracts.js';
import { tallyTasks, UNLINKED_KEY, type OwnerTallies } from './alignment-figures.js';
import { canSee, EVERYONE_VISIBLE, type NameVisibility } from './name-visibility.js';

export interface AlignmentStrategy {
  id: string;
  title: string;
  why: string;
  customerImpact: string;
  status: 'active' | 'archived';
  order: number;
}
export interface AlignmentTeam {
  id: string;
  name: string;
  strategyIds?: readonly string[];
}
export interface AlignmentPerson {
  id: string;
  displayName: string;
  teamId: string | null;
}
export interface AlignmentTask {
  id: string;
  title: string;
  ownerId: string;
  strategyId: string | null;
  /** Brought in from Planner or To Do: counted like any task, shown with its source. */
  sourceKind?: 'planner' | 'todo';
}
export interface AlignmentInputs {
  strategies: readonly AlignmentStrategy[];
  teams: readonly AlignmentTeam[];
  people: readonly AlignmentPerson[];
  tasks: readonly AlignmentTask[];
  /** People who no longer count (account disabled or removed from the directory): their tasks are left out. */
  inactiveOwnerIds?: ReadonlySet<string>;
}
export interface OrganisationAlignment {
  organisation: Alignment;
  teams: { teamId: string; teamName: string; alignment: Alignment }[];
}

type UnlinkedReason = 'no_strategy' | 'strategy_archived';
type UnlinkedItem = Alignment['unlinkedTasks']['items'][number];

/** Running totals for one scope (the organisation or one team). */
interface Scope {
  taskCount: number;
  linkedTaskCount: number;
  unlinked: { total: number; items: UnlinkedItem[]; hidden: number };
  /**
   * strategyId → tasks, owners and owners' teams serving it within this scope. Each (owner, strategy)
   * comes once from the tallies, so owners are counted, not collected; a team's scope shares one
   * set holding just its team (no set per strategy per team: at 1,000 teams that was most of the garbage).
   */
  serving: Map<string, { tasks: number; people: number; teams: Set<string> }>;
  /** A team scope's own team, shared by its serving entries; undefined for the organisation. */
  ownTeam?: Set<string>;
  peopleWithLinkedTask: Set<string>;
  /** How many items each list shows. */
  itemCap: number;
}

const newScope = (itemCap: number = TEAM_LIMITS.insightItems, teamId?: string): Scope => ({
  ...(teamId ? { ownTeam: new Set([teamId]) } : {}),
  taskCount: 0,
  linkedTaskCount: 0,
  unlinked: { total: 0, items: [], hidden: 0 },
  serving: new Map(),
  peopleWithLinkedTask: new Set(),
  itemCap,
});

const share = (linked: number, total: number) => (total === 0 ? 0 : linked / total);

export function missingFields(strategy: Pick<AlignmentStrategy, 'why' | 'customerImpact'>): ('why' | 'customerImpact')[] {
  const missing: ('why' | 'customerImpact')[] = [];
  if (strategy.why.trim() === '') missing.push('why');
  if (strategy.customerImpact.trim() === '') missing.push('customerImpact');
  return missing;
}

function unlinkedReason(strategyId: string | null): UnlinkedReason {
  return strategyId === null ? 'no_strategy' : 'strategy_archived';
}

/** Counts `count` tasks of one owner under one strategy key (tallies: alignment-figures.ts). */
function countTallied(scope: Scope, ownerId: string, strategyKey: string, count: number, linked: boolean, teamId: string | null, visible: boolean): void {
  scope.taskCount += count;
  if (!linked) {
    scope.unlinked.total += count;
    // The visible ones are listed from the tasks themselves (listUnlinked); the rest are only counted.
    if (!visible) scope.unlinked.hidden += count;
    return;
  }
  scope.linkedTaskCount += count;
  scope.peopleWithLinkedTask.add(ownerId);
  let serving = scope.serving.get(strategyKey);
  if (!serving) {
    serving = { tasks: 0, people: 0, teams: scope.ownTeam ?? new Set() };
    scope.serving.set(strategyKey, serving);
  }
  serving.tasks += count;
  serving.people += 1;
  if (teamId && !scope.ownTeam) serving.teams.add(teamId);
}

function listUnlinked(scope: Scope, task: AlignmentTask, ownerName: string, teamId: string | null): void {
  if (scope.unlinked.items.length >= scope.itemCap) return;
  const { id, title, ownerId, sourceKind } = task;
  scope.unlinked.items.push({ id, title, ownerId, ownerName, teamId, reason: unlinkedReason(task.strategyId), ...(sourceKind ? { source: sourceKind } : {}) });
}

/** Turns a scope's totals into the published figures, over the strategies that scope considers. */
function finishScope(
  scope: Scope,
  considered: readonly AlignmentStrategy[],
  people: readonly AlignmentPerson[],
  mappedTeams: (strategyId: string) => ReadonlySet<string>,
  visibility: NameVisibility,
): Alignment {
  const withoutLinkedTask = people.filter((person) => !scope.peopleWithLinkedTask.has(person.id));
  const named = withoutLinkedTask.filter((person) => canSee(visibility, person.id, person.teamId));
  const ref = (strategy: AlignmentStrategy) => ({ id: strategy.id, title: strategy.title });
  return {
    taskCount: scope.taskCount,
    linkedTaskCount: scope.linkedTaskCount,
    linkedShare: share(scope.linkedTaskCount, scope.taskCount),
    unlinkedTasks: scope.unlinked,
    strategiesWithoutTasks: considered.filter((strategy) => !scope.serving.has(strategy.id)).map(ref),
    strategiesWithoutTeams: considered.filter((strategy) => mappedTeams(strategy.id).size === 0).map(ref),
    peopleWithoutLinkedTask: {
      total: withoutLinkedTask.length,
      items: named.slice(0, scope.itemCap).map(({ id, displayName, teamId }) => ({ id, displayName, teamId })),
      hidden: withoutLinkedTask.length - named.length,
    },
    incompleteStrategies: considered
      .map((strategy) => ({ ...ref(strategy), missing: missingFields(strategy) }))
      .filter((strategy) => strategy.missing.length > 0),
    perStrategy: considered.map((strategy) => {
      const serving = scope.serving.get(strategy.id);
      // |mapped ∪ serving| without building the union: costs the serving teams, not every mapped team per scope.
      const mapped = mappedTeams(strategy.id);
      let teams = mapped.size;
      for (const teamId of serving?.teams ?? []) if (!mapped.has(teamId)) teams += 1;
      return { strategyId: strategy.id, title: strategy.title, people: serving?.people ?? 0, teams, tasks: serving?.tasks ?? 0 };
    }),
  };
}

/**
 * The organisation's alignment and every team's, in one pass over the tasks. Each team's lists show
 * `teamItemCap` items (the organisation-wide view holds every team) of what `visibility` lets the
 * viewer see; totals are always exact.
 */
export function computeAlignment(
  inputs: AlignmentInputs,
  teamItemCap: number = TEAM_LIMITS.teamInsightItems,
  visibility: NameVisibility = EVERYONE_VISIBLE,
): OrganisationAlignment {
  const { tasks, ...rest } = inputs;
  return computeAlignmentFromTallies({ ...rest, tallies: tallyTasks(tasks), listedTasks: tasks }, teamItemCap, visibility);
}

export interface TalliedAlignmentInputs extends Omit<AlignmentInputs, 'tasks'> {
  /** Each person's task counts per strategy: the maintained figures (alignment-figures.ts). */
  tallies: OwnerTallies;
  /**
   * Tasks the lists may name, in the order to list them: at least the unlinked tasks of the people
   * the viewer may see (others are ignored). Totals come from the tallies, never from these.
   */
  listedTasks: readonly AlignmentTask[];
  /**
   * The teams to detail, in answer order (default: every team). The organisation's figures always
   * cover every team; detailing only a page of them keeps the work and the answer a page's size.
   */
  detailedTeams?: readonly AlignmentTeam[];
}

/**
 * The same figures as computeAlignment, from the maintained tallies instead of every task: the
 * work is O(people × strategies they serve + teams × active strategies), and only the tasks the
 * viewer may see by name are read. Team membership, who counts and which strategies are active
 * are applied here, so the tallies never depend on them.
 */
export function computeAlignmentFromTallies(
  inputs: TalliedAlignmentInputs,
  teamItemCap: number = TEAM_LIMITS.teamInsightItems,
  visibility: NameVisibility = EVERYONE_VISIBLE,
): OrganisationAlignment {
  const active = inputs.strategies.filter((strategy) => strategy.status === 'active').sort((a, b) => a.order - b.order);
  const activeIds = new Set(active.map((strategy) => strategy.id));
  const teamById = new Map(inputs.teams.map((team) => [team.id, team]));
  const personById = new Map(inputs.people.map((person) => [person.id, person]));

  const teamsByStrategy = new Map<string, Set<string>>();
  for (const team of inputs.teams) {
    for (const strategyId of team.strategyIds ?? []) {
      if (!teamsByStrategy.has(strategyId)) teamsByStrategy.set(strategyId, new Set());
      teamsByStrategy.get(strategyId)?.add(team.id);
    }
  }
  const noTeams: ReadonlySet<string> = new Set();
  const mappedTeams = (strategyId: string) => teamsByStrategy.get(strategyId) ?? noTeams;

  const detailed = inputs.detailedTeams ?? inputs.teams;
  const membersByTeam = new Map<string, AlignmentPerson[]>(detailed.map((team) => [team.id, []]));
  for (const person of inputs.people) if (person.teamId) membersByTeam.get(person.teamId)?.push(person);

  const organisation = newScope();
  const teamScopes = new Map<string, Scope>(detailed.map((team) => [team.id, newScope(teamItemCap, team.id)]));
  const teamOf = (ownerId: string) => {
    const teamId = personById.get(ownerId)?.teamId;
    return teamId && teamById.has(teamId) ? teamId : null;
  };
  for (const [ownerId, counts] of inputs.tallies) {
    if (inputs.inactiveOwnerIds?.has(ownerId)) continue;
    const teamId = teamOf(ownerId);
    const visible = canSee(visibility, ownerId, teamId);
    const teamScope = teamId ? teamScopes.get(teamId) : undefined;
    for (const [strategyKey, count] of counts) {
      const linked = strategyKey !== UNLINKED_KEY && activeIds.has(strategyKey);
      countTallied(organisation, ownerId, strategyKey, count, linked, teamId, visible);
      if (teamScope) countTallied(teamScope, ownerId, strategyKey, count, linked, teamId, visible);
    }
  }
  for (const task of inputs.listedTasks) {
    if ((task.strategyId !== null && activeIds.has(task.strategyId)) || inputs.inactiveOwnerIds?.has(task.ownerId)) continue;
    const teamId = teamOf(task.ownerId);
    if (!canSee(visibility, task.ownerId, teamId)) continue;
    const ownerName = personById.get(task.ownerId)?.displayName ?? 'Unknown person';
    listUnlinked(organisation, task, ownerName, teamId);
    const teamScope = teamId ? teamScopes.get(teamId) : undefined;
    if (teamScope) listUnlinked(teamScope, task, ownerName, teamId);
  }

  return {
    organisation: finishScope(organisation, active, inputs.people, mappedTeams, visibility),
    teams: detailed.map((team) => {
      const scope = teamScopes.get(team.id) ?? newScope();
      const mapped = new Set(team.strategyIds ?? []);
      const considered = active.filter((strategy) => mapped.has(strategy.id) || scope.serving.has(strategy.id));
      // Within a team's view, a strategy's teams are this team alone (if it serves it) plus the others mapped to it.
      return { teamId: team.id, teamName: team.name, alignment: finishScope(scope, considered, membersByTeam.get(team.id) ?? [], mappedTeams, visibility) };
    }),
  };
}

/** One person's own figures: their tasks against the active strategies. */
export function computePersonAlignment(
  tasks: readonly Pick<AlignmentTask, 'id' | 'title' | 'strategyId'>[],
  strategies: readonly AlignmentStrategy[],
): PersonAlignment {
  const active = strategies.filter((strategy) => strategy.status === 'active').sort((a, b) => a.order - b.order);
  const counts = new Map(active.map((strategy) => [strategy.id, 0]));
  const unlinkedTasks: PersonAlignment['unlinkedTasks'] = [];
  let linkedTaskCount = 0;
  for (const task of tasks) {
    const count = task.strategyId === null ? undefined : counts.get(task.strategyId);
    if (task.strategyId !== null && count !== undefined) {
      counts.set(task.strategyId, count + 1);
      linkedTaskCount += 1;
    } else {
      unlinkedTasks.push({ id: task.id, title: task.title, reason: unlinkedReason(task.strategyId) });
    }
  }
  return {
    taskCount: tasks.length,
    linkedTaskCount,
    linkedShare: share(linkedTaskCount, tasks.length),
    unlinkedTasks,
    perStrategy: active.map((strategy) => ({ strategyId: strategy.id, title: strategy.title, tasks: counts.get(strategy.id) ?? 0 })),
  };
}
