/** How far someone has got with a module, in numbers and in words (the person's language). Pure but for the language: tested directly. */
import type { MyAssignment } from '../../../../api/src/shared/onboarding-learner-contracts';
import { formatDay as formatCalendarDay } from '../../i18n';
import { onboardingText } from './messages';

type Counts = Pick<MyAssignment, 'sectionsDone' | 'sectionCount' | 'questionsAnswered' | 'questionCount' | 'status'>;

export function assignmentProgress(counts: Counts): { fraction: number; text: string } {
  if (counts.status === 'completed') return { fraction: 1, text: onboardingText.text('progress.completed') };
  const steps = counts.sectionCount + counts.questionCount + 1; // + the closing acknowledgement
  const done = Math.min(counts.sectionsDone, counts.sectionCount) + Math.min(counts.questionsAnswered, counts.questionCount);
  const sections = { done: counts.sectionsDone, count: counts.sectionCount };
  const text =
    counts.questionCount > 0
      ? onboardingText.text('progress.sectionsAndQuestions', { ...sections, answered: counts.questionsAnswered, questions: counts.questionCount })
      : onboardingText.text('progress.sections', sections);
  return { fraction: steps > 0 ? done / steps : 0, text };
}

/** "Due 3 December 2026", "Overdue: was due …", "Completed 1 December 2026". */
export function dueText(assignment: Pick<MyAssignment, 'dueDate' | 'overdue' | 'status' | 'completedAt'>): string {
  if (assignment.status === 'completed' && assignment.completedAt) return onboardingText.text('completedOn', { date: formatDay(assignment.completedAt.slice(0, 10)) });
  const date = formatDay(assignment.dueDate);
  return onboardingText.text(assignment.overdue ? 'overdue' : 'due', { date });
}

/** A calendar day (yyyy-mm-dd) in words, in the person's locale: "3 December 2026", "3. Dezember 2026". */
export function formatDay(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return formatCalendarDay(date, { dateStyle: 'long' });
}
