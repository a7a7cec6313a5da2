/**
 * Customers' awareness of the purpose (issue 11, part 2): survey waves a leader shares by link and QR
 * code, the public answer, and the results. Imports only zod (see teams-contracts.ts for why).
 */
import { z } from 'zod';

/** The public survey's languages; Arabic is laid out right to left. */
export const SURVEY_LANGUAGES = ['en', 'de', 'fr', 'ar'] as const;
import { text } from './text-schemas.js';
import { says } from './validation-text.js';

export const SURVEY_LIMITS = {
  title: 120,
  /** Free-text answers: short on purpose (and stored as text, never rendered as HTML). */
  answer: 500,
  /** The whole public request body. */
  maxBodyBytes: 4 * 1024,
  /** Answers one wave takes at most. */
  answersPerWave: 20_000,
} as const;

export const SURVEY_SEGMENTS = ['business', 'consumer', 'public-sector', 'partner', 'other'] as const;

/** POST /api/surveys (Leader/Admin) */
export const createSurveySchema = z.strictObject({ title: text(SURVEY_LIMITS.title).min(1, says('giveTheWaveATitle')) });

/** POST /api/public/surveys/{token}/answers — no sign-in. `website` is the honeypot: people leave it empty. */
export const publicSurveyAnswerSchema = z.strictObject({
  standsFor: text(SURVEY_LIMITS.answer),
  different: text(SURVEY_LIMITS.answer),
  consistency: z.coerce.number().int().min(1).max(5),
  segment: z.enum(SURVEY_SEGMENTS).optional().or(z.literal('').transform(() => undefined)),
  website: z.string().max(200).optional(),
  lang: z.enum(SURVEY_LANGUAGES).optional(),
});
export type PublicSurveyAnswer = z.infer<typeof publicSurveyAnswerSchema>;

export const surveyWaveSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['open', 'revoked']),
  createdAt: z.string(),
  /** Path of the public page (relative to the API's origin): carries the unguessable token. */
  publicPath: z.string(),
  answers: z.number(),
});
export type SurveyWave = z.infer<typeof surveyWaveSchema>;

export const surveyResultsSchema = z.object({
  wave: surveyWaveSchema,
  threshold: z.number(),
  respondents: z.number(),
  /** Share who could say what the company stands for (null below the threshold). */
  couldSayShare: z.number().nullable(),
  /** Mean TF-IDF cosine of their words to the stated mission, and to the differentiator (0..1). */
  closenessToMission: z.number().nullable(),
  closenessToDifferentiator: z.number().nullable(),
  consistency: z.object({ mean: z.number().nullable(), distribution: z.array(z.number()).nullable() }),
  bySegment: z.array(z.object({ segment: z.string(), respondents: z.number().nullable(), couldSayShare: z.number().nullable(), consistencyMean: z.number().nullable() })),
  trend: z.array(z.object({ waveId: z.string(), title: z.string(), couldSayShare: z.number().nullable(), consistencyMean: z.number().nullable() })),
  /** Side by side: employees' share agreeing with the pulse's first statement ("I know what we stand for") in the latest closed pulse. */
  employees: z.object({ pulseTitle: z.string(), knowWhatWeStandFor: z.number().nullable() }).nullable(),
  /** Words customers use most, and how close customers' and employees' words are (mean cosine). */
  commonTerms: z.array(z.object({ term: z.string(), texts: z.number() })),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;
