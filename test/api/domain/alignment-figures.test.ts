/**
 * The maintained alignment figures (owner tallies) by worked examples, and the property that insights
 * computed from them equal insights computed from every task, for random organisations and viewers.
 */
import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  combineChanges,
  countsByShard,
  driftBetween,
  FIGURE_SHARDS,
  shardOf,
  tallyChanges,
  tallyTasks,
  talliesFromCounts,
  UNLINKED_KEY,
} from '../../../api/src/domain/alignment-figures.js';
import { computeAlignment, computeAlignmentFromTallies } from '../../../api/src/domain/alignment.js';
import { nameVisibilityFor } from '../../../api/src/domain/name-visibility.js';
import { generateOrganisation } from '../../bench/generate-organisation.js';

const asObject = (tallies: Map<string, Map<string, number>>) => Object.fromEntries([...tallies].map(([owner, counts]) => [owner, Object.fromEntries(counts)]));

describe('how a task write moves the figures', () => {
  it('a create adds one under its strategy, or under "" when it serves none', () => {
    expect(tallyChanges(null, { ownerId: 'ann', strategyId: 's1' })).toEqual([{ ownerId: 'ann', strategyKey: 's1', by: 1 }]);
    expect(tallyChanges(null, { ownerId: 'ann', strategyId: null })).toEqual([{ ownerId: 'ann', strategyKey: UNLINKED_KEY, by: 1 }]);
  });

  it('a delete takes one away; an edit that keeps the link changes nothing', () => {
    expect(tallyChanges({ ownerId: 'ann', strategyId: 's1' }, null)).toEqual([{ ownerId: 'ann', strategyKey: 's1', by: -1 }]);
    expect(tallyChanges({ ownerId: 'ann', strategyId: 's1' }, { ownerId: 'ann', strategyId: 's1' })).toEqual([]);
  });

  it('a re-map moves one from the old strategy to the new', () => {
    expect(tallyChanges({ ownerId: 'ann', strategyId: null }, { ownerId: 'ann', strategyId: 's2' })).toEqual([
      { ownerId: 'ann', strategyKey: '', by: -1 },
      { ownerId: 'ann', strategyKey: 's2', by: 1 },
    ]);
  });

  it('a batch of writes folds into one change per count, and changes that cancel vanish', () => {
    const changes = [
      ...tallyChanges(null, { ownerId: 'ann', strategyId: 's1' }),
      ...tallyChanges(null, { ownerId: 'ann', strategyId: 's1' }),
      ...tallyChanges({ ownerId: 'bob', strategyId: 's1' }, { ownerId: 'bob', strategyId: 's2' }),
      ...tallyChanges({ ownerId: 'bob', strategyId: 's2' }, { ownerId: 'bob', strategyId: 's1' }),
    ];
    expect(combineChanges(changes)).toEqual([{ ownerId: 'ann', strategyKey: 's1', by: 2 }]);
  });

  it('applying changes drops counts that reach zero, and people with none left', () => {
    const tallies = tallyTasks([
      { ownerId: 'ann', strategyId: 's1' },
      { ownerId: 'ann', strategyId: null },
      { ownerId: 'bob', strategyId: 's1' },
    ]);
    expect(asObject(tallies)).toEqual({ ann: { s1: 1, '': 1 }, bob: { s1: 1 } });
    applyChanges(tallies, [...tallyChanges({ ownerId: 'bob', strategyId: 's1' }, null), ...tallyChanges({ ownerId: 'ann', strategyId: null }, { ownerId: 'ann', strategyId: 's1' })]);
    expect(asObject(tallies)).toEqual({ ann: { s1: 2 } });
  });

  it('drift is what a recount adds to the stored figures', () => {
    const stored = tallyTasks([{ ownerId: 'ann', strategyId: 's1' }, { ownerId: 'ann', strategyId: 's1' }, { ownerId: 'cat', strategyId: null }]);
    const recounted = tallyTasks([{ ownerId: 'ann', strategyId: 's1' }, { ownerId: 'bob', strategyId: 's2' }]);
    const drift = driftBetween(stored, recounted);
    expect(drift).toEqual(
      expect.arrayContaining([
        { ownerId: 'ann', strategyKey: 's1', by: -1 },
        { ownerId: 'cat', strategyKey: '', by: -1 },
        { ownerId: 'bob', strategyKey: 's2', by: 1 },
      ]),
    );
    expect(asObject(applyChanges(stored, drift))).toEqual(asObject(recounted));
    expect(driftBetween(recounted, recounted)).toEqual([]);
  });
});

describe('how the figures are stored', () => {
  it('puts an owner in the same shard every time, spread over every shard', () => {
    expect(shardOf('c0a70001-0000-4000-8000-000000000002')).toBe(shardOf('c0a70001-0000-4000-8000-000000000002'));
    const used = new Set(Array.from({ length: 400 }, (_, index) => shardOf(`person-${index}`)));
    expect(used.size).toBe(FIGURE_SHARDS);
  });

  it('round-trips through the shards, and ignores counts left at zero or below', () => {
    const tallies = tallyTasks([{ ownerId: 'ann', strategyId: 's1' }, { ownerId: 'bob', strategyId: null }, { ownerId: 'bob', strategyId: null }]);
    const shards = countsByShard(tallies);
    expect(shards).toHaveLength(FIGURE_SHARDS);
    expect(shards[shardOf('bob')]).toMatchObject({ 'bob|': 2 });
    const read = talliesFromCounts([...shards.flatMap((shard) => Object.entries(shard)), ['cat|s1', 0], ['dan|s2', -1]]);
    expect(asObject(read)).toEqual(asObject(tallies));
  });
});

describe('insights from the figures', () => {
  it('equal insights from every task, for random organisations and every kind of viewer', () => {
    for (let seed = 1; seed <= 12; seed += 1) {
      const org = generateOrganisation({ people: 30 + seed * 7, tasks: 100 + seed * 37, strategies: 8 + seed, seed });
      const inactiveOwnerIds = new Set(org.people.filter((_, index) => index % 17 === 5).map((person) => person.id));
      const viewer = org.people[seed % org.people.length]!;
      for (const visibility of [
        nameVisibilityFor({ userId: viewer.id, isAdmin: true, isLeader: true, teamId: viewer.teamId }),
        nameVisibilityFor({ userId: viewer.id, isAdmin: false, isLeader: true, teamId: viewer.teamId }),
        nameVisibilityFor({ userId: viewer.id, isAdmin: false, isLeader: false, teamId: viewer.teamId }),
      ]) {
        const inputs = { ...org, inactiveOwnerIds };
        const expected = computeAlignment(inputs, 5, visibility);
        const fromTallies = computeAlignmentFromTallies({ ...inputs, tallies: tallyTasks(org.tasks), listedTasks: org.tasks }, 5, visibility);
        expect(fromTallies).toEqual(expected);
      }
    }
  });

  it('detail only the teams asked for, in the order asked, with the organisation still counting every team', () => {
    const org = generateOrganisation({ people: 120, tasks: 600, strategies: 12, seed: 5 });
    const inputs = { ...org, tallies: tallyTasks(org.tasks), listedTasks: org.tasks };
    const everyTeam = computeAlignmentFromTallies(inputs, 5);
    const asked = [org.teams[7]!, org.teams[2]!];
    const paged = computeAlignmentFromTallies({ ...inputs, detailedTeams: asked }, 5);
    expect(paged.organisation).toEqual(everyTeam.organisation);
    expect(paged.teams).toEqual(asked.map((team) => everyTeam.teams.find((entry) => entry.teamId === team.id)));
  });
});
