import { describe, expect, it } from 'vitest';
import { applyTaskChanges, checkTaskLink } from '../../../api/src/domain/task-rules.js';
import type { Strategy } from '../../../api/src/shared/contracts.js';

const active: Strategy = { id: 's1', title: 'S1', why: 'w', customerImpact: 'c', order: 1, status: 'active' };
const archived: Strategy = { ...active, id: 's2', status: 'archived' };
const current = { title: 'Old title', strategyId: 's2', howItServes: 'Old sentence.' };

describe('applyTaskChanges', () => {
  it('keeps absent fields and applies present ones, including unlinking with null', () => {
    expect(applyTaskChanges(current, { title: 'New title' })).toEqual({ ...current, title: 'New title' });
    expect(applyTaskChanges(current, { strategyId: null })).toEqual({ ...current, strategyId: null });
    expect(applyTaskChanges(current, { howItServes: '' })).toEqual({ ...current, howItServes: '' });
  });
});

describe('checkTaskLink', () => {
  it('accepts an unlinked task with no sentence', () => {
    expect(checkTaskLink({ title: 't', strategyId: null, howItServes: '' }, [], true)).toEqual([]);
  });

  it('accepts a link to an active strategy with its sentence', () => {
    expect(checkTaskLink({ title: 't', strategyId: 's1', howItServes: 'Serves.' }, [active], true)).toEqual([]);
  });

  it('rejects a new link to an unknown or archived strategy at path strategyId', () => {
    expect(checkTaskLink({ title: 't', strategyId: 'nope', howItServes: 'x' }, [active], true)).toEqual([
      { path: 'strategyId', message: expect.any(String) },
    ]);
    expect(checkTaskLink({ title: 't', strategyId: 's2', howItServes: 'x' }, [archived], true).map((e) => e.path)).toEqual(['strategyId']);
  });

  it('lets a task keep a link that was archived meanwhile when the link is not being changed', () => {
    expect(checkTaskLink({ ...current, title: 'Renamed' }, [archived], false)).toEqual([]);
  });

  it('requires the how-it-serves sentence for any link', () => {
    expect(checkTaskLink({ title: 't', strategyId: 's1', howItServes: '' }, [active], true).map((e) => e.path)).toEqual(['howItServes']);
    expect(checkTaskLink({ ...current, howItServes: '' }, [archived], false).map((e) => e.path)).toEqual(['howItServes']);
  });
});
