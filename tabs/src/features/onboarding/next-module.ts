/** Which module comes next, and in what order the list shows them. Pure: tested directly. */
import type { MyAssignment } from '../../../../api/src/shared/onboarding-learner-contracts';

/** Unfinished before finished; among them, the earliest due first (then by title, as the API orders them). */
export function byUrgency(a: Pick<MyAssignment, 'status' | 'dueDate' | 'title'>, b: Pick<MyAssignment, 'status' | 'dueDate' | 'title'>): number {
  const done = Number(a.status === 'completed') - Number(b.status === 'completed');
  return done !== 0 ? done : a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);
}

/** The next assigned module not yet finished (not the one just finished); null = all done. */
export function nextAssignment<T extends Pick<MyAssignment, 'assignmentId' | 'status' | 'dueDate' | 'title'>>(assignments: readonly T[], currentId: string): T | null {
  return [...assignments].sort(byUrgency).find((assignment) => assignment.assignmentId !== currentId && assignment.status !== 'completed') ?? null;
}
