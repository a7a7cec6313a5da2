/**
 * Where the notification timer's reminders come from: the tenant's assignments not yet past due,
 * each with its recipients and whether they completed it (the planner skips those who did).
 */
import { moduleDeepLink } from '../notifications/notification-content.js';
import type { ReminderSource } from '../notifications/notification-service.js';
import type { OnboardingRepository } from './onboarding-repository.js';

export function onboardingReminderSource(onboarding: OnboardingRepository, teamsAppId: () => string, now: () => Date = () => new Date()): ReminderSource {
  return async (tenantId) => {
    const assignments = await onboarding.listAssignmentsDueFrom(tenantId, now().toISOString().slice(0, 10));
    const progress = await onboarding.listProgressForAssignments(tenantId, assignments.map((assignment) => assignment.id));
    const completed = new Set(progress.filter((entry) => entry.completedAt).map((entry) => `${entry.assignmentId}|${entry.userId}`));
    return assignments.map((assignment) => ({
      assignmentId: assignment.id,
      dueDate: assignment.dueDate,
      ...(assignment.startAt ? { startAt: assignment.startAt } : {}),
      moduleTitle: assignment.moduleTitle,
      webUrl: moduleDeepLink(teamsAppId(), assignment.id),
      people: assignment.recipientIds.map((userId) => ({ userId, completed: completed.has(`${assignment.id}|${userId}`) })),
    }));
  };
}
