import { describe, expect, it } from 'vitest';
import { activeStrategies, buildLineOfSight } from '../../../api/src/domain/line-of-sight.js';
import type { Strategy, Task } from '../../../api/src/shared/contracts.js';

const strategy = (id: string, order: number, status: Strategy['status'] = 'active'): Strategy => ({
  id, order, status, title: `Strategy ${id}`, why: 'Because.', customerImpact: 'Customers benefit.',
});
const task = (id: string, strategyId: string | null): Task => ({
  id, strategyId, title: `Task ${id}`, howItServes: strategyId ? 'It serves.' : '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', etag: `"${id}"`,
});
const base = {
  tenant: { id: 't', name: 'Tenant' },
  me: { id: 'u', displayName: 'U', teamName: null, roles: ['Employee' as const] },
  organisation: { name: 'Org', vision: 'V', mission: 'M', values: [], differentiator: 'D' },
};

describe('buildLineOfSight', () => {
  it('groups tasks under active strategies in display order', () => {
    const view = buildLineOfSight({
      ...base,
      strategies: [strategy('b', 2), strategy('a', 1), strategy('c', 3)],
      tasks: [task('1', 'c'), task('2', 'a'), task('3', 'a')],
    });
    expect(view.strategies.map((s) => [s.id, s.myTasks.map((t) => t.id)])).toEqual([
      ['a', ['2', '3']],
      ['b', []],
      ['c', ['1']],
    ]);
    expect(view.unlinkedTasks).toEqual([]);
  });

  it('puts tasks without a strategy, or with an archived or missing one, apart as unlinked', () => {
    const view = buildLineOfSight({
      ...base,
      strategies: [strategy('a', 1), strategy('old', 2, 'archived')],
      tasks: [task('1', null), task('2', 'old'), task('3', 'gone'), task('4', 'a')],
    });
    expect(view.strategies.map((s) => s.id)).toEqual(['a']);
    expect(view.unlinkedTasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    // The reason tells the owner what to do: link it, or re-link it because its strategy was archived.
    expect(view.unlinkedTasks.map((t) => t.reason)).toEqual(['no_strategy', 'strategy_archived', 'no_strategy']);
  });

  it('keeps the organisation, tenant and person as given', () => {
    const view = buildLineOfSight({ ...base, strategies: [], tasks: [] });
    expect(view).toEqual({ ...base, strategies: [], unlinkedTasks: [] });
  });
});

describe('activeStrategies', () => {
  it('drops archived strategies and sorts by order without changing the input', () => {
    const input = [strategy('z', 9), strategy('x', 1, 'archived'), strategy('y', 2)];
    expect(activeStrategies(input).map((s) => s.id)).toEqual(['y', 'z']);
    expect(input.map((s) => s.id)).toEqual(['z', 'x', 'y']);
  });
});
