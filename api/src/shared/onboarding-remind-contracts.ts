/**
 * "Remind the people behind" on a cohort's dashboard (issue 13). Re-exported (via onboarding-contracts.ts)
 * from contracts.ts; imports only zod (no cycle).
 */
import { z } from 'zod';
import { opaqueId } from './text-schemas.js';

/** POST /api/cohorts/{id}/remind {moduleId} — remind everyone behind on that module (Leader/Admin). */
export const remindPeopleBehindSchema = z.strictObject({ moduleId: opaqueId() });
export type RemindPeopleBehindInput = z.infer<typeof remindPeopleBehindSchema>;

/**
 * → 200. `behind` counts everyone behind in the cohort (not only the people the caller may see by name);
 * `reminded` the reminders queued now; `alreadyRemindedToday` those who had a reminder today already
 * (at most one reminder a person a day, shared with the daily reminders), so repeating reminds nobody twice.
 */
export const remindPeopleBehindResultSchema = z.object({
  behind: z.number().int(),
  reminded: z.number().int(),
  alreadyRemindedToday: z.number().int(),
});
export type RemindPeopleBehindResult = z.infer<typeof remindPeopleBehindResultSchema>;
