/**
 * What leaders and channel tabs see of a team: its tasks with owner names, its line of sight,
 * and the rules for mapping a team or a task to strategies. Pure; the caller does the reads.
 */
import type { Organisation, Strategy, Team, TeamLineOfSight, TeamTask } from '../shared/contracts.js';
import { activeStrategies } from './line-of-sight.js';
import type { FieldError } from './task-rules.js';

export interface StoredTeamTask {
  id: string;
  title: string;
  strategyId: string | null;
  howItServes: string;
  ownerId: string;
  updatedAt: string;
  _etag: string;
}

export interface StoredTeamFields {
  id: string;
  name: string;
  strategyIds?: string[];
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
  return { id, title, strategyId, howItServes, ownerId, ownerName, updatedAt, etag: task._etag };
}

export function toTeamTasks(tasks: readonly StoredTeamTask[], people: readonly { id: string; displayName: string }[]): TeamTask[] {
  const names = new Map(people.map((person) => [person.id, person.displayName]));
  return tasks.map((task) => toTeamTask(task, names.get(task.ownerId) ?? 'Unknown person'));
}

/**
 * The channel tab's view: the active strategies the team is mapped to or works on, in display
 * order, each with the team's tasks; tasks linked to nothing current are listed apart.
 */
export function buildTeamLineOfSight(inputs: {
  team: { id: string; name: string; strategyIds?: readonly string[] };
  organisation: Organisation;
  strategies: readonly Strategy[];
  tasks: readonly TeamTask[];
}): TeamLineOfSight {
  const mapped = new Set(inputs.team.strategyIds ?? []);
  const active = activeStrategies(inputs.strategies);
  const byStrategy = new Map<string, TeamTask[]>(active.map((strategy) => [strategy.id, []]));
  const unlinkedTasks: TeamTask[] = [];
  for (const task of inputs.tasks) {
    const group = task.strategyId === null ? undefined : byStrategy.get(task.strategyId);
    if (group) group.push(task);
    else unlinkedTasks.push(task);
  }
  return {
    team: { id: inputs.team.id, name: inputs.team.name },
    organisation: { name: inputs.organisation.name, vision: inputs.organisation.vision },
    strategies: active
      .filter((strategy) => mapped.has(strategy.id) || (byStrategy.get(strategy.id)?.length ?? 0) > 0)
      .map(({ id, title, why, customerImpact }) => ({ id, title, why, customerImpact, mapped: mapped.has(id), tasks: byStrategy.get(id) ?? [] })),
    unlinkedTasks,
  };
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
