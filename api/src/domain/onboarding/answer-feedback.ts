/**
 * What a learner hears about an answer, and when the right one may be shown (pure; no imports but
 * types, so the tab's learner preview in the module editor uses the very same rules).
 */
import type { StoredAnswer } from '../../data/onboarding-documents.js';
import type { AnswerRecord, ModuleContent, Question } from '../../shared/contracts.js';

export function isCorrect(question: Question, selectedOptionIds: readonly string[]): boolean {
  const selected = new Set(selectedOptionIds);
  return selected.size === question.correctOptionIds.length && question.correctOptionIds.every((id) => selected.has(id));
}

/** The right option is shown after this many tries that were all wrong (or after a correct one). */
export const REVEAL_AFTER_WRONG_TRIES = 2;

export function isRevealed(answer: Pick<StoredAnswer, 'revealed' | 'correct' | 'attempts'>): boolean {
  return answer.revealed ?? (answer.correct || answer.attempts >= REVEAL_AFTER_WRONG_TRIES);
}

/** The answer as stored after this try: the FIRST try is what the dashboard counts; once shown, the right answer stays shown. */
export function recordAnswer(previous: StoredAnswer | undefined, question: Question, selectedOptionIds: readonly string[], now: string): StoredAnswer {
  const correct = isCorrect(question, selectedOptionIds);
  const attempts = (previous?.attempts ?? 0) + 1;
  return {
    questionId: question.id,
    selectedOptionIds: [...selectedOptionIds],
    correct,
    firstTryCorrect: previous ? previous.firstTryCorrect : correct,
    attempts,
    revealed: (previous ? isRevealed(previous) : false) || correct || attempts >= REVEAL_AFTER_WRONG_TRIES,
    answeredAt: now,
  };
}

/**
 * What the learner may know about their answer. Before it is revealed: only that it is wrong, and
 * why the options THEY picked are wrong (their authors' explanations, the question's hint) — never
 * the right options, the question's explanation, or an explanation of a right option they picked
 * (in a multiple-choice question that would give part of the answer away).
 */
export function toAnswerRecord(answer: StoredAnswer, content: ModuleContent): AnswerRecord {
  const question = content.questions.find((candidate) => candidate.id === answer.questionId);
  const revealed = isRevealed(answer);
  const right = new Set(question?.correctOptionIds ?? []);
  const picked = (question?.options ?? []).filter((option) => answer.selectedOptionIds.includes(option.id) && option.explanation);
  const feedback = [
    ...picked.filter((option) => revealed || !right.has(option.id)).map((option) => option.explanation!),
    ...(!answer.correct && !revealed && question?.hint ? [question.hint] : []),
  ];
  return {
    questionId: answer.questionId,
    selectedOptionIds: answer.selectedOptionIds,
    correct: answer.correct,
    firstTryCorrect: answer.firstTryCorrect,
    attempts: answer.attempts,
    revealed,
    correctOptionIds: revealed ? (question?.correctOptionIds ?? []) : [],
    explanation: revealed ? (question?.explanation ?? '') : '',
    feedback,
  };
}

