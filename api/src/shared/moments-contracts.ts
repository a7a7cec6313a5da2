/**
 * Mission moments (recognition): request and response schemas. Re-exported from contracts.ts;
 * imports only text-schemas.ts (see the note there).
 */
import { z } from 'zod';
import { opaqueId, text } from './text-schemas.js';
import { says, saying } from './validation-text.js';

export const MOMENT_LIMITS = {
  text: 500,
  recognised: 10,
  reason: 300,
  value: 80,
  /** Moments one person may post per UTC day. */
  perDay: 10,
  feed: { default: 20, max: 50 },
} as const;

const id = opaqueId();

export const momentTagSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('value'), value: text(MOMENT_LIMITS.value).min(1, says('pickAValue')) }),
  z.strictObject({ kind: z.literal('strategy'), strategyId: id }),
]);
export type MomentTagInput = z.infer<typeof momentTagSchema>;

export const createMomentSchema = z
  .strictObject({
    text: text(MOMENT_LIMITS.text).min(1, says('sayWhatYouSaw')),
    recognisedUserIds: z
      .array(id)
      .max(MOMENT_LIMITS.recognised, says('recogniseAtMostPeople', { recognised: MOMENT_LIMITS.recognised }))
      .refine((ids) => new Set(ids).size === ids.length, says('nameEachPersonOnce'))
      .default([]),
    teamId: id.nullable().default(null),
    tag: momentTagSchema,
  })
  .refine((moment) => moment.recognisedUserIds.length > 0 || moment.teamId !== null, { error: () => saying('recogniseAtLeastOneColleagueOr'), path: ['recognisedUserIds'] });
export type CreateMomentInput = z.input<typeof createMomentSchema>;

export const hideMomentSchema = z.strictObject({ reason: text(MOMENT_LIMITS.reason).min(3, says('sayWhyInAFewWords')) });

export const momentFeedQuerySchema = z
  .strictObject({
    value: text(MOMENT_LIMITS.value).min(1).optional(),
    strategyId: id.optional(),
    teamId: id.optional(),
    personId: id.optional(),
    limit: z.coerce.number().int().min(1).max(MOMENT_LIMITS.feed.max).default(MOMENT_LIMITS.feed.default),
    cursor: z.string().max(512).optional(),
  })
  .refine((query) => !(query.value && query.strategyId), { error: () => saying('filterByAValueOrA'), path: ['strategyId'] });

export const momentSchema = z.object({
  id,
  text: z.string(),
  author: z.object({ id, displayName: z.string() }),
  recognised: z.array(z.object({ id, displayName: z.string() })),
  team: z.object({ id, name: z.string() }).nullable(),
  tag: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('value'), value: z.string() }),
    z.object({ kind: z.literal('strategy'), strategyId: id, title: z.string() }),
  ]),
  createdAt: z.string(),
  reactions: z.number().int(),
  reactedByMe: z.boolean(),
  /** The caller posted it (and may delete it). */
  mine: z.boolean(),
  /** The caller is a Leader or Admin (and may hide it). */
  canHide: z.boolean(),
});
export type Moment = z.infer<typeof momentSchema>;

export const momentFeedSchema = z.object({ moments: z.array(momentSchema), next: z.string().nullable() });
export type MomentFeed = z.infer<typeof momentFeedSchema>;

/**
 * GET /api/moments/options — what the composer (and the round opener) picks from: colleagues by
 * name and team (a directory, like Teams' own people picker; no figures about anyone), teams, the
 * organisation's values and the active strategies.
 */
export const momentOptionsSchema = z.object({
  people: z.array(z.object({ id, displayName: z.string(), teamId: z.string().nullable(), leads: z.boolean() })),
  teams: z.array(z.object({ id, name: z.string() })),
  values: z.array(z.string()),
  strategies: z.array(z.object({ id, title: z.string() })),
});
export type MomentOptions = z.infer<typeof momentOptionsSchema>;
