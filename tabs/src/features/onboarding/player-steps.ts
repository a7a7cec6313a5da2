/** The steps of a module as the player walks them: each section, then the knowledge checks, then the acknowledgement. Pure (texts in the person's language). */
import type { MyModule, OnboardingProgress } from '../../../../api/src/shared/onboarding-learner-contracts';
import { onboardingText } from './messages';

export type PlayerStep = { kind: 'section'; sectionId: string } | { kind: 'checks' } | { kind: 'finish' };

export function stepsOf(module: Pick<MyModule, 'sections' | 'questions'>): PlayerStep[] {
  return [
    ...module.sections.map((section): PlayerStep => ({ kind: 'section', sectionId: section.id })),
    ...(module.questions.length > 0 ? [{ kind: 'checks' } as const] : []),
    { kind: 'finish' },
  ];
}

export function sameStep(a: PlayerStep | null, b: PlayerStep | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind !== 'section' || (b.kind === 'section' && a.sectionId === b.sectionId);
}

/** Where to resume: the first section not yet read, else the checks if any is unanswered, else the end. */
export function firstOpenStep(module: Pick<MyModule, 'sections' | 'questions'>, progress: Pick<OnboardingProgress, 'sectionsDone' | 'answers'>): PlayerStep {
  const done = new Set(progress.sectionsDone);
  const unread = module.sections.find((section) => !done.has(section.id));
  if (unread) return { kind: 'section', sectionId: unread.id };
  const answered = new Set(progress.answers.map((answer) => answer.questionId));
  if (module.questions.some((question) => !answered.has(question.id))) return { kind: 'checks' };
  return { kind: 'finish' };
}

/** What still stands between the person and completing: unread sections and unanswered questions. */
export function missingForCompletion(module: Pick<MyModule, 'sections' | 'questions'>, progress: Pick<OnboardingProgress, 'sectionsDone' | 'answers'>): string[] {
  const done = new Set(progress.sectionsDone);
  const answered = new Set(progress.answers.map((answer) => answer.questionId));
  const unread = module.sections.filter((section) => !done.has(section.id)).map((section) => onboardingText.text('missing.read', { title: section.title }));
  const unanswered = module.questions.filter((question) => !answered.has(question.id)).length;
  return unanswered > 0 ? [...unread, onboardingText.text('missing.answer', { count: unanswered })] : unread;
}

/** Whether a step is done: a section read, every check answered, the finish acknowledged (the module completed). */
export function isStepDone(step: PlayerStep, module: Pick<MyModule, 'questions'>, progress: Pick<OnboardingProgress, 'sectionsDone' | 'answers' | 'completedAt'>): boolean {
  if (step.kind === 'section') return progress.sectionsDone.includes(step.sectionId);
  if (step.kind === 'checks') {
    const answered = new Set(progress.answers.map((answer) => answer.questionId));
    return module.questions.every((question) => answered.has(question.id));
  }
  return progress.completedAt !== null;
}

/** "3 of 4 steps done": counted from what is done, never from where the person is. */
export function stepsDoneText(module: Pick<MyModule, 'sections' | 'questions'>, progress: Pick<OnboardingProgress, 'sectionsDone' | 'answers' | 'completedAt'>): string {
  const steps = stepsOf(module);
  const done = steps.filter((step) => isStepDone(step, module, progress)).length;
  return onboardingText.text('stepsDone', { done, count: steps.length });
}
