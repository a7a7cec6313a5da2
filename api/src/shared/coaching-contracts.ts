/**
 * Coaching leaders: a Leader's view of the teams they lead, and the Admin's comparison of teams
 * (team level only). Re-exported from contracts.ts; imports only text-schemas.ts.
 */
import { z } from 'zod';
import { opaqueId } from './text-schemas.js';

const id = opaqueId();
const strategyRef = z.object({ id, title: z.string() });

/**
 * The team in the latest closed pulse, as the pulse's results show it; null when there is none or the team
 * was not in it. `responses` and `score` are null when hidden: below the threshold, or when showing them
 * would let someone work out a smaller group's answers.
 */
export const teamPulseSchema = z.object({ responses: z.number().int().nullable(), threshold: z.number().int(), score: z.number().nullable() }).nullable();

export const teamCoachingFiguresSchema = z.object({
  team: z.object({ id, name: z.string() }),
  taskCount: z.number().int(),
  linkedTaskCount: z.number().int(),
  strategiesWithoutTasks: z.array(strategyRef),
  served: z.array(strategyRef.extend({ tasks: z.number().int() })),
  onboarding: z.object({ assigned: z.number().int(), completed: z.number().int() }),
  /** This quarter: moments the team's people gave, and moments recognising the team or its people. */
  moments: z.object({ given: z.number().int(), received: z.number().int(), since: z.string() }),
  pulse: teamPulseSchema,
});
export type TeamCoachingFigures = z.infer<typeof teamCoachingFiguresSchema>;

export const sayVsDoSchema = z.object({
  said: z.array(strategyRef),
  served: z.array(strategyRef),
  saidNotServed: z.array(strategyRef),
  servedNotSaid: z.array(strategyRef),
});
export type SayVsDoView = z.infer<typeof sayVsDoSchema>;

export const suggestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  action: z.object({ area: z.enum(['teams', 'moments', 'onboarding-admin', 'alignment']), params: z.record(z.string(), z.string()) }),
  actionLabel: z.string(),
});
export type CoachingSuggestion = z.infer<typeof suggestionSchema>;

/** GET /api/coaching/me */
export const myCoachingSchema = z.object({
  leader: z.object({ id, displayName: z.string() }),
  teams: z.array(teamCoachingFiguresSchema.extend({ sayVsDo: sayVsDoSchema.nullable(), suggestions: z.array(suggestionSchema) })),
  /** The leader's own latest alignment-round answer (theirs to see, open or closed). */
  latestAnswer: z
    .object({ roundId: id, question: z.string(), status: z.enum(['open', 'closed']), text: z.string(), strategies: z.array(strategyRef) })
    .nullable(),
});
export type MyCoaching = z.infer<typeof myCoachingSchema>;

/** GET /api/coaching/teams (Admin): every team's figures and its leaders' say-vs-do gap; no individual employee. */
export const teamsComparisonSchema = z.object({
  teams: z.array(
    teamCoachingFiguresSchema.extend({
      leaders: z.array(z.object({ id, displayName: z.string() })),
      /** Strategies the team's leaders said they exist for that none of its tasks serve (null: no leader answered a round). */
      sayVsDoGap: z.array(strategyRef).nullable(),
    }),
  ),
});
export type TeamsComparison = z.infer<typeof teamsComparisonSchema>;
