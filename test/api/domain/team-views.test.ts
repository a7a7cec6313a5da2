/** The channel tab's view of a team, as each viewer may see it: worked examples. */
import { describe, expect, it } from 'vitest';
import { EVERYONE_VISIBLE, nameVisibilityFor } from '../../../api/src/domain/name-visibility.js';
import { buildTeamLineOfSight, channelListOwners } from '../../../api/src/domain/team-views.js';
import type { Organisation, Strategy, TeamTask } from '../../../api/src/shared/contracts.js';

const organisation: Organisation = { name: 'Org', vision: 'Vision', mission: 'Mission', values: [], differentiator: 'Different' };
const strategy = (id: string, order: number, status: Strategy['status'] = 'active'): Strategy => ({ id, title: `S ${id}`, why: '', customerImpact: '', order, status });
const STRATEGIES = [strategy('B', 2), strategy('A', 1), strategy('X', 3, 'archived'), strategy('C', 4)];
const task = (id: string, ownerId: string, strategyId: string | null): TeamTask => ({
  id, title: `task ${id}`, strategyId, howItServes: '', ownerId, ownerName: `Name of ${ownerId}`, updatedAt: '2030-01-01T00:00:00.000Z', etag: '"1"',
});
// Team T (mapped to A): Pat and Sam are members; Pat serves A and B, Sam serves A and an archived one.
const TASKS = [task('t1', 'pat', 'A'), task('t2', 'pat', 'B'), task('t3', 'sam', 'A'), task('t4', 'sam', 'X'), task('t5', 'sam', null)];
const view = (visibility = EVERYONE_VISIBLE) =>
  buildTeamLineOfSight({ team: { id: 'T', name: 'Team', strategyIds: ['A'] }, organisation, strategies: STRATEGIES, tasks: TASKS, visibility });
const summary = (result: ReturnType<typeof view>) => ({
  strategies: result.strategies.map((entry) => [entry.id, entry.mapped, entry.tasks.map((t) => t.id), entry.hiddenTasks]),
  unlinked: [result.unlinkedTasks.map((t) => t.id), result.hiddenUnlinkedTasks],
});

describe('buildTeamLineOfSight', () => {
  it('shows the team’s Leader (or an Admin) every task, under the active strategies it is mapped to or works on', () => {
    const lead = nameVisibilityFor({ userId: 'lee', isAdmin: false, isLeader: true, teamId: 'T' });
    expect(summary(view(lead))).toEqual({
      strategies: [['A', true, ['t1', 't3'], 0], ['B', false, ['t2'], 0]],
      unlinked: [['t4', 't5'], 0],
    });
    expect(summary(view(EVERYONE_VISIBLE))).toEqual(summary(view(lead)));
  });

  it('shows a team member their own tasks and only counts of their teammates’', () => {
    const pat = nameVisibilityFor({ userId: 'pat', isAdmin: false, isLeader: false, teamId: 'T' });
    const result = view(pat);
    expect(summary(result)).toEqual({
      strategies: [['A', true, ['t1'], 1], ['B', false, ['t2'], 0]],
      unlinked: [[], 2],
    });
    expect(JSON.stringify(result)).not.toContain('sam');
  });

  it('shows a Leader of another team counts only, and keeps the strategies Sam alone works on', () => {
    const other = nameVisibilityFor({ userId: 'kim', isAdmin: false, isLeader: true, teamId: 'U' });
    const result = buildTeamLineOfSight({ team: { id: 'T', name: 'Team' }, organisation, strategies: STRATEGIES, tasks: TASKS.filter((t) => t.ownerId === 'sam'), visibility: other });
    expect(summary(result)).toEqual({ strategies: [['A', false, [], 1]], unlinked: [[], 2] });
  });

  it('carries each list’s first page, its count and the cursor after the page when more follow', () => {
    const result = buildTeamLineOfSight({
      team: { id: 'T', name: 'Team', strategyIds: ['A'] }, organisation, strategies: STRATEGIES, tasks: TASKS,
      pageSize: 1, cursorOf: (last) => `after ${last.id}`,
    });
    expect(result.strategies.map((entry) => [entry.id, entry.tasks.map((t) => t.id), entry.taskCount, entry.nextCursor])).toEqual([
      ['A', ['t1'], 2, 'after t1'],
      ['B', ['t2'], 1, null],
    ]);
    expect([result.unlinkedTasks.map((t) => t.id), result.unlinkedTaskCount, result.unlinkedNextCursor]).toEqual([['t4'], 2, 'after t4']);
    // The counts are of what the viewer may see: Pat's own unlinked list is empty, whatever Sam has.
    const pat = nameVisibilityFor({ userId: 'pat', isAdmin: false, isLeader: false, teamId: 'T' });
    const patView = buildTeamLineOfSight({ team: { id: 'T', name: 'Team' }, organisation, strategies: STRATEGIES, tasks: TASKS, visibility: pat, pageSize: 1, cursorOf: () => 'x' });
    expect([patView.unlinkedTaskCount, patView.unlinkedNextCursor, patView.hiddenUnlinkedTasks]).toEqual([0, null, 2]);
  });
});

describe('channelListOwners', () => {
  it('pages every member for the team’s Leader and Admins, a member only themself, and nobody else anything', () => {
    const members = ['pat', 'sam', 'lee'];
    expect(channelListOwners(EVERYONE_VISIBLE, members, 'T')).toEqual(members);
    expect(channelListOwners(nameVisibilityFor({ userId: 'lee', isAdmin: false, isLeader: true, teamId: 'T' }), members, 'T')).toEqual(members);
    expect(channelListOwners(nameVisibilityFor({ userId: 'pat', isAdmin: false, isLeader: false, teamId: 'T' }), members, 'T')).toEqual(['pat']);
    expect(channelListOwners(nameVisibilityFor({ userId: 'kim', isAdmin: false, isLeader: true, teamId: 'U' }), members, 'T')).toEqual([]);
  });
});
