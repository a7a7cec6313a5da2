/**
 * Planning assignments (pure): which documents an "assign" writes, who receives each module,
 * which notification each recipient gets, and how writes are cut into transactional batches.
 */
import type { PersonDocument } from '../../data/documents.js';
import type { AssignmentDocument, Audience, CohortDocument, ModuleVersionDocument, ProgressDocument } from '../../data/onboarding-documents.js';
import { assignedContent, moduleDeepLink } from '../../notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, type NotificationRequest } from '../../notifications/outbox.js';
import type { Assignment, Cohort, CohortSummary } from '../../shared/contracts.js';

export const MAX_BATCH_OPERATIONS = 100;

export interface AssignInput {
  tenantId: string;
  cohort: Pick<CohortDocument, 'id' | 'memberIds'>;
  versions: readonly ModuleVersionDocument[];
  dueDate: string;
  startAt: string | null;
  audience: Audience;
  /** Completed progress of the cohort's members on any assignment (for audience completedPreviousVersion). */
  completed: readonly Pick<ProgressDocument, 'userId' | 'moduleId' | 'version' | 'completedAt'>[];
  createdBy: string;
  now: string;
  newId: () => string;
}

export function planAssignments(input: AssignInput): AssignmentDocument[] {
  return input.versions.map((version) => {
    const recipients =
      input.audience === 'everyone'
        ? input.cohort.memberIds
        : input.cohort.memberIds.filter((userId) =>
            input.completed.some((entry) => entry.userId === userId && entry.moduleId === version.moduleId && entry.version < version.version && entry.completedAt),
          );
    return {
      id: input.newId(),
      tenantId: input.tenantId,
      type: 'assignment',
      cohortId: input.cohort.id,
      moduleId: version.moduleId,
      moduleVersionId: version.id,
      version: version.version,
      moduleTitle: version.content.title,
      dueDate: input.dueDate,
      startAt: input.startAt,
      audience: input.audience,
      recipientIds: [...recipients],
      createdAt: input.now,
      createdBy: input.createdBy,
    };
  });
}

/** One "assigned" notification per recipient; held back until the scheduled start. */
export function assignedNotifications(assignment: AssignmentDocument, userIds: readonly string[], teamsAppId: string): NotificationRequest[] {
  const content = assignedContent(assignment.moduleTitle, assignment.dueDate, moduleDeepLink(teamsAppId, assignment.id));
  return userIds.map((userId) => ({
    recipientUserId: userId,
    kind: 'assigned',
    assignmentId: assignment.id,
    idempotencyKey: assignedIdempotencyKey(assignment.id, userId),
    chainKey: assignedChainKey(assignment.id),
    content,
    ...(assignment.startAt ? { notBefore: assignment.startAt } : {}),
  }));
}

/** Splits `tail` so the first batch holds `headCount` documents plus as many tail items as fit. */
export function chunkAfterHead<T>(headCount: number, tail: readonly T[], size = MAX_BATCH_OPERATIONS): T[][] {
  if (headCount > size) throw new RangeError(`a batch holds at most ${size} operations`);
  const first = tail.slice(0, size - headCount);
  const chunks: T[][] = [first];
  for (let index = first.length; index < tail.length; index += size) chunks.push(tail.slice(index, index + size));
  return chunks;
}

/** People added to a cohort also receive every "everyone" assignment it already has. */
export function extendAssignments(assignments: readonly AssignmentDocument[], newMemberIds: readonly string[]): { assignment: AssignmentDocument; added: string[] }[] {
  return assignments
    .filter((assignment) => assignment.audience === 'everyone')
    .map((assignment) => {
      const have = new Set(assignment.recipientIds);
      const added = newMemberIds.filter((userId) => !have.has(userId));
      return { assignment: { ...assignment, recipientIds: [...assignment.recipientIds, ...added] }, added };
    })
    .filter((entry) => entry.added.length > 0);
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

export function toCohort(cohort: CohortDocument & { _etag?: string }, assignments: readonly AssignmentDocument[], people: readonly PersonDocument[]): Cohort {
  const byId = new Map(people.map((person) => [person.id, person]));
  return {
    ...toCohortSummary(cohort, assignments.length),
    members: cohort.memberIds
      .map((userId) => ({ userId, displayName: byId.get(userId)?.displayName ?? 'Unknown person', upn: byId.get(userId)?.upn ?? null }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    assignments: assignments.map(toAssignment),
  };
}
