/**
 * The new hire's progress through one assignment, as pure functions: marking sections, answering
 * knowledge checks (immediate feedback; the FIRST try is what the dashboard counts), and the
 * completion rule — every section done, every question answered, then the acknowledgement.
 */
import type { AssignmentDocument, ProgressDocument, StoredAnswer } from '../../data/onboarding-documents.js';
import { progressIdFor } from '../../data/onboarding-documents.js';
import type { ModuleContent, MyAssignment, OnboardingProgress, PersonStatus } from '../../shared/contracts.js';
import { isCorrect, isRevealed, recordAnswer, REVEAL_AFTER_WRONG_TRIES, toAnswerRecord } from './answer-feedback.js';
import { progressOf } from './fan-out.js';

export { isCorrect, isRevealed, recordAnswer, REVEAL_AFTER_WRONG_TRIES, toAnswerRecord };

export function emptyProgress(assignment: AssignmentDocument, userId: string, now: string): ProgressDocument {
  return {
    id: progressIdFor(assignment.id, userId),
    tenantId: assignment.tenantId,
    type: 'progress',
    assignmentId: assignment.id,
    cohortId: assignment.cohortId,
    moduleId: assignment.moduleId,
    moduleVersionId: assignment.moduleVersionId,
    version: assignment.version,
    userId,
    sectionsDone: [],
    answers: [],
    startedAt: null,
    acknowledgedAt: null,
    completedAt: null,
    openedFromNotificationAt: null,
    updatedAt: now,
  };
}

export function statusOf(progress: Pick<ProgressDocument, 'completedAt' | 'startedAt'> | undefined): PersonStatus {
  if (!progress) return 'not_started';
  if (progress.completedAt) return 'completed';
  return progress.startedAt ? 'in_progress' : 'not_started';
}

/** Marks a section done or not done. Unknown section → undefined (the caller answers 404). */
export function setSectionDone(progress: ProgressDocument, content: ModuleContent, sectionId: string, done: boolean, now: string): ProgressDocument | undefined {
  if (!content.sections.some((section) => section.id === sectionId)) return undefined;
  const others = progress.sectionsDone.filter((id) => id !== sectionId);
  // Kept in the module's section order, so the list reads the same on any device.
  const doneSet = new Set(done ? [...others, sectionId] : others);
  const sectionsDone = content.sections.map((section) => section.id).filter((id) => doneSet.has(id));
  return { ...progress, sectionsDone, startedAt: progress.startedAt ?? now, updatedAt: now };
}

export type AnswerOutcome =
  | { ok: true; progress: ProgressDocument; answer: StoredAnswer }
  | { ok: false; reason: 'unknown_question' }
  | { ok: false; reason: 'invalid_options'; path: string; message: string };

export function answerQuestion(progress: ProgressDocument, content: ModuleContent, questionId: string, selectedOptionIds: readonly string[], now: string): AnswerOutcome {
  const question = content.questions.find((candidate) => candidate.id === questionId);
  if (!question) return { ok: false, reason: 'unknown_question' };
  const optionIds = new Set(question.options.map((option) => option.id));
  const unknownIndex = selectedOptionIds.findIndex((id) => !optionIds.has(id));
  if (unknownIndex >= 0) return { ok: false, reason: 'invalid_options', path: `selectedOptionIds.${unknownIndex}`, message: 'Not one of the options' };
  if (new Set(selectedOptionIds).size !== selectedOptionIds.length) return { ok: false, reason: 'invalid_options', path: 'selectedOptionIds', message: 'Pick each option once' };
  if (question.kind === 'single' && selectedOptionIds.length !== 1) return { ok: false, reason: 'invalid_options', path: 'selectedOptionIds', message: 'Pick one answer' };

  const answer = recordAnswer(progress.answers.find((candidate) => candidate.questionId === questionId), question, selectedOptionIds, now);
  const answers = [...progress.answers.filter((candidate) => candidate.questionId !== questionId), answer];
  return { ok: true, answer, progress: { ...progress, answers, startedAt: progress.startedAt ?? now, updatedAt: now } };
}

/** What still stands between the person and completion (empty = they may acknowledge). */
export function completionGaps(progress: ProgressDocument, content: ModuleContent): { sections: string[]; questions: string[] } {
  const done = new Set(progress.sectionsDone);
  const answered = new Set(progress.answers.map((answer) => answer.questionId));
  return {
    sections: content.sections.filter((section) => !done.has(section.id)).map((section) => section.id),
    questions: content.questions.filter((question) => !answered.has(question.id)).map((question) => question.id),
  };
}

export function acknowledge(progress: ProgressDocument, content: ModuleContent, now: string): ProgressDocument | { sections: string[]; questions: string[] } {
  if (progress.completedAt) return progress;
  const gaps = completionGaps(progress, content);
  if (gaps.sections.length > 0 || gaps.questions.length > 0) return gaps;
  return { ...progress, acknowledgedAt: now, completedAt: now, startedAt: progress.startedAt ?? now, updatedAt: now };
}

export function markOpenedFromNotification(progress: ProgressDocument, now: string): ProgressDocument {
  return progress.openedFromNotificationAt ? progress : { ...progress, openedFromNotificationAt: now, updatedAt: now };
}

export function toProgress(progress: ProgressDocument, content: ModuleContent): OnboardingProgress {
  return {
    assignmentId: progress.assignmentId,
    status: statusOf(progress),
    sectionsDone: progress.sectionsDone,
    answers: progress.answers.map((answer) => toAnswerRecord(answer, content)),
    acknowledgedAt: progress.acknowledgedAt,
    completedAt: progress.completedAt,
    openedFromNotificationAt: progress.openedFromNotificationAt,
    version: progress.version,
  };
}

/** yyyy-mm-dd of `now` (UTC) is after the due date, and the person has not completed. */
export function isOverdue(dueDate: string, completedAt: string | null | undefined, now: Date): boolean {
  return !completedAt && now.toISOString().slice(0, 10) > dueDate;
}

export function toMyAssignment(assignment: AssignmentDocument, content: ModuleContent, progress: ProgressDocument | undefined, now: Date): MyAssignment {
  return {
    assignmentId: assignment.id,
    moduleId: assignment.moduleId,
    moduleVersionId: assignment.moduleVersionId,
    version: assignment.version,
    title: content.title,
    summary: content.summary,
    estimatedMinutes: content.estimatedMinutes,
    dueDate: assignment.dueDate,
    overdue: isOverdue(assignment.dueDate, progress?.completedAt, now),
    status: statusOf(progress),
    sectionsDone: progress?.sectionsDone.length ?? 0,
    sectionCount: content.sections.length,
    questionsAnswered: progress?.answers.length ?? 0,
    questionCount: content.questions.length,
    completedAt: progress?.completedAt ?? null,
  };
}

/** An assignment is visible to its recipients once its scheduled start has passed. */
export function hasStarted(assignment: Pick<AssignmentDocument, 'startAt'>, now: Date): boolean {
  return !assignment.startAt || Date.parse(assignment.startAt) <= now.getTime();
}

/**
 * A person sees each module version once, even in the rare case two cohorts assigned it to them at
 * the same instant (the fan-out then drops them from one): the assignment with their progress, else
 * the one whose plan already queued their notification (the fan-out keeps that one), else the
 * earliest.
 */
export function oneAssignmentPerVersion<T extends Pick<AssignmentDocument, 'id' | 'moduleVersionId' | 'createdAt' | 'recipientIds' | 'fanOut'>>(
  assignments: readonly T[],
  userId: string,
  hasProgress: (assignmentId: string) => boolean,
): T[] {
  const rank = (assignment: T) => [hasProgress(assignment.id) ? 0 : 1, isQueuedFor(assignment, userId) ? 0 : 1, assignment.createdAt, assignment.id] as const;
  const before = (a: T, b: T) => {
    const [x, y] = [rank(a), rank(b)];
    for (let index = 0; index < x.length; index += 1) if (x[index] !== y[index]) return x[index]! < y[index]!;
    return false;
  };
  const chosen = new Map<string, T>();
  for (const assignment of assignments) {
    const current = chosen.get(assignment.moduleVersionId);
    if (!current || before(assignment, current)) chosen.set(assignment.moduleVersionId, assignment);
  }
  return assignments.filter((assignment) => chosen.get(assignment.moduleVersionId) === assignment);
}

/** The plan already queued this person's notification (they are in its expanded part). */
function isQueuedFor(assignment: Pick<AssignmentDocument, 'recipientIds' | 'fanOut'>, userId: string): boolean {
  const index = assignment.recipientIds.indexOf(userId);
  return index >= 0 && index < progressOf(assignment).queued;
}
