/**
 * The home view: vision → strategies → my tasks. Pure; the caller does the reads.
 */
import type { LineOfSight, Me, Organisation, Strategy, Task } from '../shared/contracts.js';
import { unlinkedReasonOf } from './strategy-editing.js';

export interface LineOfSightInputs {
  tenant: { id: string; name: string };
  me: Me;
  organisation: Organisation;
  /** All of the tenant's strategies, in any order and status. */
  strategies: Strategy[];
  /** The signed-in person's tasks. */
  tasks: Task[];
}

/** Active strategies, in their display order. */
export function activeStrategies(strategies: readonly Strategy[]): Strategy[] {
  return strategies.filter((strategy) => strategy.status === 'active').sort((a, b) => a.order - b.order);
}

/**
 * Groups the tasks under the active strategies they serve. A task linked to nothing, or to a
 * strategy that is archived or gone, is "unlinked", with the reason: the person is nudged to link
 * it to a current one.
 */
export function buildLineOfSight(inputs: LineOfSightInputs): LineOfSight {
  const active = activeStrategies(inputs.strategies);
  const tasksByStrategy = new Map<string, Task[]>(active.map((strategy) => [strategy.id, []]));
  const statusById = new Map(inputs.strategies.map((strategy) => [strategy.id, strategy.status]));
  const unlinkedTasks: LineOfSight['unlinkedTasks'] = [];
  for (const task of inputs.tasks) {
    const group = task.strategyId === null ? undefined : tasksByStrategy.get(task.strategyId);
    if (group) group.push(task);
    else unlinkedTasks.push({ ...task, reason: unlinkedReasonOf(task, statusById) ?? 'no_strategy' });
  }
  return {
    tenant: inputs.tenant,
    me: inputs.me,
    organisation: inputs.organisation,
    strategies: active.map((strategy) => ({ ...strategy, myTasks: tasksByStrategy.get(strategy.id) ?? [] })),
    unlinkedTasks,
  };
}
