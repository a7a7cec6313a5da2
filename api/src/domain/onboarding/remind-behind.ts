/**
 * "Remind the people behind" on a cohort's dashboard (pure): who is behind on a module, by the
 * dashboard's own rule (not completed, and overdue or not started), each on the newest assignment of
 * the module they received; and the reminder each gets. The reminders are the daily reminders' kind
 * with the same key (one per person per day, whatever reminded them), so a leader pressing the button
 * twice, or the timer's reminder that morning, never makes a second one.
 */
import type { AssignmentDocument, ProgressDocument } from '../../data/onboarding-documents.js';
import { moduleDeepLink, reminderContent } from '../../notifications/notification-content.js';
import { reminderChainKey, reminderIdempotencyKey, type NotificationRequest } from '../../notifications/outbox.js';
import { hasStarted, isOverdue, statusOf } from './learner-progress.js';

export interface RemindBehindInput {
  /** The module's assignments to this cohort. */
  assignments: readonly AssignmentDocument[];
  progress: readonly Pick<ProgressDocument, 'assignmentId' | 'userId' | 'completedAt' | 'startedAt'>[];
  /** Disabled or removed people: never reminded (they are out of the dashboard's figures too). */
  inactive: ReadonlySet<string>;
  teamsAppId: string;
  now: Date;
}

export function remindersForPeopleBehind(input: RemindBehindInput): NotificationRequest[] {
  const today = input.now.toISOString().slice(0, 10);
  const progress = new Map(input.progress.map((entry) => [`${entry.assignmentId}|${entry.userId}`, entry]));
  const newestFirst = [...input.assignments].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
  const current = new Map<string, AssignmentDocument>();
  for (const assignment of newestFirst) for (const userId of assignment.recipientIds) if (!current.has(userId)) current.set(userId, assignment);

  const requests: NotificationRequest[] = [];
  for (const [userId, assignment] of current) {
    // Not yet visible to them (scheduled start), or no longer counted: nothing to remind them of.
    if (input.inactive.has(userId) || !hasStarted(assignment, input.now)) continue;
    const mine = progress.get(`${assignment.id}|${userId}`);
    const behind = !mine?.completedAt && (isOverdue(assignment.dueDate, mine?.completedAt, input.now) || statusOf(mine) === 'not_started');
    if (!behind) continue;
    requests.push({
      recipientUserId: userId,
      kind: 'reminder',
      assignmentId: assignment.id,
      idempotencyKey: reminderIdempotencyKey(userId, today),
      chainKey: reminderChainKey(assignment.id, today),
      content: reminderContent(assignment.moduleTitle, assignment.dueDate, moduleDeepLink(input.teamsAppId, assignment.id), today),
    });
  }
  return requests.sort((a, b) => a.recipientUserId.localeCompare(b.recipientUserId));
}
