/**
 * Who hears of a leader's re-map, by worked example: each owner whose tasks moved, once, with how many;
 * not the leader; not for a task that already served the strategy with that very sentence. And the
 * re-map's identity: the same request in any order is the same re-map; any other version is another.
 */
import { describe, expect, it } from 'vitest';
import { remapAuditId, remapIdOf, remapNotices } from '../../../api/src/domain/remap-notices.js';

const HOW = 'Fewer surprises on the dock keep our delivery windows.';
const link = { strategyId: 'on-time', howItServes: HOW };

describe('a re-map’s notices', () => {
  it('one per owner whose tasks moved, counting them; none for the leader who re-mapped', () => {
    const before = [
      { id: 't1', ownerId: 'ben', strategyId: null, howItServes: '' },
      { id: 't2', ownerId: 'ben', strategyId: 'empty-km', howItServes: 'Full trucks both ways.' },
      { id: 't3', ownerId: 'chiara', strategyId: 'empty-km', howItServes: '' },
      { id: 't4', ownerId: 'aisha', strategyId: null, howItServes: '' },
    ];
    expect(remapNotices(before, link, 'aisha')).toEqual([
      { ownerId: 'ben', tasks: 2 },
      { ownerId: 'chiara', tasks: 1 },
    ]);
  });

  it('a task already serving the strategy with the same sentence did not move; a new sentence for the same strategy did', () => {
    const before = [
      { id: 't1', ownerId: 'ben', strategyId: 'on-time', howItServes: HOW },
      { id: 't2', ownerId: 'chiara', strategyId: 'on-time', howItServes: 'An older sentence.' },
    ];
    expect(remapNotices(before, link, 'aisha')).toEqual([{ ownerId: 'chiara', tasks: 1 }]);
    expect(remapNotices(before.slice(0, 1), link, 'aisha')).toEqual([]);
  });
});

describe('a re-map’s identity', () => {
  const request = { ...link, tasks: [{ id: 't1', etag: '"e1"' }, { id: 't2', etag: '"e2"' }] };

  it('is the same for the same request, whatever the order of its tasks', () => {
    expect(remapIdOf({ ...request, tasks: [...request.tasks].reverse() })).toBe(remapIdOf(request));
    expect(remapIdOf(request)).toMatch(/^remap-[0-9a-f]{32}$/);
  });

  it('differs for another version of a task, another strategy or another sentence', () => {
    const id = remapIdOf(request);
    expect(remapIdOf({ ...request, tasks: [{ id: 't1', etag: '"e9"' }, { id: 't2', etag: '"e2"' }] })).not.toBe(id);
    expect(remapIdOf({ ...request, strategyId: 'empty-km' })).not.toBe(id);
    expect(remapIdOf({ ...request, howItServes: `${HOW} ` })).not.toBe(id);
  });

  it('names each task’s audit entry, a valid Cosmos id', () => {
    const id = remapIdOf(request);
    expect(remapAuditId(id, 't1')).toBe(remapAuditId(id, 't1'));
    expect(remapAuditId(id, 't1')).not.toBe(remapAuditId(id, 't2'));
    expect(remapAuditId(id, 't1')).toMatch(/^audit-[0-9a-f]{40}$/);
  });
});
