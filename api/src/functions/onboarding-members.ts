/**
 * Adding people to a cohort, shared by add-by-id, CSV import and Entra group import: the cohort and
 * every "everyone" assignment it has gain the new people in one guarded batch, with an "assigned"
 * notification queued for each of them (so people who join later get existing assignments too).
 */
import type { CohortDocument } from '../data/onboarding-documents.js';
import type { Stored } from '../data/onboarding-repository.js';
import { assignedNotifications, extendAssignments } from '../domain/onboarding/assignment-plan.js';
import { ONBOARDING_LIMITS } from '../shared/contracts.js';
import type { Services } from '../services.js';
import { teamsAppId, writeWithNotifications } from './onboarding-support.js';

export type AddMembersOutcome = { status: 'ok' | 'stale' | 'not_found' | 'conflict' } | { status: 'too_many'; limit: number };

export async function addMembers(services: Services, cohort: Stored<CohortDocument>, userIds: readonly string[], now: Date): Promise<AddMembersOutcome> {
  const present = new Set(cohort.memberIds);
  const newIds = [...new Set(userIds)].filter((userId) => !present.has(userId));
  if (newIds.length === 0) return { status: 'ok' };
  if (cohort.memberIds.length + newIds.length > ONBOARDING_LIMITS.cohortMembers) return { status: 'too_many', limit: ONBOARDING_LIMITS.cohortMembers };

  const { tenantId } = cohort;
  const assignments = await services.onboarding.listAssignmentsForCohort(tenantId, cohort.id);
  const etags = new Map(assignments.map((assignment) => [assignment.id, assignment._etag]));
  const extended = extendAssignments(assignments, newIds);
  const nextCohort: CohortDocument = { ...cohort, memberIds: [...cohort.memberIds, ...newIds], updatedAt: now.toISOString() };
  const requests = extended.flatMap(({ assignment, added }) => assignedNotifications(assignment, added, teamsAppId()));
  const status = await writeWithNotifications(
    services,
    tenantId,
    [
      { kind: 'replace', document: nextCohort, ifMatch: cohort._etag },
      ...extended.map(({ assignment }) => ({ kind: 'replace' as const, document: assignment, ifMatch: etags.get(assignment.id)! })),
    ],
    requests,
    now,
  );
  return { status };
}

/** Ids of the tenant's people, for checking requested members exist (another tenant's ids do not). */
export async function knownPeople(services: Services, tenantId: string) {
  return services.directory.listPeople(tenantId);
}
