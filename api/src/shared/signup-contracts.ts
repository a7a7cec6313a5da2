/**
 * Contracts for signing an organisation up (the first-run wizard of a tenant that has not onboarded):
 * GET/POST/PUT /api/signup, POST /api/signup/consent-link, POST /api/signup/consent-check,
 * GET /api/signup/groups, POST /api/signup/strategies/import, POST /api/signup/finish.
 *
 * Imports only zod and sibling contract files, never './contracts.js' (ESM cycle: contracts.ts re-exports this).
 */
import { z } from 'zod';
import { createStrategySchema, updateOrganisationSchema } from './strategy-editing-contracts.js';
import { says, saying } from './validation-text.js';

export const SIGNUP_LIMITS = {
  /** One transactional batch writes the strategies with their audit entries (≤ 100 operations). */
  maxStrategies: 30,
  /** Likewise the teams, the person, the draft and their audit entries. */
  maxTeams: 30,
  groupSearch: 100,
} as const;

/** Problem codes the tab turns into words. */
export const SIGNUP_PROBLEM_CODES = {
  /** Someone who may not sign up, from a tenant that has not: "ask your admin". */
  notSetUp: 'tenant_not_set_up',
  closed: 'signup_closed',
  notAllowed: 'tenant_not_allowed',
  consentMissing: 'consent_missing',
  alreadyOnboarded: 'tenant_already_onboarded',
  notStarted: 'signup_not_started',
  incomplete: 'signup_incomplete',
} as const;

const GROUP_ID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, says('notAMicrosoft365GroupId'));

/** Vision, mission, values and differentiator: the organisation statement without its name. */
export const signupStatementSchema = updateOrganisationSchema.omit({ name: true });
export type SignupStatement = z.output<typeof signupStatementSchema>;

const strategy = createStrategySchema.shape;
/** A first strategy: what it is, why now, how it serves customers, measures (owners come once people sync). */
export const signupStrategyInputSchema = z.strictObject({
  /** Kept when editing a strategy already in the draft; a new one gets its id from the server. */
  id: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/).optional(),
  title: strategy.title,
  why: strategy.why,
  customerImpact: strategy.customerImpact,
  measures: strategy.measures,
});

/** PUT /api/signup (If-Match: the draft's etag) — any of the wizard's sections, each replaced whole. */
export const updateSignupSchema = z
  .strictObject({
    companyName: updateOrganisationSchema.shape.name.optional(),
    statement: signupStatementSchema.optional(),
    strategies: z.array(signupStrategyInputSchema).max(SIGNUP_LIMITS.maxStrategies, says('atMostFirstStrategies', { maxStrategies: SIGNUP_LIMITS.maxStrategies })).optional(),
    /** Microsoft 365 groups or teams that become app teams (checked against the organisation's groups). */
    teams: z
      .array(z.strictObject({ groupId: GROUP_ID }))
      .max(SIGNUP_LIMITS.maxTeams, says('atMostTeamsAtSignUp', { maxTeams: SIGNUP_LIMITS.maxTeams }))
      .refine((teams) => new Set(teams.map((t) => t.groupId.toLowerCase())).size === teams.length, says('listEachGroupOnce'))
      .optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: () => saying('changeAtLeastOneSection') });
export type UpdateSignupInput = z.input<typeof updateSignupSchema>;

/** POST /api/signup/consent-link — where the admin-consent page sends the admin back (the tab's consent-complete page). */
export const consentLinkRequestSchema = z.strictObject({ redirectUri: z.string().url().max(500) });

// ---------------------------------------------------------------- responses

export const signupStrategySchema = z.object({ id: z.string(), title: z.string(), why: z.string(), customerImpact: z.string(), measures: z.array(z.string()) });
export type SignupStrategy = z.infer<typeof signupStrategySchema>;

export const signupTeamSchema = z.object({ groupId: z.string(), displayName: z.string(), isTeam: z.boolean() });
export type SignupTeam = z.infer<typeof signupTeamSchema>;

export const consentStatusSchema = z.object({
  /** not_checked until the first check; then granted, or why not. */
  state: z.enum(['not_checked', 'granted', 'not_consented', 'missing_permissions']),
  /** Application permissions the app needs and the tenant has not granted. */
  missing: z.array(z.string()),
  checkedAt: z.string().nullable(),
});
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const signupDraftSchema = z.object({
  tenantId: z.string(),
  etag: z.string(),
  startedBy: z.object({ id: z.string(), displayName: z.string() }),
  startedAt: z.string(),
  updatedAt: z.string(),
  consent: consentStatusSchema,
  companyName: z.string().nullable(),
  statement: z.object({ vision: z.string(), mission: z.string(), values: z.array(z.object({ name: z.string(), description: z.string() })), differentiator: z.string() }).nullable(),
  strategies: z.array(signupStrategySchema),
  teams: z.array(signupTeamSchema),
  finishedAt: z.string().nullable(),
});
export type SignupDraft = z.infer<typeof signupDraftSchema>;

export const signupPermissionSchema = z.object({ name: z.string(), why: z.string() });

/** GET /api/signup — for someone who may sign the organisation up. */
export const signupStatusSchema = z.object({
  tenantId: z.string(),
  onboarded: z.boolean(),
  /** Who may sign up, in words (for the "ask your admin" page too). */
  whoCanSignUp: z.string(),
  /** The application permissions the admin grants, and why each is needed. */
  permissions: z.array(signupPermissionSchema),
  draft: signupDraftSchema.nullable(),
});
export type SignupStatus = z.infer<typeof signupStatusSchema>;

/** POST /api/signup/consent-link */
export const consentLinkSchema = z.object({ url: z.string(), state: z.string() });
export type ConsentLink = z.infer<typeof consentLinkSchema>;

/** POST /api/signup/consent-check — the draft with its consent status updated. */
export const consentCheckSchema = z.object({ consent: consentStatusSchema, draft: signupDraftSchema });
export type ConsentCheck = z.infer<typeof consentCheckSchema>;

/** GET /api/signup/groups?search= */
export const signupGroupsSchema = z.object({
  groups: z.array(z.object({ id: z.string(), displayName: z.string(), description: z.string().nullable(), isTeam: z.boolean() })),
  /** More groups matched than listed: narrow the search. */
  truncated: z.boolean(),
});
export type SignupGroups = z.infer<typeof signupGroupsSchema>;

/** POST /api/signup/finish → 201 */
export const signupFinishedSchema = z.object({ tenantId: z.string(), name: z.string(), onboardedAt: z.string(), strategies: z.number().int(), teams: z.number().int() });
export type SignupFinished = z.infer<typeof signupFinishedSchema>;

/** Starting points for the first strategies (the wizard fills the draft from one; everything stays editable). */
export interface StarterTemplate {
  id: string;
  name: string;
  description: string;
  statement: SignupStatement;
  strategies: Omit<SignupStrategy, 'id'>[];
}
