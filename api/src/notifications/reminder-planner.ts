/**
 * Which reminders to queue today. Pure. A person who has not completed an assignment that has
 * started gets a reminder on each configured day before its due date and on the due date itself;
 * never for a completed assignment; and never more than one reminder per person per day, even
 * with several assignments due (the one due first is the one mentioned). The idempotency key is
 * per person per day, so running the planner again the same day queues nothing new.
 */
import { reminderChainKey, reminderIdempotencyKey, type NotificationContent, type NotificationRequest } from './outbox.js';
import { reminderContent } from './notification-content.js';

export interface ReminderAssignment {
  assignmentId: string;
  /** yyyy-mm-dd */
  dueDate: string;
  /** ISO; nothing is sent before it. */
  startAt?: string;
  moduleTitle: string;
  webUrl: string;
  people: readonly { userId: string; completed: boolean }[];
  /** What the reminder says, when it is not an onboarding module's (e.g. an open alignment round). */
  content?: NotificationContent;
}

export interface ReminderSettings {
  /** e.g. [3, 1]: three days and one day before the due date (the due date itself always). */
  daysBefore: readonly number[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { daysBefore: [3, 1] };

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isReminderDay(dueDate: string, today: string, settings: ReminderSettings): boolean {
  return today === dueDate || settings.daysBefore.some((days) => addDays(dueDate, -days) === today);
}

export function planReminders(
  assignments: readonly ReminderAssignment[],
  now: Date,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): NotificationRequest[] {
  const today = now.toISOString().slice(0, 10);
  const chosen = new Map<string, ReminderAssignment>();
  for (const assignment of assignments) {
    if (assignment.startAt && assignment.startAt > now.toISOString()) continue;
    if (!isReminderDay(assignment.dueDate, today, settings)) continue;
    for (const person of assignment.people) {
      if (person.completed) continue;
      const current = chosen.get(person.userId);
      const earlier =
        !current ||
        assignment.dueDate < current.dueDate ||
        (assignment.dueDate === current.dueDate && assignment.assignmentId < current.assignmentId);
      if (earlier) chosen.set(person.userId, assignment);
    }
  }
  return [...chosen].map(([userId, assignment]) => ({
    recipientUserId: userId,
    kind: 'reminder',
    assignmentId: assignment.assignmentId,
    idempotencyKey: reminderIdempotencyKey(userId, today),
    chainKey: reminderChainKey(assignment.assignmentId, today),
    content: assignment.content ?? reminderContent(assignment.moduleTitle, assignment.dueDate, assignment.webUrl, today),
  }));
}
