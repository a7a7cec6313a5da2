/**
 * Mission pulses (issue 11): anonymous statements on a 5-point agreement scale, their results with
 * the anonymity threshold, and the tenant's anonymity setting. Re-exported from contracts.ts; imports
 * only zod and text-schemas.ts (see teams-contracts.ts for why).
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const PULSE_LIMITS = {
  minStatements: 3,
  maxStatements: 6,
  statementText: 200,
  title: 120,
  comment: 1000,
  /** Chosen teams per pulse (everyone when absent). */
  audienceTeams: 200,
  minimumGroupSize: { min: 3, max: 25, default: 5 },
  /** A pulse stays open at least an hour and at most 60 days. */
  minWindowHours: 1,
  maxWindowDays: 60,
} as const;

/** The agreement scale: 1 strongly disagree … 5 strongly agree; 4 and 5 count as agreeing. */
export const AGREEMENT_SCALE = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] as const;

/** The starter set in the product's own words; a leader edits it before opening a pulse. */
export const STARTER_STATEMENTS: readonly string[] = [
  'I know what we stand for.',
  'I know what makes us different for our customers.',
  'I see how my work serves our strategies.',
  'Our mission gives my daily work meaning.',
  'My leader talks about why our work matters.',
];

const id = opaqueId();

/** PUT /api/settings/anonymity (Admin) */
export const anonymitySettingsSchema = z.strictObject({
  minimumGroupSize: z.number().int().min(PULSE_LIMITS.minimumGroupSize.min).max(PULSE_LIMITS.minimumGroupSize.max),
});
export type AnonymitySettings = z.infer<typeof anonymitySettingsSchema>;

/** POST /api/pulses (Leader/Admin): opens at once, locking the tenant's threshold into the pulse. */
export const createPulseSchema = z.strictObject({
  title: text(PULSE_LIMITS.title).min(1, says('giveThePulseATitle')),
  statements: z
    .array(z.strictObject({ text: text(PULSE_LIMITS.statementText).min(1, says('aStatementNeedsText')) }))
    .min(PULSE_LIMITS.minStatements, says('askAtLeastStatements', { minStatements: PULSE_LIMITS.minStatements }))
    .max(PULSE_LIMITS.maxStatements, says('askAtMostStatements', { maxStatements: PULSE_LIMITS.maxStatements })),
  audience: z.strictObject({ teamIds: z.array(id).min(1, says('chooseAtLeastOneTeam')).max(PULSE_LIMITS.audienceTeams) }).optional(),
  closesAt: z.iso.datetime({ offset: true, error: () => saying('useAnISODateTimeE', { example: '2026-12-01T09:00:00Z' }) }),
});
export type CreatePulseInput = z.input<typeof createPulseSchema>;

/** POST /api/pulses/{id}/responses: every statement answered once, plus an optional comment. */
export const pulseResponseSchema = z.strictObject({
  answers: z
    .array(z.strictObject({ statementId: id, value: z.number().int().min(1).max(5) }))
    .min(1)
    .max(PULSE_LIMITS.maxStatements),
  comment: text(PULSE_LIMITS.comment).optional(),
});
export type PulseResponseInput = z.input<typeof pulseResponseSchema>;

export const pulseStatementSchema = z.object({ id: z.string(), text: z.string() });
export type PulseStatement = z.infer<typeof pulseStatementSchema>;

export const pulseSchema = z.object({
  id: z.string(),
  title: z.string(),
  statements: z.array(pulseStatementSchema),
  audience: z.object({ teamIds: z.array(z.string()) }).nullable(),
  /** The minimum group size locked in when the pulse opened. */
  threshold: z.number(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  /** People the pulse went to when it opened (the response rate's denominator). */
  audienceSize: z.number(),
});
export type Pulse = z.infer<typeof pulseSchema>;

/** GET /api/me/pulses: pulses open to me, and whether I answered (from the marker, never from a response). */
export const myPulseSchema = pulseSchema.extend({ answered: z.boolean() });
export const myPulsesSchema = z.object({ pulses: z.array(myPulseSchema), closed: z.array(pulseSchema) });
export type MyPulses = z.infer<typeof myPulsesSchema>;

/** GET /api/pulses (Leader/Admin): every pulse of the tenant, newest first. */
export const pulseListSchema = z.object({ pulses: z.array(pulseSchema), threshold: z.number() });
export type PulseList = z.infer<typeof pulseListSchema>;

/** `null` means suppressed: fewer than the threshold answered, or showing it would let someone work out a smaller group. */
export const pulseGroupResultSchema = z.object({
  kind: z.enum(['organisation', 'team']),
  id: z.string(),
  name: z.string(),
  respondents: z.number().nullable(),
  /** People the pulse went to in this group (for the response rate). */
  invited: z.number(),
  statements: z.array(z.object({ id: z.string(), agreeShare: z.number().nullable(), distribution: z.array(z.number()).nullable() })),
  /** Comments of a group that meets the threshold, unattributed, in random order (organisation only). */
  comments: z.array(z.string()).optional(),
});
export type PulseGroupResult = z.infer<typeof pulseGroupResultSchema>;

export const pulseTrendPointSchema = z.object({
  pulseId: z.string(),
  title: z.string(),
  closedAt: z.string(),
  /** Organisation-wide agree share per statement text (null when suppressed), for a trend across pulses. */
  agreeShare: z.number().nullable(),
  responseRate: z.number().nullable(),
});

export const pulseResultsSchema = z.object({
  pulse: pulseSchema,
  threshold: z.number(),
  /** Answers are shown only once the pulse closes: live figures would let anyone difference two views. */
  answersShown: z.boolean(),
  groups: z.array(pulseGroupResultSchema),
  trend: z.array(pulseTrendPointSchema),
});
export type PulseResults = z.infer<typeof pulseResultsSchema>;

// ---------------------------------------------------------------- teams compared, benchmark

export const INDUSTRIES = ['logistics', 'manufacturing', 'retail', 'financial-services', 'healthcare', 'technology', 'public-sector', 'professional-services', 'energy', 'other'] as const;

/** PUT /api/settings/benchmark (Admin): which industry, and whether to contribute to (and see) its benchmark. */
export const benchmarkSettingsSchema = z.strictObject({ industry: z.enum(INDUSTRIES), optIn: z.boolean() });
export type BenchmarkSettings = z.infer<typeof benchmarkSettingsSchema>;

const metricValues = z.object({ alignment: z.number().nullable(), pulse: z.number().nullable(), onboarding: z.number().nullable(), missionMoments: z.number().nullable() });
export const comparedMetricSchema = z.enum(['alignment', 'pulse', 'onboarding', 'missionMoments']);

/** GET /api/teams/compare (Leader/Admin) */
export const teamComparisonSchema = z.object({
  threshold: z.number(),
  latestPulse: z.object({ id: z.string(), title: z.string(), closedAt: z.string() }).nullable(),
  teams: z.array(z.object({ teamId: z.string(), name: z.string(), people: z.number(), values: metricValues, score: z.number().nullable() })),
  organisation: metricValues,
  highlights: z.array(z.object({ teamId: z.string(), name: z.string(), standsOutOn: z.array(z.object({ metric: comparedMetricSchema, value: z.number(), organisation: z.number() })) })),
  /** Null when not opted in, or fewer than 5 other companies contribute. */
  benchmark: z
    .object({ industry: z.enum(INDUSTRIES), companies: z.number(), lowerQuartile: z.number(), median: z.number(), upperQuartile: z.number(), yours: z.number().nullable() })
    .nullable(),
  benchmarkSettings: z.object({ industry: z.enum(INDUSTRIES).nullable(), optIn: z.boolean() }),
});
export type TeamComparison = z.infer<typeof teamComparisonSchema>;
