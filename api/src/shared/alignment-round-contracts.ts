/**
 * Leaders' alignment rounds ("What do you get paid to do?"): request and response schemas.
 * Re-exported from contracts.ts; imports only text-schemas.ts (see the note there).
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const ROUND_LIMITS = {
  question: 300,
  /** Leaders one round can invite; scoring is O(n²) in them (README: bench). */
  leaders: 200,
  answer: 600,
  sentences: 3,
  picks: 3,
  /** A round closes at most this many days after it opens. */
  maxOpenDays: 90,
  /** Closed rounds shown in a trend. */
  trendRounds: 12,
} as const;

export const DEFAULT_ROUND_QUESTION = 'What do you get paid to do?';

const id = opaqueId();
const distinct = (values: readonly string[]) => new Set(values).size === values.length;

/** Sentences as people write them: text between ., ! or ? followed by a space or the end. */
export function sentenceCount(value: string): number {
  return value.split(/[.!?]+(?:\s+|$)/).filter((part) => part.trim() !== '').length;
}

export const createRoundSchema = z.strictObject({
  question: text(ROUND_LIMITS.question).min(5, says('askAQuestionOfAtLeast')).optional(),
  leaderIds: z
    .array(id)
    .min(2, says('inviteAtLeastTwoLeaders'))
    .max(ROUND_LIMITS.leaders, says('inviteAtMostLeaders', { leaders: ROUND_LIMITS.leaders }))
    .refine(distinct, says('inviteEachLeaderOnce')),
  closesAt: z.iso.datetime({ offset: true, error: () => saying('useAnISODateTimeE', { example: '2026-12-09T17:00:00Z' }) }),
});
export type CreateRoundInput = z.input<typeof createRoundSchema>;

export const roundAnswerSchema = z.strictObject({
  text: text(ROUND_LIMITS.answer)
    .min(10, says('answerInOneToThreeSentences'))
    .refine((value) => sentenceCount(value) <= ROUND_LIMITS.sentences, says('keepItToOneToThree')),
  strategyIds: z
    .array(id)
    .min(1, says('pickAtLeastOneStrategy'))
    .max(ROUND_LIMITS.picks, says('pickAtMostStrategies', { picks: ROUND_LIMITS.picks }))
    .refine(distinct, says('pickEachStrategyOnce')),
});
export type RoundAnswerInput = z.input<typeof roundAnswerSchema>;

const personRefSchema = z.object({ id, displayName: z.string() });
const strategyRefSchema = z.object({ id, title: z.string() });

export const roundSchema = z.object({
  id,
  question: z.string(),
  status: z.enum(['open', 'closed']),
  closesAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  createdBy: personRefSchema,
  /** Who was invited and who has answered; never what they answered before close. */
  leaders: z.array(personRefSchema.extend({ answered: z.boolean() })),
  answeredCount: z.number().int(),
  /** The caller is invited and the round is open. */
  canAnswer: z.boolean(),
  /** The caller created the round or is an Admin, and it is open. */
  canClose: z.boolean(),
  /** Invited or Admin, and closed. */
  canSeeResults: z.boolean(),
});
export type AlignmentRound = z.infer<typeof roundSchema>;

export const roundListSchema = z.object({ rounds: z.array(roundSchema) });
export type AlignmentRoundList = z.infer<typeof roundListSchema>;

/** Only ever the caller's own answer (GET …/answers/me). */
export const myRoundAnswerSchema = z.object({ text: z.string(), strategyIds: z.array(id), updatedAt: z.string(), _etag: z.string().optional() });
export type MyRoundAnswer = z.infer<typeof myRoundAnswerSchema>;

const partSchema = z.object({ name: z.enum(['strategyAgreement', 'textConsistency', 'missionEcho', 'kappa']), value: z.number().nullable(), weight: z.number() });

export const roundResultsSchema = z.object({
  roundId: id,
  question: z.string(),
  closedAt: z.string(),
  invited: z.number().int(),
  answered: z.number().int(),
  score: z.number().nullable(),
  strategyAgreement: z.number().nullable(),
  kappa: z.number().nullable(),
  textConsistency: z.number().nullable(),
  missionEcho: z.number().nullable(),
  parts: z.array(partSchema),
  outlierId: z.string().nullable(),
  /** Most divergent first. */
  leaders: z.array(
    personRefSchema.extend({
      divergence: z.number(),
      strategyAgreement: z.number(),
      textSimilarity: z.number(),
      rarePicks: z.array(strategyRefSchema),
      missedPicks: z.array(strategyRefSchema),
      distinctiveTerms: z.array(z.string()),
      missingTerms: z.array(z.string()),
      answer: z.object({ text: z.string(), strategies: z.array(strategyRefSchema) }),
    }),
  ),
  /** Earlier closed rounds the caller may see, and this one, oldest first. */
  trend: z.array(z.object({ roundId: id, closedAt: z.string(), score: z.number().nullable(), change: z.number().nullable() })),
});
export type AlignmentRoundResults = z.infer<typeof roundResultsSchema>;
