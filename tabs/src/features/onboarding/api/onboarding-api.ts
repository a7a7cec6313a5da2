/**
 * The new hire's onboarding calls. Schemas come from their own contract file (not the `@contracts`
 * barrel), so this area's chunk carries them and the home view's download doesn't.
 */
import type { ApiClient } from '../../../app/api-client';
import {
  answerResultSchema,
  myModuleSchema,
  myOnboardingSchema,
  progressSchema,
  type AnswerResult,
  type MyModule,
  type MyOnboarding,
  type OnboardingProgress,
} from '../../../../../api/src/shared/onboarding-learner-contracts';

const base = (assignmentId: string) => `/api/me/onboarding/${encodeURIComponent(assignmentId)}`;

export function loadMyOnboarding(client: ApiClient, signal?: AbortSignal): Promise<MyOnboarding> {
  return client.request('/api/me/onboarding', myOnboardingSchema, { signal });
}

export function loadMyModule(client: ApiClient, assignmentId: string, signal?: AbortSignal): Promise<MyModule> {
  return client.request(base(assignmentId), myModuleSchema, { signal });
}

export function saveSectionDone(client: ApiClient, assignmentId: string, sectionId: string, done: boolean): Promise<OnboardingProgress> {
  return client.request(`${base(assignmentId)}/sections/${encodeURIComponent(sectionId)}`, progressSchema, { method: 'PUT', body: { done } });
}

export function submitAnswer(client: ApiClient, assignmentId: string, questionId: string, selectedOptionIds: string[]): Promise<AnswerResult> {
  return client.request(`${base(assignmentId)}/answers`, answerResultSchema, { method: 'POST', body: { questionId, selectedOptionIds } });
}

export function acknowledge(client: ApiClient, assignmentId: string): Promise<OnboardingProgress> {
  return client.request(`${base(assignmentId)}/acknowledge`, progressSchema, { method: 'POST', body: { acknowledged: true } });
}

/** Records that the person came in through the Teams notification (the dashboard's "opened"). */
export function markOpenedFromNotification(client: ApiClient, assignmentId: string): Promise<void> {
  return client.send(`${base(assignmentId)}/opened`, { method: 'POST', body: { via: 'notification' } });
}
