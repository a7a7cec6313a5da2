import { describe, expect, it } from 'vitest';
import { computeAlignment, computePersonAlignment, type AlignmentInputs, type AlignmentStrategy } from '../../../api/src/domain/alignment.js';
import { alignmentSchema, TEAM_LIMITS } from '../../../api/src/shared/contracts.js';

const strategy = (id: string, order: number, fields: Partial<AlignmentStrategy> = {}): AlignmentStrategy => ({
  id, order, title: `Strategy ${id}`, why: `Why ${id}`, customerImpact: `Impact ${id}`, status: 'active', ...fields,
});

/**
 * A small organisation with every case in it: a complete, an incomplete and an unused strategy, an
 * archived one still mapped and served, a team with no members, a person without a team, a person
 * with no tasks, and a task whose owner left the directory.
 */
const ORG: AlignmentInputs = {
  strategies: [
    strategy('X', 4, { status: 'archived' }),
    strategy('A', 1),
    strategy('B', 2, { why: '  ' }),
    strategy('C', 3, { why: '', customerImpact: '' }),
  ],
  teams: [
    { id: 'T1', name: 'One', strategyIds: ['A', 'X'] },
    { id: 'T2', name: 'Two', strategyIds: ['B'] },
    { id: 'T3', name: 'Three' },
  ],
  people: [
    { id: 'p1', displayName: 'Pat', teamId: 'T1' },
    { id: 'p2', displayName: 'Sam', teamId: 'T1' },
    { id: 'p3', displayName: 'Kim', teamId: 'T2' },
    { id: 'p4', displayName: 'Lou', teamId: null },
    { id: 'p5', displayName: 'Max', teamId: 'T2' },
  ],
  tasks: [
    { id: 't1', title: 'one', ownerId: 'p1', strategyId: 'A' },
    { id: 't2', title: 'two', ownerId: 'p1', strategyId: null },
    { id: 't3', title: 'three', ownerId: 'p2', strategyId: 'X' },
    { id: 't4', title: 'four', ownerId: 'p3', strategyId: 'A' },
    { id: 't5', title: 'five', ownerId: 'p3', strategyId: 'B' },
    { id: 't6', title: 'six', ownerId: 'p4', strategyId: 'B' },
    { id: 't7', title: 'seven', ownerId: 'gone', strategyId: 'A' },
  ],
};

const ref = (id: string) => ({ id, title: `Strategy ${id}` });

describe('computeAlignment', () => {
  const result = computeAlignment(ORG);
  const team = (id: string) => result.teams.find((entry) => entry.teamId === id)?.alignment;

  it('gives the organisation every figure', () => {
    expect(alignmentSchema.parse(result.organisation)).toEqual({
      taskCount: 7,
      linkedTaskCount: 5,
      linkedShare: 5 / 7,
      unlinkedTasks: {
        total: 2,
        items: [
          { id: 't2', title: 'two', ownerId: 'p1', ownerName: 'Pat', reason: 'no_strategy' },
          { id: 't3', title: 'three', ownerId: 'p2', ownerName: 'Sam', reason: 'strategy_archived' },
        ],
      },
      strategiesWithoutTasks: [ref('C')],
      strategiesWithoutTeams: [ref('C')],
      peopleWithoutLinkedTask: {
        total: 2,
        items: [
          { id: 'p2', displayName: 'Sam', teamId: 'T1' },
          { id: 'p5', displayName: 'Max', teamId: 'T2' },
        ],
      },
      incompleteStrategies: [
        { ...ref('B'), missing: ['why'] },
        { ...ref('C'), missing: ['why', 'customerImpact'] },
      ],
      perStrategy: [
        { strategyId: 'A', title: 'Strategy A', tasks: 3, people: 3, teams: 2 },
        { strategyId: 'B', title: 'Strategy B', tasks: 2, people: 2, teams: 1 },
        { strategyId: 'C', title: 'Strategy C', tasks: 0, people: 0, teams: 0 },
      ],
    });
  });

  it('scopes a team to its members and to the active strategies it is mapped to or works on', () => {
    expect(result.teams.map((entry) => [entry.teamId, entry.teamName])).toEqual([['T1', 'One'], ['T2', 'Two'], ['T3', 'Three']]);
    expect(team('T1')).toMatchObject({
      taskCount: 3,
      linkedTaskCount: 1,
      linkedShare: 1 / 3,
      unlinkedTasks: { total: 2 },
      strategiesWithoutTasks: [],
      strategiesWithoutTeams: [],
      peopleWithoutLinkedTask: { total: 1, items: [{ id: 'p2' }] },
      incompleteStrategies: [],
      perStrategy: [{ strategyId: 'A', tasks: 1, people: 1, teams: 1 }],
    });
    expect(team('T2')).toMatchObject({
      taskCount: 2,
      linkedTaskCount: 2,
      linkedShare: 1,
      unlinkedTasks: { total: 0, items: [] },
      strategiesWithoutTasks: [],
      peopleWithoutLinkedTask: { total: 1, items: [{ id: 'p5' }] },
      incompleteStrategies: [{ id: 'B', missing: ['why'] }],
      perStrategy: [
        { strategyId: 'A', tasks: 1, people: 1, teams: 2 },
        { strategyId: 'B', tasks: 1, people: 1, teams: 1 },
      ],
    });
  });

  it('reports a team with no people and no mapping as empty, not as an error', () => {
    expect(team('T3')).toEqual({
      taskCount: 0,
      linkedTaskCount: 0,
      linkedShare: 0,
      unlinkedTasks: { total: 0, items: [] },
      strategiesWithoutTasks: [],
      strategiesWithoutTeams: [],
      peopleWithoutLinkedTask: { total: 0, items: [] },
      incompleteStrategies: [],
      perStrategy: [],
    });
  });

  it('handles an organisation without tasks: share 0, every strategy and person is a gap', () => {
    const empty = computeAlignment({ ...ORG, tasks: [] }).organisation;
    expect(empty).toMatchObject({ taskCount: 0, linkedTaskCount: 0, linkedShare: 0, unlinkedTasks: { total: 0, items: [] } });
    expect(empty.strategiesWithoutTasks.map((entry) => entry.id)).toEqual(['A', 'B', 'C']);
    expect(empty.peopleWithoutLinkedTask.total).toBe(5);
    expect(empty.perStrategy.map((entry) => entry.teams)).toEqual([1, 1, 0]);
  });

  it('ignores archived strategies everywhere but the unlinked reason, and handles no strategies at all', () => {
    expect(result.organisation.perStrategy.map((entry) => entry.strategyId)).not.toContain('X');
    const none = computeAlignment({ ...ORG, strategies: [] }).organisation;
    expect(none).toMatchObject({ taskCount: 7, linkedTaskCount: 0, strategiesWithoutTasks: [], perStrategy: [] });
    expect(none.unlinkedTasks.items.filter((item) => item.reason === 'strategy_archived')).toHaveLength(6);
  });

  it('caps the listed items but keeps exact totals', () => {
    const many = Array.from({ length: TEAM_LIMITS.insightItems + 10 }, (_, index) => ({ id: `u${index}`, title: 'u', ownerId: 'p4', strategyId: null }));
    const capped = computeAlignment({ ...ORG, tasks: many }).organisation;
    expect(capped.unlinkedTasks.total).toBe(TEAM_LIMITS.insightItems + 10);
    expect(capped.unlinkedTasks.items).toHaveLength(TEAM_LIMITS.insightItems);
    // Teams in the organisation-wide view list fewer items each; alone, a team lists as many as the organisation.
    const inTeam = ORG.people.map((person, index) => ({ id: `m${index}`, title: 'm', ownerId: 'p1', strategyId: null }));
    const teamOne = (cap?: number) => computeAlignment({ ...ORG, tasks: [...many, ...inTeam, ...inTeam] }, cap).teams[0]?.alignment.unlinkedTasks;
    expect(teamOne()).toMatchObject({ total: 10, items: { length: TEAM_LIMITS.teamInsightItems } });
    expect(teamOne(TEAM_LIMITS.insightItems)?.items).toHaveLength(10);
  });
});

describe('computePersonAlignment', () => {
  it('counts one person\u2019s tasks against the active strategies', () => {
    const tasks = ORG.tasks.filter((task) => task.ownerId === 'p1' || task.ownerId === 'p2');
    expect(computePersonAlignment(tasks, ORG.strategies)).toEqual({
      taskCount: 3,
      linkedTaskCount: 1,
      linkedShare: 1 / 3,
      unlinkedTasks: [
        { id: 't2', title: 'two', reason: 'no_strategy' },
        { id: 't3', title: 'three', reason: 'strategy_archived' },
      ],
      perStrategy: [
        { strategyId: 'A', title: 'Strategy A', tasks: 1 },
        { strategyId: 'B', title: 'Strategy B', tasks: 0 },
        { strategyId: 'C', title: 'Strategy C', tasks: 0 },
      ],
    });
    expect(computePersonAlignment([], ORG.strategies)).toMatchObject({ taskCount: 0, linkedShare: 0, unlinkedTasks: [] });
  });
});
