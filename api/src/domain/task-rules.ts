/**
 * Rules for a task's fields that the request schema alone cannot check: they need the
 * task as stored (for a partial update) or the tenant's strategies.
 */
import type { Strategy } from '../shared/contracts.js';

export interface TaskFieldValues {
  title: string;
  strategyId: string | null;
  howItServes: string;
  completed?: boolean;
}

export interface FieldError {
  path: string;
  message: string;
}

/** A partial update applied over the stored fields; absent fields keep their value. */
export function applyTaskChanges(current: TaskFieldValues, changes: Partial<TaskFieldValues>): TaskFieldValues {
  return {
    title: changes.title ?? current.title,
    strategyId: changes.strategyId === undefined ? current.strategyId : changes.strategyId,
    howItServes: changes.howItServes ?? current.howItServes,
    ...((changes.completed ?? current.completed) !== undefined ? { completed: changes.completed ?? current.completed } : {}),
  };
}

/**
 * Checks the link of a task about to be written. `changedStrategy` says whether this write sets
 * the strategy: only then must it be a current (active) strategy of the tenant, so editing the
 * title of a task whose strategy was archived meanwhile still works.
 */
export function checkTaskLink(
  fields: TaskFieldValues,
  strategies: readonly Strategy[],
  changedStrategy: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.strategyId === null) return errors;
  if (changedStrategy) {
    const strategy = strategies.find((candidate) => candidate.id === fields.strategyId);
    if (!strategy || strategy.status !== 'active') {
      errors.push({ path: 'strategyId', message: 'Pick one of the current strategies' });
    }
  }
  if (fields.howItServes.length === 0) {
    errors.push({ path: 'howItServes', message: 'Say in one sentence how this task serves the strategy' });
  }
  return errors;
}
