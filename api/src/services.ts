/**
 * Everything a handler needs, built once per process from the environment (lazily, on first
 * use) so handlers stay thin and the same code runs in Azure and in the local stack.
 */
import type { CosmosClient } from '@azure/cosmos';
import { authConfigFromEnv, type AuthConfig } from './auth/auth-config.js';
import { bearerFrom, createTokenVerifier, type Caller, type TokenVerifier, type VerifyOptions } from './auth/verify-token.js';
import { containersOf, createCosmosClient, type CosmosContainers } from './data/cosmos-client.js';
import { createTenantDeletionLog, type TenantDeletionLog } from './data/tenant-deletion.js';
import { createDirectoryRepository, type DirectoryRepository } from './data/directory-repository.js';
import { createStrategyRepository, type StrategyRepository } from './data/strategy-repository.js';
import { createTasksRepository, type TasksRepository } from './data/tasks-repository.js';
import { createTeamTasksRepository, type TeamTasksRepository } from './data/team-tasks-repository.js';
import { createAlignmentFiguresRepository, type AlignmentFiguresRepository } from './data/alignment-figures-repository.js';
import { createTeamsRepository, type TeamsRepository } from './data/teams-repository.js';
import { createTenantsRepository, type TenantsRepository } from './data/tenants-repository.js';
import { createPeopleRepository, type PeopleRepository } from './data/people-repository.js';
import { createStrategyEditingRepository, type StrategyEditingRepository } from './data/strategy-editing-repository.js';
import { createStrategyTaskLinks, type StrategyTaskLinks } from './data/strategy-task-links.js';
import { createOnboardingRepository, type OnboardingRepository } from './data/onboarding-repository.js';
import { createGroupMembersReaderFromEnv, type GroupMembersReader } from './data/entra-group-members.js';
import { createGroupsReaderFromEnv, type GroupsReader } from './data/entra-groups.js';
import { createAppConsentChecker, type AppConsentChecker } from './data/app-consent.js';
import { graphTokenSourceFromEnv } from './data/graph-app-tokens.js';
import { createSignupRepository, type SignupRepository } from './data/signup-repository.js';
import { tenantSignupPolicyFromEnv, type TenantSignupPolicy } from './domain/signup-policy.js';
import { createTokenCache } from './notifications/graph-token.js';
import { APPLICATION_PERMISSIONS } from './shared/graph-permissions.js';
import { onboardingReminderSource } from './data/onboarding-reminder-source.js';
import { createAlignmentRoundRepository, type AlignmentRoundRepository } from './data/alignment-round-repository.js';
import { alignmentRoundReminderSource, combinedReminderSources } from './data/alignment-reminder-source.js';
import { createMomentsRepository, type MomentsRepository } from './data/moments-repository.js';
import { momentsReceivedByTeam, quarterStart, type PulseFiguresSource } from './domain/coaching.js';
import { shownPulseFigures } from './domain/pulse/latest-pulse-figures.js';
import { createOutboxRepository, type OutboxRepository } from './data/outbox-repository.js';
import { createIdempotencyRepository, type IdempotencyRepository } from './data/idempotency-repository.js';
import { createPulseRepository, type PulseRepository } from './data/pulse-repository.js';
import { azureHostMarker } from './auth/auth-config.js';
import { pulseKeyWrapperFrom, type PulseKeyWrapper } from './data/pulse-key-wrapper.js';
import { DefaultAzureCredential } from '@azure/identity';
import { createPulsePlanner } from './notifications/pulse-planner.js';
import { recipientLanguages } from './notifications/notification-text.js';
import { createBenchmarkStore, type BenchmarkStore } from './data/pulse-benchmark.js';
import { createSurveyRepository, type SurveyRepository } from './data/survey-repository.js';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { positiveIntegerFrom } from './data/cosmos-client.js';
import { rateLimitConfigFromEnv } from './http/rate-limit-config.js';
import { createRateLimiter, type RateLimiter } from './http/rate-limit.js';
import { createFirstRequestPeople, type FirstRequestPeople } from './http/first-request-person.js';
import { createDirectorySyncRepository } from './data/directory-sync-repository.js';
import { createDirectorySync, syncPacingFromEnv, type DirectorySync } from './directory/directory-sync.js';
import { createDirectoryGraphFromEnv, type DirectoryGraph } from './directory/graph-reader.js';
import { createAssignmentFanOut, type FanOutDependencies } from './notifications/assignment-fan-out.js';
import { createNotificationServiceFromEnv, type NotificationSeams, type NotificationService } from './notifications/notification-service.js';
import { createTaskSourceServicesFromEnv } from './task-sources/task-source-services.js';
import type { TaskSourceServices } from './task-sources/task-sync.js';

/**
 * The Teams app's manifest id when TEAMS_APP_ID is unset (local stack and tests). Deep links are
 * written with it; the drain swaps in each tenant's catalog id when it sends (notification-content.ts).
 */
export const DEFAULT_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a11d';

export interface Services {
  cosmos: CosmosClient;
  /** Every container, for the routes that walk all of a tenant's documents (data rights: exports, erasure, deletion). */
  containers: CosmosContainers;
  /** Tenant deletion requests (deletionLog container, outside every tenant's data). */
  tenantDeletions: TenantDeletionLog;
  tenants: TenantsRepository;
  directory: DirectoryRepository;
  strategy: StrategyRepository;
  tasks: TasksRepository;
  teams: TeamsRepository;
  teamTasks: TeamTasksRepository;
  /** Each person's task counts per strategy, kept up to date by every task write (alignment figures). */
  alignmentFigures: AlignmentFiguresRepository;
  strategyEditing: StrategyEditingRepository;
  people: PeopleRepository;
  /** Creates a person's record from their token on their first request (http/first-request-person.ts). */
  firstRequestPeople: FirstRequestPeople;
  strategyTaskLinks: StrategyTaskLinks;
  /** The notification outbox (onboarding container) and its sender. */
  outbox: OutboxRepository;
  /** Onboarding modules, cohorts, assignments and progress (onboarding container). */
  onboarding: OnboardingRepository;
  /** Entra group members through Graph (cohorts from a group). */
  entraGroups: GroupMembersReader;
  /** The organisation's Microsoft 365 groups and teams through Graph (sign-up). */
  m365Groups: GroupsReader;
  /** Whether a tenant's admin consented to the app's application permissions. */
  appConsent: AppConsentChecker;
  /** Sign-up drafts (directory container). */
  signup: SignupRepository;
  /** The operator's TENANT_SIGNUP policy and where the admin-consent page may send the admin back. */
  signupSettings: SignupSettings;
  notifications: NotificationService;
  /** People and linked teams from Microsoft Graph (the directory-sync timer). */
  directorySync: DirectorySync;
  /** Directory reads through Graph (the sync's, and a group's details when a team is linked to it). */
  directoryGraph: DirectoryGraph;
  /** Leaders' alignment rounds and answers (alignment container). */
  alignmentRounds: AlignmentRoundRepository;
  /** Mission moments, reactions and daily counts (alignment container). */
  moments: MomentsRepository;
  /**
   * A team's figures in the latest closed pulse for the coaching view, as the pulse's results show them
   * (threshold and no-differencing applied to the whole pulse).
   */
  teamPulseFigures: PulseFiguresSource;
  /** The wall clock every handler reads "now" from (tests fix its origin; see setServicesClock). */
  now: Clock;
  /** Idempotency-Key records (http/idempotency.ts). */
  idempotency: IdempotencyRepository;
  auth: AuthConfig;
  verifyToken: TokenVerifier;
  /** Per person, per tenant and per address limits (in memory: per instance of the API). */
  rateLimits: RateLimiter;
  /** Planner and To Do on the person's behalf (on-behalf-of tokens, sync, write-back). */
  taskSources: TaskSourceServices;
  /** Mission pulses, their wrapped secrets, markers, responses and settings (pulses container). */
  pulses: PulseRepository;
  /**
   * Wraps each pulse's marker secret: the Key Vault key PULSE_MARKER_WRAP_URI in Azure, a local key off Azure,
   * undefined on an Azure host without the setting (then no pulse can open).
   */
  pulseKeys: PulseKeyWrapper | undefined;
  /** Industry benchmark contributions (opt-in), in shared per-industry partitions. */
  benchmarks: BenchmarkStore;
  /** Customer survey waves, links and answers (pulses container). */
  surveys: SurveyRepository;
  /**
   * Public survey answers per minute, per link (LOS_SURVEY_RATE_LIMIT_PER_LINK, default 120) and per
   * client address (LOS_SURVEY_RATE_LIMIT_PER_CLIENT, default 5); in memory, per instance: the address
   * is kept nowhere else and only for the window.
   */
  surveyLimits: { perLink: RateLimiterMemory; perClient: RateLimiterMemory };
  /** Mission moments each team received this quarter, for the teams comparison. */
  missionMoments?: MissionMomentsSource;
}

/** How many mission moments each team has (team id → count), for the teams comparison. */
export interface MissionMomentsSource {
  countsByTeam(tenantId: string): Promise<ReadonlyMap<string, number>>;
}

export interface SignupSettings {
  policy: TenantSignupPolicy;
  /** GRAPH_CLIENT_ID: the app the admin consents to; undefined when Graph is not configured. */
  clientId: string | undefined;
  /** GRAPH_TENANT_AUTHORITY (default https://login.microsoftonline.com). */
  authority: string;
  /** SIGNUP_CONSENT_REDIRECT_URI: the tab's consent-complete page (a reply URL of the registration). */
  consentRedirectUri: string | undefined;
}

/** Returns the current time; injectable so no decision depends on the real date in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * Test seams (crash injection): a throw from one is a crash of the process at that point. Read at
 * each call, so a test can set them on running services (setServicesTestSeams).
 */
export interface ServiceSeams extends NotificationSeams {
  /** After each committed step of expanding an assignment plan into the outbox. */
  afterFanOutBatch?: FanOutDependencies['afterBatch'];
}

export function createServices(env: NodeJS.ProcessEnv, now: Clock = systemClock, seams: Readonly<ServiceSeams> = {}): Services {
  const cosmos = createCosmosClient(env);
  const containers = containersOf(cosmos);
  const tenants = createTenantsRepository(containers.tenants);
  const auth = authConfigFromEnv(env, { isTenantOnboarded: (tid) => tenants.isOnboarded(tid) });
  const outbox = createOutboxRepository(containers.onboarding);
  const onboarding = createOnboardingRepository(containers.onboarding);
  const teamsAppId = () => env.TEAMS_APP_ID ?? DEFAULT_TEAMS_APP_ID;
  // One app-only token cache for the Graph readers of sign-up; the consent check drops a tenant's token after consent.
  const graphTokenSource = graphTokenSourceFromEnv(env);
  const graphTokens = graphTokenSource ? createTokenCache(graphTokenSource) : undefined;
  const people = createPeopleRepository(containers.directory);
  const notifications = createNotificationServiceFromEnv(
    env,
    outbox,
    () => tenants.listIds(),
    now,
    { afterSend: (entries) => seams.afterSend?.(entries), afterInstall: (tenantId, userId) => seams.afterInstall?.(tenantId, userId) },
    teamsAppId(),
    recipientLanguages(people),
  );
  const alignmentRounds = createAlignmentRoundRepository(containers.alignment);
  notifications.setReminderSource(combinedReminderSources(onboardingReminderSource(onboarding, teamsAppId, now), alignmentRoundReminderSource(alignmentRounds, teamsAppId, now)));
  notifications.setFanOut(createAssignmentFanOut({ onboarding, outbox, teamsAppId, afterBatch: (step) => seams.afterFanOutBatch?.(step) }));
  const firstRequestPeople = createFirstRequestPeople(people, (tenantId) => tenants.isOnboarded(tenantId));
  const entraGroups = createGroupMembersReaderFromEnv(env);
  const tasks = createTasksRepository(containers.tasks, now);
  const teams = createTeamsRepository(containers.directory, now);
  const directoryGraph = createDirectoryGraphFromEnv(env);
  const directorySync = createDirectorySync({
    graph: directoryGraph,
    groups: entraGroups,
    people,
    tasks,
    teams,
    syncState: createDirectorySyncRepository(containers.directory),
    tenantIds: () => tenants.listIds(),
    now,
    pacing: syncPacingFromEnv(env),
    onRemoved: (tenantId, userId) => firstRequestPeople.forget(tenantId, userId),
  });
  const pulses = createPulseRepository(containers.pulses);
  const moments = createMomentsRepository(containers.alignment);
  const directory = createDirectoryRepository(containers.directory);
  const benchmarks = createBenchmarkStore(containers.pulses);
  notifications.addPlanner(createPulsePlanner({ pulses, directory, outbox, teamsAppId, benchmarks }));
  return {
    cosmos,
    containers,
    tenantDeletions: createTenantDeletionLog(containers.deletionLog),
    tenants,
    directory,
    strategy: createStrategyRepository(containers.strategy),
    tasks,
    teams,
    teamTasks: createTeamTasksRepository(containers.tasks, now),
    alignmentFigures: createAlignmentFiguresRepository(containers.tasks, now),
    strategyEditing: createStrategyEditingRepository(containers.strategy),
    people,
    firstRequestPeople,
    strategyTaskLinks: createStrategyTaskLinks(containers.tasks, now),
    outbox,
    onboarding,
    entraGroups,
    m365Groups: createGroupsReaderFromEnv(env, graphTokens),
    appConsent: createAppConsentChecker(graphTokenSource, APPLICATION_PERMISSIONS, graphTokens),
    signup: createSignupRepository(containers.directory),
    signupSettings: {
      policy: tenantSignupPolicyFromEnv(env),
      clientId: env.GRAPH_CLIENT_ID || undefined,
      authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
      consentRedirectUri: env.SIGNUP_CONSENT_REDIRECT_URI?.trim() || undefined,
    },
    notifications,
    directorySync,
    directoryGraph,
    alignmentRounds,
    moments,
    async teamPulseFigures(tenantId, teamId) {
      const latest = await pulses.latestSummarised(tenantId);
      const figure = shownPulseFigures(latest).get(teamId);
      if (!latest || !figure) return null;
      return { responses: figure.respondents, threshold: latest.threshold, score: figure.agreeShare === null ? null : Math.round(figure.agreeShare * 100) };
    },
    // The teams comparison counts this quarter's moments, as the coaching view does.
    missionMoments: { countsByTeam: async (tenantId) => momentsReceivedByTeam(await moments.listSince(tenantId, quarterStart(now()))) },
    now,
    idempotency: createIdempotencyRepository(containers.idempotency),
    auth,
    verifyToken: createTokenVerifier(auth),
    rateLimits: createRateLimiter(rateLimitConfigFromEnv(env)),
    taskSources: createTaskSourceServicesFromEnv(env, containers.tasks, now),
    pulses,
    benchmarks,
    surveys: createSurveyRepository(containers.pulses),
    surveyLimits: {
      perLink: new RateLimiterMemory({ keyPrefix: 'survey-link', points: positiveIntegerFrom(env, 'LOS_SURVEY_RATE_LIMIT_PER_LINK', 120), duration: 60 }),
      perClient: new RateLimiterMemory({ keyPrefix: 'survey-client', points: positiveIntegerFrom(env, 'LOS_SURVEY_RATE_LIMIT_PER_CLIENT', 5), duration: 60 }),
    },
    pulseKeys: pulseKeyWrapperFrom(env.PULSE_MARKER_WRAP_URI, azureHostMarker(env) !== undefined, () => new DefaultAzureCredential()),
  };
}

let current: Services | undefined;
let clock: Clock = systemClock;
const testSeams: ServiceSeams = {};

export function getServices(): Services {
  current ??= createServices(process.env, clock, testSeams);
  return current;
}

/** Tests only: the crash seams of the services getServices() answers (from the next call on); none by default. */
export function setServicesTestSeams(next: ServiceSeams = {}): void {
  delete testSeams.afterSend;
  delete testSeams.afterInstall;
  delete testSeams.afterFanOutBatch;
  Object.assign(testSeams, next);
}

/** The clock services built from now on read (the local stack passes a test clock); drops cached services. */
export function setServicesClock(next: Clock = systemClock): void {
  clock = next;
  resetServices();
}

/** Drops the cached services (the local stack calls this after changing the environment). */
export function resetServices(): void {
  current?.cosmos.dispose();
  current = undefined;
}

/** The verified caller of a request; throws AuthError (401/403) otherwise. */
export function authenticate(services: Services, authorizationHeader: string | null, options: VerifyOptions = {}): Promise<Caller> {
  return services.verifyToken(bearerFrom(authorizationHeader), options);
}
