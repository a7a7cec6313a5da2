/** Issue 13's pure pieces: word diff, shared labels and words, counts and possessives, who changed what. */
import { beforeAll, describe, expect, it } from 'vitest';
import { speak } from './support/speak';
import { whoChanged, whoChangedAny } from '../../tabs/src/components/conflict-text';
import { countOf, labelOf, possessive, valueInWords } from '../../tabs/src/components/strategy-map-labels';
import { wordDiff } from '../../tabs/src/components/word-diff';
import { leaderFixLists } from '../../tabs/src/features/insights/insight-links';

beforeAll(() => speak('en-US'));

describe('word diff', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(wordDiff('Customers leave when we are late', 'Customers fine us when we are late')).toEqual([
      { kind: 'same', text: 'Customers ' },
      { kind: 'removed', text: 'leave ' },
      { kind: 'added', text: 'fine us ' },
      { kind: 'same', text: 'when we are late' },
    ]);
    expect(wordDiff('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(wordDiff('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
  });

  it('says "all of it changed" for texts too long to compare word by word', () => {
    const long = Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
    expect(wordDiff(long, `${long}x`)).toEqual([{ kind: 'removed', text: long }, { kind: 'added', text: `${long}x` }]);
  });
});

describe('the strategy map’s words', () => {
  it('labels fields as the editor does and puts values in words', () => {
    expect(labelOf('customerImpact')).toBe('How it serves customers');
    expect(labelOf('name')).toBe('Organisation name');
    expect(valueInWords('progress', 'off_track')).toBe('Off track');
    expect(valueInWords('status', 'archived')).toBe('Archived');
    expect(valueInWords('ownerId', null)).toBe('Nobody');
    expect(valueInWords('ownerId', 'p1', () => 'Aisha Khan')).toBe('Aisha Khan');
    expect(valueInWords('values', [{ name: 'Keep the promise', description: 'A window is a commitment' }])).toBe('Keep the promise — A window is a commitment');
    expect(valueInWords('order', 0)).toBe('Position 1');
  });

  it('counts and possessives read right', () => {
    expect(`${countOf(1, 'team serves', 'teams serve')} it`).toBe('1 team serves it');
    expect(`${countOf(3, 'team serves', 'teams serve')} it`).toBe('3 teams serve it');
    expect(`${possessive('Operations')} tasks`).toBe('Operations’ tasks');
    expect(`${possessive('Finance')} tasks`).toBe('Finance’s tasks');
  });
});

describe('who changed what (a 412’s recentChanges)', () => {
  const changes = [
    { actor: { id: 'p2', displayName: 'Grace Lee' }, at: '2026-12-02T14:05:00Z', changedFields: ['why'] },
    { actor: { id: 'p3', displayName: 'Daniel Okafor' }, at: '2026-12-02T13:00:00Z', changedFields: ['why', 'progress'] },
  ];
  it('attributes each field to the newest change that touched it, and names everyone once', () => {
    expect(whoChanged('why', changes)?.by).toBe('Grace Lee');
    expect(whoChanged('progress', changes)?.by).toBe('Daniel Okafor');
    expect(whoChanged('title', changes)).toBeUndefined();
    expect(whoChangedAny(changes, ['why', 'progress'])).toBe('Grace Lee and Daniel Okafor');
    expect(whoChangedAny(changes, ['why'])).toBe('Grace Lee');
    expect(whoChangedAny(changes)).toBe('Grace Lee');
    expect(whoChangedAny([])).toBeUndefined();
  });
});

describe('insight fix-links lead only where the viewer can act', () => {
  const alignment = {
    taskCount: 2, linkedTaskCount: 0, linkedShare: 0,
    unlinkedTasks: { total: 2, hidden: 0, items: [
      { id: 'k1', title: 'Mine to fix', ownerId: 'p1', ownerName: 'Ben', reason: 'no_strategy' as const },
      { id: 'k2', title: 'Theirs to fix', ownerId: 'p2', ownerName: 'Elena', reason: 'no_strategy' as const },
    ] },
    strategiesWithoutTasks: [], strategiesWithoutTeams: [{ id: 's1', title: 'Grow' }],
    peopleWithoutLinkedTask: { total: 2, hidden: 0, items: [{ id: 'p1', displayName: 'Ben', teamId: 'ops' }, { id: 'p2', displayName: 'Elena', teamId: 'cs' }] },
    incompleteStrategies: [], perStrategy: [],
  };
  const teamOf = (id: string) => ({ k1: 'ops', p1: 'ops', k2: 'cs', p2: 'cs' })[id];

  it('links a task or person of a team the viewer leads, and says who can fix the rest', () => {
    const lists = leaderFixLists(alignment, teamOf, true, ['ops']);
    expect(lists.unlinkedTasks.map((item) => item.href)).toEqual(['#/teams?team=ops&task=k1', undefined]);
    expect(lists.unlinkedTasks[1]?.detail).toContain('only its team’s leader or an admin can re-link it');
    expect(lists.peopleWithoutLinkedTask.map((item) => item.href)).toEqual(['#/teams?team=ops', undefined]);
    expect(lists.strategiesWithoutTeams[0]?.href).toBe('#/teams?team=ops');
    const teamless = leaderFixLists(alignment, teamOf, true, []);
    expect(teamless.strategiesWithoutTeams[0]).toMatchObject({ href: undefined, detail: 'a team’s leader or an admin can map their team to it' });
  });
});
