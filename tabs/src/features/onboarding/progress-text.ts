/** How far someone has got with a module, in numbers and in words. Pure: tested directly. */
import type { MyAssignment } from '../../../../api/src/shared/onboarding-learner-contracts';

type Counts = Pick<MyAssignment, 'sectionsDone' | 'sectionCount' | 'questionsAnswered' | 'questionCount' | 'status'>;

export function assignmentProgress(counts: Counts): { fraction: number; text: string } {
  if (counts.status === 'completed') return { fraction: 1, text: 'Completed' };
  const steps = counts.sectionCount + counts.questionCount + 1; // + the closing acknowledgement
  const done = Math.min(counts.sectionsDone, counts.sectionCount) + Math.min(counts.questionsAnswered, counts.questionCount);
  const sections = `${counts.sectionsDone} of ${counts.sectionCount} sections read`;
  const questions = counts.questionCount > 0 ? `, ${counts.questionsAnswered} of ${counts.questionCount} questions answered` : '';
  return { fraction: steps > 0 ? done / steps : 0, text: `${sections}${questions}` };
}

/** "Due 3 December 2026", "Overdue: was due …", "Completed 1 December 2026". */
export function dueText(assignment: Pick<MyAssignment, 'dueDate' | 'overdue' | 'status' | 'completedAt'>, locale?: string): string {
  if (assignment.status === 'completed' && assignment.completedAt) return `Completed ${formatDay(assignment.completedAt.slice(0, 10), locale)}`;
  const due = formatDay(assignment.dueDate, locale);
  return assignment.overdue ? `Overdue: was due ${due}` : `Due ${due}`;
}

export function formatDay(isoDay: string, locale?: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
