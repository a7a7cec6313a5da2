/**
 * The home view: my tasks grouped under the strategies they serve (with where each strategy
 * stands), the organisation's statement, my unlinked tasks. Pure; the caller does the reads.
 */
import type { HomeStrategy, LineOfSight, Me, Organisation, Strategy, StrategyProgress, Task } from '../shared/contracts.js';
import { unlinkedReasonOf } from './strategy-editing.js';

/** A strategy as stored: the contract's fields plus what leaders say about where it stands (absent on older documents). */
export type StrategyInput = Strategy & { ownerId?: string | null; progress?: StrategyProgress; measures?: string[] };

export interface LineOfSightInputs {
  tenant: { id: string; name: string };
  me: Me;
  organisation: Organisation;
  /** All of the tenant's strategies, in any order and status. */
  strategies: StrategyInput[];
  /** The signed-in person's tasks. */
  tasks: Task[];
  /** Display names of the strategies' owners who are still in the organisation (by user id). */
  ownerNames?: ReadonlyMap<string, string>;
}

/** Active strategies, in their display order. */
export function activeStrategies<S extends Strategy>(strategies: readonly S[]): S[] {
  return strategies.filter((strategy) => strategy.status === 'active').sort((a, b) => a.order - b.order);
}

/** The owners whose names the home view needs: those of active strategies, each once. */
export function ownerIdsToName(strategies: readonly StrategyInput[]): string[] {
  return [...new Set(activeStrategies(strategies).flatMap((strategy) => (strategy.ownerId ? [strategy.ownerId] : [])))];
}

/** Only the contract's fields leave (never tenantId, ownerId or Cosmos system fields). */
function toHomeStrategy(strategy: StrategyInput, ownerNames: ReadonlyMap<string, string>, myTasks: Task[]): HomeStrategy {
  const { id, title, why, customerImpact, order, status } = strategy;
  return {
    id, title, why, customerImpact, order, status,
    progress: strategy.progress ?? 'not_started',
    ownerName: strategy.ownerId ? (ownerNames.get(strategy.ownerId) ?? null) : null,
    measures: strategy.measures ?? [],
    myTasks,
  };
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
  const ownerNames = inputs.ownerNames ?? new Map<string, string>();
  return {
    tenant: inputs.tenant,
    me: inputs.me,
    organisation: inputs.organisation,
    strategies: active.map((strategy) => toHomeStrategy(strategy, ownerNames, tasksByStrategy.get(strategy.id) ?? [])),
    unlinkedTasks,
  };
}
