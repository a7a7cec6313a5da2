/**
 * Shared steps of the onboarding routes: writing documents together with their outbox entries
 * (transactional batches in the tenant partition, then a drain), the cohort response, and the new
 * hire's access to an assignment (only their own, only once started; anything else is a 404).
 */
import type { HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import type { DocumentWrite } from '../data/audited-batch.js';
import type { AssignmentDocument, CohortDocument, ModuleVersionDocument, OnboardingDocument, ProgressDocument } from '../data/onboarding-documents.js';
import { progressIdFor } from '../data/onboarding-documents.js';
import type { Stored } from '../data/onboarding-repository.js';
import { chunkAfterHead, toCohort } from '../domain/onboarding/assignment-plan.js';
import { emptyProgress, hasStarted } from '../domain/onboarding/learner-progress.js';
import { problem } from '../http/problem.js';
import { json } from '../http/respond.js';
import { outboxDocumentFor, type NotificationRequest, type OutboxDocument } from '../notifications/outbox.js';
import { DEFAULT_TEAMS_APP_ID, type Services } from '../services.js';

/** The Teams app id in notification deep links (the manifest's id); a fixed placeholder locally. */
export function teamsAppId(): string {
  return process.env.TEAMS_APP_ID ?? DEFAULT_TEAMS_APP_ID;
}

type AnyWrite = DocumentWrite<OnboardingDocument | OutboxDocument>;

/**
 * Writes `head` (the documents whose etags guard the change) and the outbox entries. The first batch
 * holds the head and the first entries, so nothing is queued unless the guarded change is saved;
 * later entries go in further batches, and a retry of one (after a crash) is made idempotent by the
 * outbox's own createMany (entry ids derive from idempotency keys). Then the drain starts.
 */
export async function writeWithNotifications(
  services: Services,
  tenantId: string,
  head: readonly AnyWrite[],
  requests: readonly NotificationRequest[],
  now: Date,
): Promise<'ok' | 'stale' | 'not_found' | 'conflict'> {
  const entries = requests.map((request) => outboxDocumentFor(tenantId, request, now));
  const [first = [], ...rest] = chunkAfterHead(head.length, entries);
  const firstResult = await services.onboarding.batch<OnboardingDocument | OutboxDocument>(tenantId, [
    ...head,
    ...first.map((document): AnyWrite => ({ kind: 'create', document })),
  ]);
  if (firstResult.status !== 'ok') return firstResult.status;
  for (const chunk of rest) {
    const result = await services.onboarding.batch<OutboxDocument>(tenantId, chunk.map((document) => ({ kind: 'create', document })));
    if (result.status === 'conflict') await services.outbox.createMany(tenantId, chunk);
    else if (result.status !== 'ok') throw new Error(`outbox batch failed: ${result.status}`);
  }
  if (entries.length > 0) {
    // Fire and forget: the timer drain picks up anything this one does not finish.
    services.notifications.drainNow(tenantId).catch((error: unknown) => console.error('drainNow failed', error));
  }
  return 'ok';
}

export async function cohortResponse(services: Services, tenantId: string, cohort: Stored<CohortDocument>, status = 200): Promise<HttpResponseInit> {
  const [assignments, people] = await Promise.all([services.onboarding.listAssignmentsForCohort(tenantId, cohort.id), services.directory.listPeople(tenantId)]);
  return json(status, toCohort(cohort, assignments, people), { ETag: cohort._etag });
}

export interface LearnerAssignment {
  assignment: Stored<AssignmentDocument>;
  version: Stored<ModuleVersionDocument>;
  progress: Stored<ProgressDocument> | undefined;
}

/** The caller's own started assignment, its version and their progress; undefined = 404 for anything else. */
export async function learnerAssignment(services: Services, caller: Caller, assignmentId: string, now: Date): Promise<LearnerAssignment | undefined> {
  const { tenantId, userId } = caller;
  const assignment = await services.onboarding.getAssignment(tenantId, assignmentId);
  if (!assignment || !assignment.recipientIds.includes(userId) || !hasStarted(assignment, now)) return undefined;
  const [version, progress] = await Promise.all([
    services.onboarding.getVersion(tenantId, assignment.moduleVersionId),
    services.onboarding.getProgress(tenantId, progressIdFor(assignment.id, userId)),
  ]);
  return version ? { assignment, version, progress } : undefined;
}

/** Saves progress: created on first write, then replaced only if nobody saved in between (else 412-like 'stale'). */
export async function saveProgress(services: Services, learner: LearnerAssignment, next: ProgressDocument): Promise<Stored<ProgressDocument> | 'stale'> {
  const outcome = learner.progress
    ? await services.onboarding.replace(next, learner.progress._etag)
    : await services.onboarding.create(next);
  return outcome.status === 'ok' ? outcome.document : 'stale';
}

export function progressOf(learner: LearnerAssignment, userId: string, now: Date): ProgressDocument {
  return learner.progress ?? emptyProgress(learner.assignment, userId, now.toISOString());
}

/** Two devices saved at once: the person reloads and retries (nothing of theirs is lost silently). */
export const staleProgress = () =>
  problem(409, 'progress_conflict', 'Your progress changed on another device', { detail: 'Reload the module and try again.' });
