/**
 * Changing who is in a cohort, shared by add-by-id, CSV import and Entra group import (and removal):
 * the cohort, every "everyone" assignment the new people gain (their plans grow by them) and one
 * audit entry go in one guarded transactional batch; the drain then queues and sends the new
 * people's notifications exactly as for a new assignment. Another change landing first (a stale
 * etag) is re-read and retried: adding and removing people are idempotent, so that is always safe.
 */
import type { AuditAction } from '../data/audit.js';
import type { AssignmentDocument, CohortDocument } from '../data/onboarding-documents.js';
import type { Stored } from '../data/onboarding-repository.js';
import { extendAssignments, holdersByVersion } from '../domain/onboarding/assignment-plan.js';
import type { AuthorisedCaller } from '../http/authorise.js';
import { ONBOARDING_LIMITS } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { onboardingAudit, startDrain } from './onboarding-support.js';

const ATTEMPTS = 5;

export type MembersOutcome = { status: 'ok'; cohort: Stored<CohortDocument> } | { status: 'not_found' | 'busy' } | { status: 'too_many'; limit: number };

type Step = { status: 'done'; cohort: Stored<CohortDocument> } | { status: 'retry' } | Exclude<MembersOutcome, { status: 'ok' }>;

async function withRetries(services: Services, tenantId: string, cohortId: string, step: (cohort: Stored<CohortDocument>) => Promise<Step>): Promise<MembersOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const cohort = await services.onboarding.getCohort(tenantId, cohortId);
    if (!cohort) return { status: 'not_found' };
    const outcome = await step(cohort);
    if (outcome.status === 'done') return { status: 'ok', cohort: outcome.cohort };
    if (outcome.status !== 'retry') return outcome;
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
  }
  return { status: 'busy' };
}

export async function addMembers(
  services: Services,
  authorised: AuthorisedCaller,
  cohortId: string,
  userIds: readonly string[],
  how: { action: Extract<AuditAction, 'update' | 'import'>; source: string },
): Promise<MembersOutcome> {
  const { tenantId } = authorised.caller;
  return withRetries(services, tenantId, cohortId, async (cohort) => {
    const present = new Set(cohort.memberIds);
    const newIds = [...new Set(userIds)].filter((userId) => !present.has(userId));
    if (newIds.length === 0) return { status: 'done', cohort };
    if (cohort.memberIds.length + newIds.length > ONBOARDING_LIMITS.cohortMembers) return { status: 'too_many', limit: ONBOARDING_LIMITS.cohortMembers };

    const assignments = await services.onboarding.listAssignmentsForCohort(tenantId, cohort.id);
    const holders = holdersByVersion(await services.onboarding.listAssignmentsForVersions(tenantId, [...new Set(assignments.map((assignment) => assignment.moduleVersionId))]));
    const etags = new Map(assignments.map((assignment) => [assignment.id, assignment._etag]));
    const extended = extendAssignments(assignments, newIds, holders);
    const now = services.now().toISOString();
    const next: CohortDocument = { ...cohort, memberIds: [...cohort.memberIds, ...newIds], updatedAt: now };
    const audit = onboardingAudit(services, authorised, {
      entityType: 'cohort',
      entityId: cohort.id,
      action: how.action,
      before: cohort,
      after: next,
      note: `added ${newIds.length === 1 ? '1 person' : `${newIds.length} people`} (${how.source})`,
    });
    const result = await services.onboarding.batch<CohortDocument | AssignmentDocument>(
      tenantId,
      [
        { kind: 'replace', document: next, ifMatch: cohort._etag },
        ...extended.map(({ assignment }) => ({ kind: 'replace' as const, document: assignment, ifMatch: etags.get(assignment.id)! })),
      ],
      [audit],
    );
    if (result.status === 'not_found') return { status: 'not_found' };
    if (result.status !== 'ok') return { status: 'retry' };
    if (extended.length > 0) startDrain(services, tenantId);
    return { status: 'done', cohort: result.documents[0] as Stored<CohortDocument> };
  });
}

/** What they were already assigned stays theirs, with its progress; no new assignment reaches them. */
export async function removeMember(services: Services, authorised: AuthorisedCaller, cohortId: string, userId: string): Promise<MembersOutcome> {
  const { tenantId } = authorised.caller;
  return withRetries(services, tenantId, cohortId, async (cohort) => {
    if (!cohort.memberIds.includes(userId)) return { status: 'not_found' };
    const next: CohortDocument = { ...cohort, memberIds: cohort.memberIds.filter((member) => member !== userId), updatedAt: services.now().toISOString() };
    const audit = onboardingAudit(services, authorised, { entityType: 'cohort', entityId: cohort.id, action: 'update', before: cohort, after: next, note: `removed ${userId}` });
    const result = await services.onboarding.batch<CohortDocument>(tenantId, [{ kind: 'replace', document: next, ifMatch: cohort._etag }], [audit]);
    if (result.status === 'ok') return { status: 'done', cohort: result.documents[0] as Stored<CohortDocument> };
    return result.status === 'not_found' ? { status: 'not_found' } : { status: 'retry' };
  });
}
