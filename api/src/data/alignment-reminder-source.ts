/**
 * Reminders for open alignment rounds, through the notification timer's reminder planner: each open
 * round is "due" on its closing day, and the leaders who have answered count as done. The planner
 * then reminds the others 3 and 1 days before and on the day, at most one reminder per person per
 * day (shared with onboarding reminders: the one due first is sent).
 */
import { alignmentReminderContent, roundDeepLink } from '../notifications/notification-content.js';
import type { ReminderSource } from '../notifications/notification-service.js';
import type { AlignmentRoundRepository } from './alignment-round-repository.js';

export function alignmentRoundReminderSource(rounds: AlignmentRoundRepository, teamsAppId: () => string, now: () => Date = () => new Date()): ReminderSource {
  return async (tenantId) => {
    const at = now().toISOString();
    const open = (await rounds.listOpen(tenantId)).filter((round) => round.closesAt > at);
    return open.map((round) => {
      const dueDate = round.closesAt.slice(0, 10);
      const webUrl = roundDeepLink(teamsAppId(), round.id);
      const answered = new Set(round.answeredLeaderIds);
      return {
        assignmentId: round.id,
        dueDate,
        moduleTitle: round.question,
        webUrl,
        people: round.leaderIds.map((userId) => ({ userId, completed: answered.has(userId) })),
        // The planner reminds on the day it runs: the day the reminder is for.
        content: alignmentReminderContent(round.question, dueDate, webUrl, at.slice(0, 10)),
      };
    });
  };
}

/** Every source's reminders together (the planner keeps one per person per day). */
export function combinedReminderSources(...sources: ReminderSource[]): ReminderSource {
  return async (tenantId) => (await Promise.all(sources.map((source) => source(tenantId)))).flat();
}
