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
  /** strategyId → tasks, owners and owners' teams serving it within this scope. */
  serving: Map<string, { tasks: number; people: Set<string>; teams: Set<string> }>;
  peopleWithLinkedTask: Set<string>;
  /** How many items each list shows. */
  itemCap: number;
}

const newScope = (itemCap: number = TEAM_LIMITS.insightItems): Scope => ({
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

function countTask(scope: Scope, task: AlignmentTask, linked: boolean, ownerName: string, teamId: string | null, visible: boolean): void {
  scope.taskCount += 1;
  if (!linked || task.strategyId === null) {
    scope.unlinked.total += 1;
    if (!visible) scope.unlinked.hidden += 1;
    else if (scope.unlinked.items.length < scope.itemCap) {
      const { id, title, ownerId, sourceKind } = task;
      scope.unlinked.items.push({ id, title, ownerId, ownerName, reason: unlinkedReason(task.strategyId), ...(sourceKind ? { source: sourceKind } : {}) });
    }
    return;
  }
  scope.linkedTaskCount += 1;
  scope.peopleWithLinkedTask.add(task.ownerId);
  let serving = scope.serving.get(task.strategyId);
  if (!serving) {
    serving = { tasks: 0, people: new Set(), teams: new Set() };
    scope.serving.set(task.strategyId, serving);
  }
  serving.tasks += 1;
  serving.people.add(task.ownerId);
  if (teamId) serving.teams.add(teamId);
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
      return { strategyId: strategy.id, title: strategy.title, people: serving?.people.size ?? 0, teams, tasks: serving?.tasks ?? 0 };
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

  const membersByTeam = new Map<string, AlignmentPerson[]>(inputs.teams.map((team) => [team.id, []]));
  for (const person of inputs.people) if (person.teamId) membersByTeam.get(person.teamId)?.push(person);

  const organisation = newScope();
  const teamScopes = new Map<string, Scope>(inputs.teams.map((team) => [team.id, newScope(teamItemCap)]));
  for (const task of inputs.tasks) {
    if (inputs.inactiveOwnerIds?.has(task.ownerId)) continue;
    const owner = personById.get(task.ownerId);
    const teamId = owner?.teamId && teamById.has(owner.teamId) ? owner.teamId : null;
    const linked = task.strategyId !== null && activeIds.has(task.strategyId);
    const ownerName = owner?.displayName ?? 'Unknown person';
    const visible = canSee(visibility, task.ownerId, teamId);
    countTask(organisation, task, linked, ownerName, teamId, visible);
    if (teamId) countTask(teamScopes.get(teamId) ?? newScope(), task, linked, ownerName, teamId, visible);
  }

  return {
    organisation: finishScope(organisation, active, inputs.people, mappedTeams, visibility),
    teams: inputs.teams.map((team) => {
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
