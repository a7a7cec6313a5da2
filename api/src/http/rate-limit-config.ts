/**
 * How many requests a person and a tenant may make, read once from the environment, and which
 * routes are expensive. Every limit counts requests per window (fixed, per instance of the API):
 *
 * | variable                                 | default | what it limits                                       |
 * | ---------------------------------------- | ------- | ---------------------------------------------------- |
 * | `LOS_RATE_LIMIT_WINDOW_SECONDS`          | 60      | length of the window every limit below counts in     |
 * | `LOS_RATE_LIMIT_PERSON`                  | 600     | one person's requests to ordinary routes              |
 * | `LOS_RATE_LIMIT_PERSON_EXPENSIVE`        | 20      | one person's requests to expensive routes             |
 * | `LOS_RATE_LIMIT_TENANT`                  | 12000   | a whole tenant's requests to ordinary routes          |
 * | `LOS_RATE_LIMIT_TENANT_EXPENSIVE`        | 300     | a whole tenant's requests to expensive routes         |
 * | `LOS_RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS` | 300   | failed sign-ins (bad or foreign tokens) per client IP |
 *
 * A tenant's budget is twenty people's worth, and one person's burst is stopped by their own budget
 * first (refused requests cost the tenant nothing), so it never uses up their colleagues' share.
 */

export type CostClass = 'standard' | 'expensive';

/**
 * Functions (names as registered in index.ts) whose every call reads a whole tenant's worth of
 * documents, builds a file or calls Microsoft Graph: insights, exports, imports, dashboards.
 */
export const EXPENSIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  // Data rights: each reads every document of the tenant.
  'me-data-export',
  'tenant-export',
  'people-erase',
  'insights-get',
  // Each reads the person's whole Planner or To Do through Graph.
  'me-task-sources-available',
  'me-task-sources-import',
  'strategy-map-export',
  'strategy-map-import',
  'cohorts-dashboard-get',
  'cohorts-dashboard-export',
  // Reads the cohort's progress and queues a reminder per person behind.
  'cohorts-remind',
  'cohorts-members-import',
  'cohorts-members-from-group',
  // Reads the group from Microsoft Graph before linking it.
  'teams-group-put',
  'signup-consent-check',
  'signup-groups',
  'signup-strategies-import',
  'signup-finish',
  // Reads the whole tenant's teams, people, tasks, onboarding and this quarter's moments.
  'coaching-me',
  'coaching-teams',
  'teams-compare-get',
  'teams-compare-export',
  'pulses-results-get',
  'surveys-results',
]);

export function costOf(functionName: string): CostClass {
  return EXPENSIVE_FUNCTIONS.has(functionName) ? 'expensive' : 'standard';
}

export interface RateLimitConfig {
  windowSeconds: number;
  person: Record<CostClass, number>;
  tenant: Record<CostClass, number>;
  authFailuresPerAddress: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  windowSeconds: 60,
  person: { standard: 600, expensive: 20 },
  tenant: { standard: 12_000, expensive: 300 },
  authFailuresPerAddress: 300,
};

/** The variables, so the tests and the bench can set (or lift) each limit by name. */
export const RATE_LIMIT_ENV = {
  windowSeconds: 'LOS_RATE_LIMIT_WINDOW_SECONDS',
  person: 'LOS_RATE_LIMIT_PERSON',
  personExpensive: 'LOS_RATE_LIMIT_PERSON_EXPENSIVE',
  tenant: 'LOS_RATE_LIMIT_TENANT',
  tenantExpensive: 'LOS_RATE_LIMIT_TENANT_EXPENSIVE',
  authFailuresPerAddress: 'LOS_RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS',
} as const;

export class RateLimitConfigError extends Error {
  override readonly name = 'RateLimitConfigError';
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RateLimitConfigError(`${name} must be a whole number of at least 1, got "${raw}"`);
  }
  return value;
}

/** The limits in force: defaults, each replaced by its variable when set (a bad value stops start-up). */
export function rateLimitConfigFromEnv(env: NodeJS.ProcessEnv): RateLimitConfig {
  const d = DEFAULT_RATE_LIMITS;
  const n = RATE_LIMIT_ENV;
  return {
    windowSeconds: positiveInteger(env, n.windowSeconds, d.windowSeconds),
    person: { standard: positiveInteger(env, n.person, d.person.standard), expensive: positiveInteger(env, n.personExpensive, d.person.expensive) },
    tenant: { standard: positiveInteger(env, n.tenant, d.tenant.standard), expensive: positiveInteger(env, n.tenantExpensive, d.tenant.expensive) },
    authFailuresPerAddress: positiveInteger(env, n.authFailuresPerAddress, d.authFailuresPerAddress),
  };
}
