/**
 * Documents of the `onboarding` container (partition /tenantId), told apart by `type`. The outbox
 * entries live there too (notifications/outbox.ts), so an assignment and its notifications share a
 * partition and can be written in one transactional batch.
 */
import { createHash } from 'node:crypto';
import type { ModuleContent, ModuleVersionSummary } from '../shared/contracts.js';

/** The editable draft of a module. */
export interface ModuleDocument {
  id: string;
  tenantId: string;
  type: 'module';
  content: ModuleContent;
  /** Published versions, oldest first (their content lives in moduleVersion documents). */
  versions: ModuleVersionSummary[];
  /** True when the draft was edited after the newest publish (or never published). */
  draftChanged: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** A published version: written once, never replaced. id = `${moduleId}-v${version}`. */
export interface ModuleVersionDocument {
  id: string;
  tenantId: string;
  type: 'moduleVersion';
  moduleId: string;
  version: number;
  content: ModuleContent;
  publishedAt: string;
  publishedBy: string;
}

export interface CohortDocument {
  id: string;
  tenantId: string;
  type: 'cohort';
  name: string;
  description: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

export type Audience = 'everyone' | 'completedPreviousVersion';

/**
 * How far the "assigned" notifications of an assignment were queued: recipientIds[0, queued) have
 * their outbox entry, the rest are still to be expanded by the drain (pending = the count left, so
 * the drain can find unfinished plans with one query). Absent on assignments written before plans
 * existed: their entries were written with them.
 */
export interface FanOutProgress {
  queued: number;
  pending: number;
}

/**
 * A cohort × module version, with who it went to (people joining later are appended). It is also the
 * plan of its notifications: written atomically with the cohort guard and its audit entry, and
 * expanded into outbox entries by the drain (see fanOut). id = assignmentIdFor(cohortId, moduleVersionId),
 * so assigning the same version to the same cohort twice can only ever create one.
 */
export interface AssignmentDocument {
  id: string;
  tenantId: string;
  type: 'assignment';
  cohortId: string;
  moduleId: string;
  moduleVersionId: string;
  version: number;
  moduleTitle: string;
  /** yyyy-mm-dd */
  dueDate: string;
  startAt: string | null;
  audience: Audience;
  recipientIds: string[];
  fanOut?: FanOutProgress;
  createdAt: string;
  createdBy: string;
}

export interface StoredAnswer {
  questionId: string;
  selectedOptionIds: string[];
  correct: boolean;
  firstTryCorrect: boolean;
  attempts: number;
  /** The right answer was shown (a correct answer, or the second wrong try); absent on answers stored before: derived. */
  revealed?: boolean;
  answeredAt: string;
}

/** One person's progress through one assignment. id = progressIdFor(assignmentId, userId). */
export interface ProgressDocument {
  id: string;
  tenantId: string;
  type: 'progress';
  assignmentId: string;
  cohortId: string;
  moduleId: string;
  moduleVersionId: string;
  /** The module version taken. */
  version: number;
  userId: string;
  sectionsDone: string[];
  answers: StoredAnswer[];
  startedAt: string | null;
  acknowledgedAt: string | null;
  completedAt: string | null;
  openedFromNotificationAt: string | null;
  updatedAt: string;
}

export type OnboardingDocument = ModuleDocument | ModuleVersionDocument | CohortDocument | AssignmentDocument | ProgressDocument;

export function moduleVersionIdFor(moduleId: string, version: number): string {
  return `${moduleId}-v${version}`;
}

export function progressIdFor(assignmentId: string, userId: string): string {
  return `progress-${assignmentId}-${userId}`;
}

/** One assignment per cohort × module version: a repeated or concurrent "assign" collides on this id. */
export function assignmentIdFor(cohortId: string, moduleVersionId: string): string {
  return `assignment-${createHash('sha256').update(`${cohortId}|${moduleVersionId}`).digest('hex').slice(0, 40)}`;
}
