/**
 * The home view's pure rules by worked examples: strategies with where they stand, the owners to
 * name, which changes are news, and how dismissing "what changed" moves the last visit.
 */
import { describe, expect, it } from 'vitest';
import { changeKindOf, changesSinceLastVisit, type ChangeCandidate } from '../../../api/src/domain/change-history.js';
import { buildLineOfSight, ownerIdsToName, type StrategyInput } from '../../../api/src/domain/line-of-sight.js';
import { changesSince, laterVisit } from '../../../api/src/domain/line-of-sight-visits.js';

const strategy = (id: string, order: number, extra: Partial<StrategyInput> = {}): StrategyInput => ({
  id, title: `Strategy ${id}`, why: 'why', customerImpact: 'impact', order, status: 'active', ...extra,
});

describe('the home view', () => {
  const strategies = [
    strategy('b', 2, { ownerId: 'leader-1', progress: 'at_risk', measures: ['m1'] }),
    strategy('a', 1), // an older document: no owner, progress or measures stored
    strategy('old', 0, { status: 'archived', ownerId: 'leader-2' }),
    strategy('c', 3, { ownerId: 'gone' }),
  ];

  it('names only the owners of active strategies, each once', () => {
    expect(ownerIdsToName([...strategies, strategy('d', 4, { ownerId: 'leader-1' })])).toEqual(['leader-1', 'gone']);
  });

  it('gives each active strategy, in order, its progress, owner name and measures, and only the contract’s fields', () => {
    const view = buildLineOfSight({
      tenant: { id: 't', name: 'T' },
      me: { id: 'me', displayName: 'Me', teamName: null, roles: ['Employee'] },
      organisation: { name: 'T', vision: 'v', mission: 'm', values: [], differentiator: 'd' },
      strategies: strategies.map((s) => ({ ...s, tenantId: 't', _etag: 'x' })),
      tasks: [],
      ownerNames: new Map([['leader-1', 'Aisha Khan']]),
    });
    expect(view.strategies.map((s) => [s.id, s.progress, s.ownerName, s.measures])).toEqual([
      ['a', 'not_started', null, []],
      ['b', 'at_risk', 'Aisha Khan', ['m1']],
      ['c', 'not_started', null, []], // the owner left: no name
    ]);
    expect(Object.keys(view.strategies[0] ?? {}).sort()).toEqual(
      ['customerImpact', 'id', 'measures', 'myTasks', 'order', 'ownerName', 'progress', 'status', 'title', 'why'],
    );
  });
});

describe('what changed since your last visit', () => {
  const entry = (at: string, entityId: string, action: ChangeCandidate['action'], before: Record<string, unknown> | null, after: Record<string, unknown> | null): ChangeCandidate => ({
    at, entityType: 'strategy', entityId, action, actorName: 'Aisha Khan', before, after,
  });

  it('tells added, archived and restored strategies apart, whichever route wrote them', () => {
    expect(changeKindOf(entry('t', 's', 'create', null, { title: 'X', status: 'active' }))).toBe('added');
    expect(changeKindOf(entry('t', 's', 'import', null, { title: 'X', status: 'active' }))).toBe('added');
    expect(changeKindOf(entry('t', 's', 'archive', { status: 'active' }, { status: 'archived' }))).toBe('archived');
    expect(changeKindOf(entry('t', 's', 'import', { status: 'active' }, { status: 'archived' }))).toBe('archived');
    expect(changeKindOf(entry('t', 's', 'restore', { status: 'archived' }, { status: 'active' }))).toBe('restored');
    // Restoring an older version of an active strategy is an edit.
    expect(changeKindOf(entry('t', 's', 'restore', { status: 'active', why: 'a' }, { status: 'active', why: 'b' }))).toBe('changed');
    expect(changeKindOf({ entityType: 'organisation', action: 'update', before: {}, after: {} })).toBe('changed');
  });

  it('includes any strategy added, archived or restored, but edits only of strategies the person serves', () => {
    const entries = [
      entry('2026-02-01T00:00:00.000Z', 'not-mine', 'update', { title: 'N', why: 'a' }, { title: 'N', why: 'b' }),
      entry('2026-02-02T00:00:00.000Z', 'new', 'create', null, { title: 'Open Porto', status: 'active' }),
      entry('2026-02-03T00:00:00.000Z', 'not-mine', 'archive', { title: 'N', status: 'active' }, { title: 'N', status: 'archived' }),
      entry('2026-02-04T00:00:00.000Z', 'mine', 'update', { title: 'M', why: 'a' }, { title: 'M', why: 'b' }),
    ];
    expect(changesSinceLastVisit(entries, new Set(['mine']), '2026-01-01T00:00:00.000Z', 10).map(({ kind, summary }) => [kind, summary])).toEqual([
      ['changed', 'Aisha Khan changed why it is a focus now of “M”'],
      ['archived', 'Aisha Khan archived the strategy “N”'],
      ['added', 'Aisha Khan added the strategy “Open Porto”'],
    ]);
  });

  it('starts 30 days back without a visit, and a dismissal moves the visit forward only, never past now', () => {
    const now = new Date('2026-12-02T12:00:00.000Z');
    expect(changesSince(undefined, now)).toBe('2026-11-02T12:00:00.000Z');
    expect(changesSince('2026-12-01T00:00:00.000Z', now)).toBe('2026-12-01T00:00:00.000Z');
    expect(laterVisit(undefined, '2026-12-02T11:00:00Z', now)).toBe('2026-12-02T11:00:00.000Z');
    expect(laterVisit('2026-12-02T11:00:00.000Z', '2026-12-02T11:00:00Z', now)).toBe('2026-12-02T11:00:00.000Z');
    expect(laterVisit('2026-12-02T11:00:00.000Z', '2026-12-01T00:00:00Z', now)).toBe('2026-12-02T11:00:00.000Z');
    expect(laterVisit('2026-12-02T11:00:00.000Z', '2027-01-01T00:00:00+01:00', now)).toBe('2026-12-02T12:00:00.000Z');
  });
});
