import { describe, expect, it } from 'vitest';
import { changedFields, changesSinceLastVisit, namesById, personIdsIn, summariseChange, type ChangeCandidate } from '../../../api/src/domain/change-history.js';
import {
  applyStrategyEdit,
  missingStrategyFields,
  nextStrategyOrder,
  organisationContentFromSnapshot,
  planReorder,
  strategyContentFromSnapshot,
  strategyContentOf,
  unlinkedReasonOf,
} from '../../../api/src/domain/strategy-editing.js';
import { mergeRoles } from '../../../api/src/http/authorise.js';

const content = strategyContentOf({ title: 'Deliver on time', why: 'Customers leave when late.', customerImpact: '' });

describe('strategy rules', () => {
  it('flags a strategy without why or customer link as incomplete', () => {
    expect(missingStrategyFields({ why: 'x', customerImpact: 'y' })).toEqual([]);
    expect(missingStrategyFields({ why: '  ', customerImpact: '' })).toEqual(['why', 'customerImpact']);
    expect(missingStrategyFields(content)).toEqual(['customerImpact']);
  });

  it('fills defaults for older documents and applies partial edits only to given fields', () => {
    expect(content).toMatchObject({ ownerId: null, progress: 'not_started', measures: [] });
    const edited = applyStrategyEdit(content, { progress: 'on_track', measures: ['95% on time'] });
    expect(edited).toEqual({ ...content, progress: 'on_track', measures: ['95% on time'] });
    expect(applyStrategyEdit(content, { ownerId: null }).ownerId).toBeNull();
  });

  it('puts a new strategy after every existing one', () => {
    expect(nextStrategyOrder([])).toBe(1);
    expect(nextStrategyOrder([{ order: 3 }, { order: 7 }, { order: 1 }])).toBe(8);
  });

  it('plans a reorder: every active strategy once, new orders 1..n, stale etags named', () => {
    const active = [
      { id: 'a', order: 1, etag: 'ea' },
      { id: 'b', order: 2, etag: 'eb' },
      { id: 'c', order: 3, etag: 'ec' },
    ];
    expect(planReorder({ active, requested: [{ id: 'c', etag: 'ec' }, { id: 'b', etag: 'eb' }, { id: 'a', etag: 'old' }] })).toEqual({
      ok: true,
      changes: [{ id: 'c', order: 1, etag: 'ec' }, { id: 'a', order: 3, etag: 'old' }],
      staleIds: ['a'],
    });
    const bad = planReorder({ active, requested: [{ id: 'a', etag: 'ea' }, { id: 'a', etag: 'ea' }, { id: 'zz', etag: 'x' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((error) => error.path)).toEqual(['order.1.id', 'order.2.id', 'order']);
  });

  it('reads restorable content from history snapshots, and refuses snapshots without it', () => {
    expect(strategyContentFromSnapshot({ title: 'T', why: 'W', progress: 'at_risk', measures: ['m', 3], status: 'archived' })).toEqual({
      title: 'T', why: 'W', customerImpact: '', ownerId: null, progress: 'at_risk', measures: ['m'],
    });
    expect(strategyContentFromSnapshot(null)).toBeUndefined();
    expect(organisationContentFromSnapshot({ order: ['a'] })).toBeUndefined();
    expect(organisationContentFromSnapshot({ name: 'N', vision: 'V', values: [{ name: 'n', description: 'd' }] })).toEqual({
      name: 'N', vision: 'V', mission: '', values: [{ name: 'n', description: 'd' }], differentiator: '',
    });
  });

  it('says why a task needs a new link', () => {
    const statuses = new Map<string, 'active' | 'archived'>([['on', 'active'], ['old', 'archived']]);
    expect(unlinkedReasonOf({ strategyId: null }, statuses)).toBe('no_strategy');
    expect(unlinkedReasonOf({ strategyId: 'gone' }, statuses)).toBe('no_strategy');
    expect(unlinkedReasonOf({ strategyId: 'old' }, statuses)).toBe('strategy_archived');
    expect(unlinkedReasonOf({ strategyId: 'on' }, statuses)).toBeUndefined();
  });

  it('merges token and granted roles, always with Employee', () => {
    expect(mergeRoles([], [])).toEqual(['Employee']);
    expect(mergeRoles(['Admin'], ['Leader'])).toEqual(['Employee', 'Leader', 'Admin']);
    expect(mergeRoles(['Employee', 'Leader'], ['Leader'])).toEqual(['Employee', 'Leader']);
  });
});

describe('change history', () => {
  it('lists changed content fields, ignoring bookkeeping', () => {
    expect(changedFields({ id: '1', title: 'a', measures: ['x'], etag: '1' }, { id: '1', title: 'b', measures: ['x'], etag: '2' })).toEqual(['title']);
    expect(changedFields(null, { title: 'a', why: 'b' })).toEqual(['title', 'why']);
  });

  it('summarises changes in plain words', () => {
    const base = { actorName: 'Aisha Khan', before: { vision: 'a' }, after: { vision: 'b' } };
    expect(summariseChange({ ...base, entityType: 'organisation', action: 'update' })).toBe('Aisha Khan changed the vision');
    expect(summariseChange({ actorName: 'Aisha Khan', entityType: 'strategy', action: 'update', before: { title: 'T', why: 'a', progress: 'x' }, after: { title: 'T', why: 'b', progress: 'y' } }))
      .toBe('Aisha Khan changed the progress and why it is a focus now of “T”');
    expect(summariseChange({ actorName: 'Grace Lee', entityType: 'strategy', action: 'archive', before: { title: 'T' }, after: { title: 'T' } })).toBe('Grace Lee archived the strategy “T”');
  });

  it('picks organisation changes and changes to served strategies since the last visit, newest first, capped', () => {
    const entry = (at: string, entityType: string, entityId: string): ChangeCandidate => ({
      at, entityType, entityId, action: 'update', actorName: 'A', before: { vision: 'a' }, after: { vision: 'b' },
    });
    const entries = [
      entry('2026-01-01T00:00:00.000Z', 'organisation', 'organisation'),
      entry('2026-02-01T00:00:00.000Z', 'strategy', 'mine'),
      entry('2026-02-02T00:00:00.000Z', 'strategy', 'not-mine'),
      entry('2026-03-01T00:00:00.000Z', 'organisation', 'organisation'),
      entry('2026-03-02T00:00:00.000Z', 'team', 't'),
    ];
    const changes = changesSinceLastVisit(entries, new Set(['mine']), '2026-01-15T00:00:00.000Z', 10);
    expect(changes.map((change) => change.at)).toEqual(['2026-03-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(changesSinceLastVisit(entries, new Set(['mine']), '2025-01-01T00:00:00.000Z', 1)).toHaveLength(1);
  });

  it('names exactly the people snapshots mention in their person fields; one without a record reads “Former colleague”', () => {
    const snapshots = [null, { title: 'T', ownerId: 'ana' }, { title: 'T', ownerId: 'ben' }, { ownerId: 'ana' }, { ownerId: null }, { ownerId: '' }, undefined, { why: 'ben' }];
    expect(personIdsIn(snapshots)).toEqual(['ana', 'ben']);
    expect(personIdsIn([])).toEqual([]);
    const people = [
      { id: 'ana', displayName: 'Ana Silva' },
      { id: 'cleo', displayName: 'Cleo Park' },
    ];
    // Ben's record is gone (erased): never a bare id, never someone else's name.
    expect(namesById(['ana', 'ben'], people)).toEqual({ ana: 'Ana Silva', ben: 'Former colleague' });
    expect(namesById([], people)).toEqual({});
  });
});
