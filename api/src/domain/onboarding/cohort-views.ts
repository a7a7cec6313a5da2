/**
 * What the cohort routes answer (pure): summaries, one page of a cohort's people, its assignments.
 * A cohort holds up to 500 people, so its people are answered a page at a time, sorted by name.
 */
import type { PersonDocument } from '../../data/documents.js';
import type { AssignmentDocument, CohortDocument } from '../../data/onboarding-documents.js';
import type { Assignment, Cohort, CohortSummary } from '../../shared/contracts.js';

export interface MemberPageRequest {
  offset: number;
  limit: number;
  /** Case-insensitive; matches the name or the UPN. Empty: everyone. */
  search: string;
}

export function toAssignment(document: AssignmentDocument): Assignment {
  const { id, cohortId, moduleId, moduleVersionId, version, moduleTitle, dueDate, startAt, audience, createdAt } = document;
  return { id, cohortId, moduleId, moduleVersionId, version, moduleTitle, dueDate, startAt, audience, recipientCount: document.recipientIds.length, createdAt };
}

export function toCohortSummary(cohort: CohortDocument & { _etag?: string }, assignmentCount: number): CohortSummary {
  return {
    id: cohort.id,
    name: cohort.name,
    description: cohort.description,
    memberCount: cohort.memberIds.length,
    assignmentCount,
    createdAt: cohort.createdAt,
    etag: cohort._etag ?? '',
  };
}

/** `people` need only hold the cohort's members (others are ignored). */
export function toCohort(
  cohort: CohortDocument & { _etag?: string },
  assignments: readonly AssignmentDocument[],
  people: readonly Pick<PersonDocument, 'id' | 'displayName' | 'upn'>[],
  page: MemberPageRequest,
): Cohort {
  const byId = new Map(people.map((person) => [person.id, person]));
  const needle = page.search.trim().toLowerCase();
  const members = cohort.memberIds
    .map((userId) => ({ userId, displayName: byId.get(userId)?.displayName ?? 'Unknown person', upn: byId.get(userId)?.upn ?? null }))
    .filter((member) => needle === '' || member.displayName.toLowerCase().includes(needle) || (member.upn ?? '').toLowerCase().includes(needle))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
  return {
    ...toCohortSummary(cohort, assignments.length),
    members: members.slice(page.offset, page.offset + page.limit),
    memberPage: { offset: page.offset, limit: page.limit, total: members.length, search: page.search },
    assignments: assignments.map(toAssignment),
  };
}
