/**
 * Assigning module versions to a cohort: ONE transactional batch in the tenant partition holds the
 * cohort (etag guard: members added meanwhile would otherwise miss the assignment), the new
 * assignments — each the plan of its notifications — and their audit entries. The notifications are
 * written and sent by the drain from the plan, so however large the cohort, the request writes a
 * fixed handful of documents and a crash can never leave half of it queued.
 *
 * Idempotent: an assignment's id is fixed by (cohort, version), so a repeat finds what the first
 * request stored and answers it, and a concurrent identical request either wins or finds it.
 */
import type { AssignmentDocument, CohortDocument, ModuleVersionDocument } from '../data/onboarding-documents.js';
import type { Stored } from '../data/onboarding-repository.js';
import { planAssignments } from '../domain/onboarding/assignment-plan.js';
import type { AuthorisedCaller } from '../http/authorise.js';
import type { Services } from '../services.js';
import type { CreateAssignmentsInput } from '../shared/contracts.js';
import { onboardingAudit, startDrain } from './onboarding-support.js';

/** A cohort keeps at most this many assignments: adding a member updates each one in the same batch. */
export const MAX_ASSIGNMENTS_PER_COHORT = 50;

const ATTEMPTS = 5;

export type AssignOutcome =
  | { status: 'ok'; created: AssignmentDocument[]; existing: AssignmentDocument[] }
  | { status: 'not_found' | 'busy' }
  | { status: 'too_many'; limit: number };

export interface AssignRequest {
  authorised: AuthorisedCaller;
  cohortId: string;
  versions: readonly Stored<ModuleVersionDocument>[];
  body: Required<Pick<CreateAssignmentsInput, 'dueDate' | 'audience'>> & { startAt: string | null };
}

async function completedProgress(services: Services, cohort: Stored<CohortDocument>, request: AssignRequest) {
  if (request.body.audience !== 'completedPreviousVersion') return [];
  const { tenantId } = cohort;
  const earlier = await services.onboarding.listAssignmentsForCohort(tenantId, cohort.id);
  return (await services.onboarding.listProgressForAssignments(tenantId, earlier.map((assignment) => assignment.id))).filter((entry) => entry.completedAt);
}

export async function assignModules(services: Services, request: AssignRequest): Promise<AssignOutcome> {
  const { tenantId, userId } = request.authorised.caller;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const cohort = await services.onboarding.getCohort(tenantId, request.cohortId);
    if (!cohort) return { status: 'not_found' };
    const [ofVersions, cohortAssignments, completed, inactive] = await Promise.all([
      services.onboarding.listAssignmentsForVersions(tenantId, request.versions.map((version) => version.id)),
      services.onboarding.listAssignmentsForCohort(tenantId, cohort.id),
      completedProgress(services, cohort, request),
      services.teams.listInactivePeopleIds(tenantId),
    ]);
    const now = services.now();
    const plan = planAssignments({
      tenantId,
      cohort,
      versions: request.versions,
      dueDate: request.body.dueDate,
      startAt: request.body.startAt,
      audience: request.body.audience,
      completed,
      assignmentsOfVersions: ofVersions,
      createdBy: userId,
      now: now.toISOString(),
      inactive: new Set(inactive),
    });
    if (plan.create.length === 0) return { status: 'ok', created: [], existing: plan.existing };
    if (cohortAssignments.length + plan.create.length > MAX_ASSIGNMENTS_PER_COHORT) return { status: 'too_many', limit: MAX_ASSIGNMENTS_PER_COHORT };

    const audits = plan.create.map((assignment) =>
      onboardingAudit(services, request.authorised, {
        entityType: 'assignment',
        entityId: assignment.id,
        action: 'create',
        before: null,
        after: assignment,
        note: `assigned ${assignment.moduleTitle} (version ${assignment.version}) to ${assignment.recipientIds.length} people of ${cohort.name}`,
      }),
    );
    const result = await services.onboarding.batch<CohortDocument | AssignmentDocument>(
      tenantId,
      [{ kind: 'replace', document: { ...cohort, updatedAt: now.toISOString() }, ifMatch: cohort._etag }, ...plan.create.map((document) => ({ kind: 'create' as const, document }))],
      audits,
    );
    if (result.status === 'ok') {
      startDrain(services, tenantId);
      return { status: 'ok', created: plan.create, existing: plan.existing };
    }
    if (result.status === 'not_found') return { status: 'not_found' };
    // stale (the cohort changed) or conflict (an identical request just stored it): look again.
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
  }
  return { status: 'busy' };
}
