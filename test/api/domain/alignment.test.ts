import { describe, expect, it } from 'vitest';
import { computeAlignment, computePersonAlignment, type AlignmentInputs, type AlignmentStrategy } from '../../../api/src/domain/alignment.js';
import { EVERYONE_VISIBLE, nameVisibilityFor } from '../../../api/src/domain/name-visibility.js';
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
  it('leaves out the tasks of people who no longer count (disabled or removed) and the people themselves', () => {
    const withoutKim = computeAlignment({ ...ORG, people: ORG.people.filter((person) => person.id !== 'p3'), inactiveOwnerIds: new Set(['p3']) });
    const all = computeAlignment(ORG);
    expect(withoutKim.organisation.taskCount).toBe(all.organisation.taskCount - 2);
    expect(withoutKim.organisation.unlinkedTasks.items.map((task) => task.ownerId)).not.toContain('p3');
    expect(withoutKim.teams.find((team) => team.teamId === 'T2')?.alignment.taskCount).toBe(0);
  });

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
          { id: 't2', title: 'two', ownerId: 'p1', ownerName: 'Pat', teamId: 'T1', reason: 'no_strategy' },
          { id: 't3', title: 'three', ownerId: 'p2', ownerName: 'Sam', teamId: 'T1', reason: 'strategy_archived' },
        ],
        hidden: 0,
      },
      strategiesWithoutTasks: [ref('C')],
      strategiesWithoutTeams: [ref('C')],
      peopleWithoutLinkedTask: {
        total: 2,
        items: [
          { id: 'p2', displayName: 'Sam', teamId: 'T1' },
          { id: 'p5', displayName: 'Max', teamId: 'T2' },
        ],
        hidden: 0,
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
      unlinkedTasks: { total: 0, items: [], hidden: 0 },
      strategiesWithoutTasks: [],
      strategiesWithoutTeams: [],
      peopleWithoutLinkedTask: { total: 0, items: [], hidden: 0 },
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

describe('who is named in the lists', () => {
  const viewer = (userId: string, roles: { isAdmin?: boolean; isLeader?: boolean } = {}) => {
    const teamId = ORG.people.find((person) => person.id === userId)?.teamId ?? null;
    return nameVisibilityFor({ userId, isAdmin: roles.isAdmin ?? false, isLeader: roles.isLeader ?? false, teamId });
  };
  const named = (alignment: { unlinkedTasks: { items: { id: string }[]; hidden: number }; peopleWithoutLinkedTask: { items: { id: string }[]; hidden: number } }) => ({
    tasks: alignment.unlinkedTasks.items.map((item) => item.id),
    hiddenTasks: alignment.unlinkedTasks.hidden,
    people: alignment.peopleWithoutLinkedTask.items.map((item) => item.id),
    hiddenPeople: alignment.peopleWithoutLinkedTask.hidden,
  });

  it('an Admin sees every name', () => {
    expect(viewer('p4', { isAdmin: true })).toBe(EVERYONE_VISIBLE);
    expect(computeAlignment(ORG, undefined, viewer('p4', { isAdmin: true }))).toEqual(computeAlignment(ORG));
  });

  it('an employee sees their own unlinked task and counts for everyone else', () => {
    // Pat (T1) owns t2; Sam (T1) owns t3 and has no linked task; Max (T2) has no linked task.
    const result = computeAlignment(ORG, TEAM_LIMITS.insightItems, viewer('p1'));
    const teamOne = result.teams.find((entry) => entry.teamId === 'T1')!.alignment;
    expect(named(teamOne)).toEqual({ tasks: ['t2'], hiddenTasks: 1, people: [], hiddenPeople: 1 });
    expect(teamOne.unlinkedTasks.total).toBe(2);
    expect(teamOne.peopleWithoutLinkedTask.total).toBe(1);
    expect(named(result.organisation)).toEqual({ tasks: ['t2'], hiddenTasks: 1, people: [], hiddenPeople: 2 });
    // Nobody else's name or task title is anywhere in Pat's team view.
    const text = JSON.stringify(teamOne);
    for (const other of ['Sam', 'Kim', 'Lou', 'Max', '"three"', 'p2']) expect(text).not.toContain(other);
  });

  it('a Leader sees names for the team they lead and aggregates for the others', () => {
    // Kim leads T2: Max (T2) is named; T1's unlinked tasks and Sam are counted only.
    const result = computeAlignment(ORG, TEAM_LIMITS.insightItems, viewer('p3', { isLeader: true }));
    expect(named(result.organisation)).toEqual({ tasks: [], hiddenTasks: 2, people: ['p5'], hiddenPeople: 1 });
    const byTeam = Object.fromEntries(result.teams.map((entry) => [entry.teamId, named(entry.alignment)]));
    expect(byTeam).toEqual({
      T1: { tasks: [], hiddenTasks: 2, people: [], hiddenPeople: 1 },
      T2: { tasks: [], hiddenTasks: 0, people: ['p5'], hiddenPeople: 0 },
      T3: { tasks: [], hiddenTasks: 0, people: [], hiddenPeople: 0 },
    });
    // Pat leads T1: both unlinked tasks and Sam are his team's; Max is not.
    const pat = computeAlignment(ORG, TEAM_LIMITS.insightItems, viewer('p1', { isLeader: true }));
    expect(named(pat.organisation)).toEqual({ tasks: ['t2', 't3'], hiddenTasks: 0, people: ['p2'], hiddenPeople: 1 });
  });

  it('a Leader without a team, or the owner of a task whose owner left, is named to nobody but Admins', () => {
    const lou = computeAlignment({ ...ORG, tasks: [...ORG.tasks, { id: 't8', title: 'eight', ownerId: 'gone', strategyId: null }] }, undefined, viewer('p4', { isLeader: true }));
    expect(named(lou.organisation)).toEqual({ tasks: [], hiddenTasks: 3, people: [], hiddenPeople: 2 });
  });

  it('fills the list with what the viewer may see, however many hidden items come first', () => {
    const others = Array.from({ length: TEAM_LIMITS.insightItems + 5 }, (_, index) => ({ id: `k${index}`, title: 'k', ownerId: 'p3', strategyId: null }));
    const mine = [{ id: 'own', title: 'own', ownerId: 'p1', strategyId: null }];
    const organisation = computeAlignment({ ...ORG, tasks: [...others, ...mine] }, undefined, viewer('p1', { isLeader: true })).organisation;
    expect(organisation.unlinkedTasks).toMatchObject({ total: TEAM_LIMITS.insightItems + 6, hidden: TEAM_LIMITS.insightItems + 5, items: [{ id: 'own' }] });
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
