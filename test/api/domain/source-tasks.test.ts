/**
 * The rules for imported tasks, with worked examples: what Graph's Planner and To Do items mean as
 * tasks, the natural key, and what a sync changes (and never changes).
 */
import { describe, expect, it } from 'vitest';
import { fromPlanner, fromTodo, importedTaskId, markedRemoved, reconcile } from '../../../api/src/domain/source-tasks.js';

const TENANT = 't-1';
const OWNER = 'owner-1';
const AT = '2026-12-02T08:00:00.000Z';
const LATER = '2026-12-03T08:00:00.000Z';

describe('Graph items as tasks', () => {
  it('reads Planner\'s percentComplete 100 as done and its due date-time as a date', () => {
    expect(fromPlanner({ '@odata.etag': 'W/"1"', id: 'p1', planId: 'plan', title: 'Call back', percentComplete: 100, dueDateTime: '2026-12-09T17:00:00Z' })).toEqual({
      kind: 'planner', id: 'p1', containerId: 'plan', title: 'Call back', dueDate: '2026-12-09', completed: true, etag: 'W/"1"',
    });
    expect(fromPlanner({ '@odata.etag': 'W/"2"', id: 'p2', planId: 'plan', title: '', percentComplete: 50 })).toMatchObject({ title: '(untitled)', completed: false, dueDate: null });
  });

  it('reads To Do\'s status completed as done and its dueDateTime as a date', () => {
    expect(fromTodo({ '@odata.etag': 'W/"3"', id: 't1', title: 'Samples', status: 'completed', dueDateTime: { dateTime: '2026-12-08T00:00:00.0000000', timeZone: 'UTC' } }, 'list')).toEqual({
      kind: 'todo', id: 't1', containerId: 'list', title: 'Samples', dueDate: '2026-12-08', completed: true, etag: 'W/"3"',
    });
  });
});

describe('the natural key', () => {
  it('is the same for the same owner and source task, and differs across owners and sources', () => {
    expect(importedTaskId(OWNER, 'planner', 'x')).toBe(importedTaskId(OWNER, 'planner', 'x'));
    expect(importedTaskId(OWNER, 'planner', 'x')).not.toBe(importedTaskId('owner-2', 'planner', 'x'));
    expect(importedTaskId(OWNER, 'planner', 'x')).not.toBe(importedTaskId(OWNER, 'todo', 'x'));
    expect(importedTaskId(OWNER, 'todo', 'x')).toMatch(/^src-[A-Za-z0-9_-]{40}$/);
  });
});

describe('a sync', () => {
  const incoming = fromPlanner({ '@odata.etag': 'W/"1"', id: 'p1', planId: 'plan', title: 'Call back', dueDateTime: null });

  it('creates an unlinked task the first time, then changes nothing while the ETag is the same', () => {
    const created = reconcile(TENANT, OWNER, undefined, incoming, 'Sales', AT);
    expect(created).toMatchObject({ kind: 'create', document: { id: importedTaskId(OWNER, 'planner', 'p1'), strategyId: null, howItServes: '', completed: false, source: { containerName: 'Sales', removedAt: null, etag: 'W/"1"' } } });
    if (created.kind !== 'create') throw new Error('expected a create');
    expect(reconcile(TENANT, OWNER, created.document, incoming, 'Sales', LATER)).toEqual({ kind: 'same' });
  });

  it('takes title, due date and completion from the source and keeps the person\'s link and sentence', () => {
    const created = reconcile(TENANT, OWNER, undefined, incoming, 'Sales', AT);
    if (created.kind !== 'create') throw new Error('expected a create');
    const linked = { ...created.document, strategyId: 's-1', howItServes: 'Customers hear from us first.' };
    const changed = { ...incoming, title: 'Call back today', completed: true, dueDate: '2026-12-10', etag: 'W/"2"' };
    expect(reconcile(TENANT, OWNER, linked, changed, 'Sales', LATER)).toMatchObject({
      kind: 'update',
      document: { title: 'Call back today', completed: true, dueDate: '2026-12-10', strategyId: 's-1', howItServes: 'Customers hear from us first.', createdAt: AT, updatedAt: LATER, source: { etag: 'W/"2"' } },
    });
  });

  it('marks a task removed at the source once, and a reappearing task is restored', () => {
    const created = reconcile(TENANT, OWNER, undefined, incoming, 'Sales', AT);
    if (created.kind !== 'create') throw new Error('expected a create');
    const removed = markedRemoved(created.document, LATER);
    expect(removed?.source?.removedAt).toBe(LATER);
    expect(markedRemoved(removed!, LATER)).toBeUndefined();
    expect(reconcile(TENANT, OWNER, removed, incoming, 'Sales', LATER)).toMatchObject({ kind: 'update', document: { source: { removedAt: null } } });
  });
});
