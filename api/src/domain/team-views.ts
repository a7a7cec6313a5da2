/**
 * What leaders and channel tabs see of a team: its tasks with owner names, its line of sight,
 * and the rules for mapping a team or a task to strategies. Pure; the caller does the reads.
 */
import type { Organisation, Strategy, Team, TeamLineOfSight, TeamTask } from '../shared/contracts.js';
import { activeStrategies } from './line-of-sight.js';
import { canSee, EVERYONE_VISIBLE, type NameVisibility } from './name-visibility.js';
import type { FieldError } from './task-rules.js';

export interface StoredTeamTask {
  id: string;
  title: string;
  strategyId: string | null;
  howItServes: string;
  ownerId: string;
  updatedAt: string;
  _etag: string;
  completed?: boolean;
  source?: { kind: 'planner' | 'todo' };
}

export interface StoredTeamFields {
  id: string;
  name: string;
  strategyIds?: string[];
  groupId?: string;
  linkedGroup?: { displayName: string; isTeam: boolean; via?: 'leader' | 'channel' };
  channel?: { teamsTeamId: string; channelId: string };
  _etag: string;
}

export function toTeam(team: StoredTeamFields, memberCount: number): Team {
  return {
    id: team.id,
    name: team.name,
    etag: team._etag,
    strategyIds: team.strategyIds ?? [],
    memberCount,
    ...(team.channel ? { channel: { teamsTeamId: team.channel.teamsTeamId, channelId: team.channel.channelId } } : {}),
    ...(team.groupId ? { groupId: team.groupId } : {}),
    ...(team.groupId && team.linkedGroup ? { linkedGroup: { ...team.linkedGroup } } : {}),
  };
}

/** Member counts per team, in one pass over the people. */
export function memberCounts(people: readonly { teamId: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of people) if (person.teamId) counts.set(person.teamId, (counts.get(person.teamId) ?? 0) + 1);
  return counts;
}

export function toTeamTask(task: StoredTeamTask, ownerName: string): TeamTask {
  const { id, title, strategyId, howItServes, ownerId, updatedAt } = task;
  return {
    id, title, strategyId, howItServes, ownerId, ownerName, updatedAt, etag: task._etag,
    ...(task.source ? { source: task.source.kind } : {}),
    ...(task.completed !== undefined ? { completed: task.completed } : {}),
  };
}

export function toTeamTasks(tasks: readonly StoredTeamTask[], people: readonly { id: string; displayName: string }[]): TeamTask[] {
  const names = new Map(people.map((person) => [person.id, person.displayName]));
  return tasks.map((task) => toTeamTask(task, names.get(task.ownerId) ?? 'Unknown person'));
}

/**
 * The channel tab's view: the active strategies the team is mapped to or works on, in display
 * order, each with the team's tasks; tasks linked to nothing current are listed apart. Only the
 * tasks `visibility` lets the viewer see are listed (their own, or all for the team's Leader and
 * Admins); teammates' other tasks are counted in `hiddenTasks`, never named. Each list carries its
 * first `pageSize` tasks in the order given (the paged route's: oldest first), its count, and the
 * cursor after its last one (`cursorOf`), so the tab pages the rest from GET /api/teams/{id}/tasks.
 */
export function buildTeamLineOfSight(inputs: {
  team: { id: string; name: string; strategyIds?: readonly string[] };
  organisation: Organisation;
  strategies: readonly Strategy[];
  tasks: readonly TeamTask[];
  visibility?: NameVisibility;
  pageSize?: number;
  cursorOf?: (task: TeamTask) => string;
}): TeamLineOfSight {
  const visibility = inputs.visibility ?? EVERYONE_VISIBLE;
  const pageSize = inputs.pageSize ?? Number.POSITIVE_INFINITY;
  const mapped = new Set(inputs.team.strategyIds ?? []);
  const active = activeStrategies(inputs.strategies);
  const newGroup = () => ({ tasks: [] as TeamTask[], hidden: 0 });
  const byStrategy = new Map(active.map((strategy) => [strategy.id, newGroup()]));
  const unlinked = newGroup();
  for (const task of inputs.tasks) {
    const group = (task.strategyId === null ? undefined : byStrategy.get(task.strategyId)) ?? unlinked;
    if (canSee(visibility, task.ownerId, inputs.team.id)) group.tasks.push(task);
    else group.hidden += 1;
  }
  const firstPage = (tasks: TeamTask[]) => {
    const page = tasks.slice(0, pageSize);
    const last = page.at(-1);
    return { tasks: page, count: tasks.length, nextCursor: tasks.length > page.length && last && inputs.cursorOf ? inputs.cursorOf(last) : null };
  };
  const worksOn = (id: string) => {
    const group = byStrategy.get(id);
    return group !== undefined && group.tasks.length + group.hidden > 0;
  };
  const unlinkedPage = firstPage(unlinked.tasks);
  return {
    team: { id: inputs.team.id, name: inputs.team.name },
    organisation: { name: inputs.organisation.name, vision: inputs.organisation.vision },
    strategies: active
      .filter((strategy) => mapped.has(strategy.id) || worksOn(strategy.id))
      .map(({ id, title, why, customerImpact }) => {
        const group = byStrategy.get(id) ?? newGroup();
        const page = firstPage(group.tasks);
        return { id, title, why, customerImpact, mapped: mapped.has(id), tasks: page.tasks, taskCount: page.count, nextCursor: page.nextCursor, hiddenTasks: group.hidden };
      }),
    unlinkedTasks: unlinkedPage.tasks,
    unlinkedTaskCount: unlinkedPage.count,
    unlinkedNextCursor: unlinkedPage.nextCursor,
    hiddenUnlinkedTasks: unlinked.hidden,
  };
}

/**
 * Whose tasks the channel tab's lists of `teamId` page for this viewer: the members `visibility` lets
 * them see (every one for the team's Leader and Admins, else only themself if they belong). Empty:
 * nothing of the team is theirs to list (only counts), so the paged route answers 404.
 */
export function channelListOwners(visibility: NameVisibility, memberIds: readonly string[], teamId: string): string[] {
  return memberIds.filter((memberId) => canSee(visibility, memberId, teamId));
}

/**
 * Strategy ids a team (or task) is mapped to must exist in the tenant; newly added ones must be
 * active. Ids already mapped may stay even if their strategy was archived since.
 */
export function strategyMappingErrors(
  strategyIds: readonly string[],
  strategies: readonly Strategy[],
  pathOf: (index: number) => string,
  alreadyMapped: readonly string[] = [],
): FieldError[] {
  const byId = new Map(strategies.map((strategy) => [strategy.id, strategy]));
  const kept = new Set(alreadyMapped);
  const errors: FieldError[] = [];
  strategyIds.forEach((id, index) => {
    const strategy = byId.get(id);
    const at = pathOf(index);
    if (!strategy) errors.push({ path: at, message: 'No such strategy in your organisation' });
    else if (strategy.status !== 'active' && !kept.has(id)) errors.push({ path: at, message: 'This strategy is archived; pick an active one' });
  });
  return errors;
}
