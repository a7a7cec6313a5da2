/**
 * Planning assignments (pure): which assignment documents an "assign" writes, who receives each
 * module, and who of the people joining a cohort later gains an existing assignment.
 *
 * Nobody holds the same module version twice: an assignment's id is fixed by (cohort, version), so a
 * repeated or concurrent "assign" of the same version to the same cohort finds it instead of adding
 * one; and people who already hold the version through another cohort are left out of a new one.
 * (Two cohorts assigning the same version at the same instant can still both list a person; the
 * fan-out settles that with the outbox entry keyed by version and person, see fan-out.ts.)
 */
import type { AssignmentDocument, Audience, CohortDocument, ModuleVersionDocument, ProgressDocument } from '../../data/onboarding-documents.js';
import { assignmentIdFor } from '../../data/onboarding-documents.js';
import { assignedContent, moduleDeepLink } from '../../notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, type NotificationRequest } from '../../notifications/outbox.js';
import { progressOf } from './fan-out.js';

export interface AssignInput {
  tenantId: string;
  cohort: Pick<CohortDocument, 'id' | 'memberIds'>;
  versions: readonly ModuleVersionDocument[];
  dueDate: string;
  startAt: string | null;
  audience: Audience;
  /** Completed progress of the cohort's members on any assignment (for audience completedPreviousVersion). */
  completed: readonly Pick<ProgressDocument, 'userId' | 'moduleId' | 'version' | 'completedAt'>[];
  /** Every assignment of these versions, to any cohort (this cohort's own included). */
  assignmentsOfVersions: readonly AssignmentDocument[];
  createdBy: string;
  now: string;
  /** Members who no longer count (account disabled or removed from the directory): not assigned anything new. */
  inactive?: ReadonlySet<string>;
}

export interface AssignPlan {
  /** New assignments, in the order the versions were asked for. */
  create: AssignmentDocument[];
  /** Versions this cohort already had: the stored assignments, answered as they are. */
  existing: AssignmentDocument[];
}

/** Who holds each version already, through any assignment. */
export function holdersByVersion(assignments: readonly Pick<AssignmentDocument, 'moduleVersionId' | 'recipientIds'>[]): Map<string, Set<string>> {
  const holders = new Map<string, Set<string>>();
  for (const assignment of assignments) {
    const set = holders.get(assignment.moduleVersionId) ?? new Set<string>();
    for (const userId of assignment.recipientIds) set.add(userId);
    holders.set(assignment.moduleVersionId, set);
  }
  return holders;
}

export function planAssignments(input: AssignInput): AssignPlan {
  const stored = new Map(input.assignmentsOfVersions.map((assignment) => [assignment.id, assignment]));
  const holders = holdersByVersion(input.assignmentsOfVersions);
  const plan: AssignPlan = { create: [], existing: [] };
  for (const version of input.versions) {
    const id = assignmentIdFor(input.cohort.id, version.id);
    const existing = stored.get(id);
    if (existing) {
      plan.existing.push(existing);
      continue;
    }
    const held = holders.get(version.id) ?? new Set<string>();
    const audience =
      input.audience === 'everyone'
        ? input.cohort.memberIds
        : input.cohort.memberIds.filter((userId) =>
            input.completed.some((entry) => entry.userId === userId && entry.moduleId === version.moduleId && entry.version < version.version && entry.completedAt),
          );
    const recipientIds = audience.filter((userId) => !held.has(userId) && !input.inactive?.has(userId));
    plan.create.push({
      id,
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
      recipientIds,
      fanOut: { queued: 0, pending: recipientIds.length },
      createdAt: input.now,
      createdBy: input.createdBy,
    });
  }
  return plan;
}

/**
 * One "assigned" notification per recipient; held back until the scheduled start. The idempotency
 * key names the module VERSION and the person (not the assignment), so a person who somehow ends up
 * on two assignments of one version is still notified once.
 */
export function assignedNotifications(assignment: AssignmentDocument, userIds: readonly string[], teamsAppId: string): NotificationRequest[] {
  const content = assignedContent(assignment.moduleTitle, assignment.dueDate, moduleDeepLink(teamsAppId, assignment.id));
  return userIds.map((userId) => ({
    recipientUserId: userId,
    kind: 'assigned',
    assignmentId: assignment.id,
    idempotencyKey: assignedIdempotencyKey(assignment.moduleVersionId, userId),
    chainKey: assignedChainKey(assignment.id),
    content,
    ...(assignment.startAt ? { notBefore: assignment.startAt } : {}),
  }));
}

/**
 * People added to a cohort also receive every "everyone" assignment it already has, unless they
 * hold that version already (through another cohort). They join the plan's unexpanded tail.
 */
export function extendAssignments(
  assignments: readonly AssignmentDocument[],
  newMemberIds: readonly string[],
  holders: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { assignment: AssignmentDocument; added: string[] }[] {
  return assignments
    .filter((assignment) => assignment.audience === 'everyone')
    .map((assignment) => {
      const have = new Set(assignment.recipientIds);
      const held = holders.get(assignment.moduleVersionId);
      const added = newMemberIds.filter((userId) => !have.has(userId) && !held?.has(userId));
      const progress = progressOf(assignment);
      return {
        assignment: { ...assignment, recipientIds: [...assignment.recipientIds, ...added], fanOut: { queued: progress.queued, pending: progress.pending + added.length } },
        added,
      };
    })
    .filter((entry) => entry.added.length > 0);
}
