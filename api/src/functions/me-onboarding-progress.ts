import { acknowledge, answerQuestion, markOpenedFromNotification, setSectionDone, toAnswerRecord, toProgress } from '../domain/onboarding/learner-progress.js';
import { contentIn } from '../domain/onboarding/module-language.js';
import { negotiateModuleLanguage } from '../domain/onboarding/module-language-negotiation.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';
import { acknowledgeSchema, openedSchema, sectionProgressSchema, submitAnswerSchema } from '../shared/contracts.js';
import { learnerAssignment, progressOf, saveProgress, staleProgress } from './onboarding-support.js';

/** PUT /api/me/onboarding/{assignmentId}/sections/{sectionId} {done} → 200 progress. Saved per section, so it resumes anywhere. */
export const meOnboardingSectionPut = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'assignmentId');
  if (!id.ok) return id.response;
  const sectionId = parseIdParam(request, 'sectionId');
  if (!sectionId.ok) return sectionId.response;
  const now = services.now();
  const learner = await learnerAssignment(services, caller, id.value, now);
  if (!learner) return problems.notFound();
  const body = await parseJsonBody(request, sectionProgressSchema);
  if (!body.ok) return body.response;
  const { content } = learner.version;
  const next = setSectionDone(progressOf(learner, caller.userId, now), content, sectionId.value, body.value.done, now.toISOString());
  if (!next) return problems.notFound('This module has no such section.');
  const saved = await saveProgress(services, learner, next);
  return saved === 'stale' ? staleProgress() : json(200, toProgress(saved, content));
});

/** POST /api/me/onboarding/{assignmentId}/answers {questionId, selectedOptionIds} → 200 {answer, progress}: immediate feedback. */
export const meOnboardingAnswer = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'assignmentId');
  if (!id.ok) return id.response;
  const now = services.now();
  const learner = await learnerAssignment(services, caller, id.value, now);
  if (!learner) return problems.notFound();
  const body = await parseJsonBody(request, submitAnswerSchema);
  if (!body.ok) return body.response;
  const { content } = learner.version;
  const outcome = answerQuestion(progressOf(learner, caller.userId, now), content, body.value.questionId, body.value.selectedOptionIds, now.toISOString());
  if (!outcome.ok) {
    return outcome.reason === 'unknown_question'
      ? problems.validation([{ path: 'questionId', message: 'This module has no such question' }])
      : problems.validation([{ path: outcome.path, message: outcome.message }]);
  }
  const saved = await saveProgress(services, learner, outcome.progress);
  if (saved === 'stale') return staleProgress();
  // Judged against the original's right answers (a translation has the same ids); explained in the reader's language.
  const explained = contentIn(content, negotiateModuleLanguage(content, request.headers.get('accept-language')));
  return json(200, { answer: toAnswerRecord(outcome.answer, explained), progress: toProgress(saved, content) });
});

/** POST /api/me/onboarding/{assignmentId}/acknowledge {acknowledged: true} → 200 progress (completed) | 409 incomplete. */
export const meOnboardingAcknowledge = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'assignmentId');
  if (!id.ok) return id.response;
  const now = services.now();
  const learner = await learnerAssignment(services, caller, id.value, now);
  if (!learner) return problems.notFound();
  const body = await parseJsonBody(request, acknowledgeSchema);
  if (!body.ok) return body.response;
  const { content } = learner.version;
  const current = progressOf(learner, caller.userId, now);
  const next = acknowledge(current, content, now.toISOString());
  if (!('type' in next)) {
    const errors = [
      ...next.sections.map((sectionId) => ({ path: `sections.${sectionId}`, message: 'Finish this section first' })),
      ...next.questions.map((questionId) => ({ path: `questions.${questionId}`, message: 'Answer this question first' })),
    ];
    return problem(409, 'incomplete', 'Finish the module before acknowledging', { detail: 'Every section and knowledge check comes first.', errors });
  }
  if (next === current && learner.progress) return json(200, toProgress(learner.progress, content));
  const saved = await saveProgress(services, learner, next);
  return saved === 'stale' ? staleProgress() : json(200, toProgress(saved, content));
});

/** POST /api/me/onboarding/{assignmentId}/opened {via: 'notification'} → 200 progress; the first opening is kept. */
export const meOnboardingOpened = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'assignmentId');
  if (!id.ok) return id.response;
  const now = services.now();
  const learner = await learnerAssignment(services, caller, id.value, now);
  if (!learner) return problems.notFound();
  const body = await parseJsonBody(request, openedSchema);
  if (!body.ok) return body.response;
  const { content } = learner.version;
  const current = progressOf(learner, caller.userId, now);
  if (learner.progress?.openedFromNotificationAt) return json(200, toProgress(learner.progress, content));
  const saved = await saveProgress(services, learner, markOpenedFromNotification(current, now.toISOString()));
  return saved === 'stale' ? staleProgress() : json(200, toProgress(saved, content));
});
