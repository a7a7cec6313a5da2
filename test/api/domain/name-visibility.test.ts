/** Who may see whose name and tasks: worked examples of the one rule insights, channel tab and export share. */
import { describe, expect, it } from 'vitest';
import { canSee, EVERYONE_VISIBLE, nameVisibilityFor, visibleOwned } from '../../../api/src/domain/name-visibility.js';

const PEOPLE = [
  { id: 'ann', teamId: 'A' },
  { id: 'bob', teamId: 'A' },
  { id: 'cat', teamId: 'B' },
  { id: 'dan', teamId: null },
];
const TASKS = PEOPLE.map((person) => ({ id: `task-of-${person.id}`, ownerId: person.id }));
const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('nameVisibilityFor and visibleOwned', () => {
  it('an Admin sees everyone, whatever their team', () => {
    const admin = nameVisibilityFor({ userId: 'cat', isAdmin: true, isLeader: false, teamId: 'B' });
    expect(admin).toBe(EVERYONE_VISIBLE);
    expect(ids(visibleOwned(admin, TASKS, PEOPLE))).toEqual(['task-of-ann', 'task-of-bob', 'task-of-cat', 'task-of-dan']);
  });

  it('a Leader sees the team they lead and themself', () => {
    const leadsA = nameVisibilityFor({ userId: 'ann', isAdmin: false, isLeader: true, teamId: 'A' });
    expect(ids(visibleOwned(leadsA, TASKS, PEOPLE))).toEqual(['task-of-ann', 'task-of-bob']);
    expect(canSee(leadsA, 'cat', 'B')).toBe(false);
    expect(canSee(leadsA, 'dan', null)).toBe(false);
  });

  it('an employee, or a Leader without a team, sees only themself', () => {
    const bob = nameVisibilityFor({ userId: 'bob', isAdmin: false, isLeader: false, teamId: 'A' });
    expect(ids(visibleOwned(bob, TASKS, PEOPLE))).toEqual(['task-of-bob']);
    const dan = nameVisibilityFor({ userId: 'dan', isAdmin: false, isLeader: true, teamId: null });
    expect(ids(visibleOwned(dan, TASKS, PEOPLE))).toEqual(['task-of-dan']);
    // An owner the directory doesn't know is in no team.
    expect(visibleOwned(bob, [{ id: 'x', ownerId: 'gone' }], PEOPLE)).toEqual([]);
  });
});
