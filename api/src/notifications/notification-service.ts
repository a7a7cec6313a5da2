/**
 * The send path as the app uses it, built from the environment:
 *   GRAPH_CLIENT_ID         the multi-tenant app registration; without it nothing is sent
 *                           (entries wait in the outbox) and the drain says so once.
 *   GRAPH_BASE_URL          default https://graph.microsoft.com (tests: the loopback fake)
 *   GRAPH_TENANT_AUTHORITY  default https://login.microsoftonline.com (tests: the fake token endpoint)
 *   GRAPH_CLIENT_ASSERTION  local/tests only: a fixed client assertion for the fake. In Azure the
 *                           assertion is the managed identity's token (MANAGED_IDENTITY_CLIENT_ID to
 *                           pick a user-assigned identity) — no secret anywhere.
 *   TEAMS_APP_ID            the manifest id (services.ts passes it, with its default): the drain
 *                           finds the app's catalog id by it in each tenant, installs the app for
 *                           recipients who lack it, and sends that catalog id as teamsAppId.
 */
import type { OutboxRepository } from '../data/outbox-repository.js';
import type { AssignmentFanOut } from './assignment-fan-out.js';
import { createNotificationDrain, type DrainDependencies, type DrainOptions, type DrainReport, type NotificationDrain } from './drain.js';
import { createGraphClient } from './graph-client.js';
import { clientCredentialsTokenSource, createTokenCache, managedIdentityAssertion } from './graph-token.js';
import { enqueueNotifications } from './outbox.js';
import { createRecipientReadiness, type RecipientReadinessConfig } from './recipient-readiness.js';
import { DEFAULT_REMINDER_SETTINGS, planReminders, type ReminderAssignment, type ReminderSettings } from './reminder-planner.js';

/** The tenant's open assignments with who completed them, for the reminder planner. */
export type ReminderSource = (tenantId: string) => Promise<ReminderAssignment[]>;

export interface NotificationService {
  /** False when no Graph app is configured: entries are queued but not sent. */
  enabled: boolean;
  /**
   * Expands the tenant's assignment plans into the outbox, then sends its queue. Runs after any
   * drainNow of the tenant still in progress. Never rejects (a failure is logged; the timer retries),
   * so `void` it freely.
   */
  drainNow(tenantId: string): Promise<DrainReport>;
  /** Resolves once every drainNow of the tenant started so far has finished. */
  settled(tenantId: string): Promise<void>;
  /** The timer's run: for every onboarded tenant, expand plans, queue today's reminders (if a source is set), then drain. */
  drainAll(options?: DrainOptions): Promise<DrainReport>;
  /** The onboarding API registers where reminders come from (assignments + completion). */
  setReminderSource(source: ReminderSource, settings?: ReminderSettings): void;
  /** The onboarding API registers how assignment plans become outbox entries (the drain's first stage). */
  setFanOut(fanOut: AssignmentFanOut): void;
  /**
   * Other work that queues notifications (or finishes what a closed pulse leaves), run for a tenant on
   * each drainNow and timer run before sending: e.g. pulse announcements, reminders and sealing.
   */
  addPlanner(planner: NotificationPlanner): void;
}

/** Queues what is due for a tenant (idempotently: it runs on every drain). Errors are logged, never thrown on. */
export type NotificationPlanner = (tenantId: string, now: () => Date) => Promise<void>;

/** Test seams: a throw is a crash at that point (see drain.ts afterSend, recipient-readiness.ts afterInstall). */
export interface NotificationSeams {
  afterSend?: DrainDependencies['afterSend'];
  afterInstall?: RecipientReadinessConfig['afterInstall'];
}

const EMPTY_REPORT: DrainReport = { calls: 0, sent: 0, retried: 0, throttled: 0, dead: 0, lostClaims: 0 };

export function createNotificationServiceFromEnv(
  env: NodeJS.ProcessEnv,
  outbox: OutboxRepository,
  listTenantIds: () => Promise<string[]>,
  clock: () => Date = () => new Date(),
  seams: NotificationSeams = {},
  /** The Teams app's manifest id (TEAMS_APP_ID, or the local default). */
  manifestAppId: string = env.TEAMS_APP_ID ?? '',
  /** Each recipient's language (notification-text.ts recipientLanguages); without it, English. */
  languages?: DrainDependencies['languages'],
): NotificationService {
  const clientId = env.GRAPH_CLIENT_ID;
  let drain: NotificationDrain | undefined;
  if (clientId) {
    if (env.GRAPH_CLIENT_ASSERTION && env.WEBSITE_INSTANCE_ID) throw new Error('GRAPH_CLIENT_ASSERTION is for local use only');
    const fixedAssertion = env.GRAPH_CLIENT_ASSERTION;
    const tokens = createTokenCache(
      clientCredentialsTokenSource({
        authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
        clientId,
        clientAssertion: fixedAssertion ? async () => fixedAssertion : managedIdentityAssertion(env.MANAGED_IDENTITY_CLIENT_ID),
      }),
    );
    const graph = createGraphClient({ baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com', tokens });
    if (!manifestAppId) throw new Error('TEAMS_APP_ID (the Teams app manifest id) is needed to find the app in each tenant\'s catalog');
    const recipients = createRecipientReadiness({ http: graph.http, manifestAppId, now: () => clock().getTime(), ...(seams.afterInstall ? { afterInstall: seams.afterInstall } : {}) });
    drain = createNotificationDrain({ outbox, graph, recipients, ...(languages ? { languages } : {}), now: () => clock().getTime(), ...(seams.afterSend ? { afterSend: seams.afterSend } : {}) });
  }
  let reminders: { source: ReminderSource; settings: ReminderSettings } | undefined;
  let fanOut: AssignmentFanOut | undefined;
  const planners: NotificationPlanner[] = [];
  const runPlanners = async (tenantId: string) => {
    for (const planner of planners) {
      try {
        await planner(tenantId, clock);
      } catch (error) {
        // One planner's failure holds back neither the others nor the sends; the timer runs it again.
        console.error(`A notification planner failed for tenant ${tenantId}`, error);
      }
    }
  };
  const running = new Map<string, Promise<DrainReport>>();
  let warned = false;
  const disabled = async (): Promise<DrainReport> => {
    if (!warned) console.warn('Notifications are not sent: GRAPH_CLIENT_ID is not set. They stay queued in the outbox.');
    warned = true;
    return { ...EMPTY_REPORT };
  };

  return {
    enabled: drain !== undefined,
    drainNow(tenantId) {
      const run = async (): Promise<DrainReport> => {
        try {
          // Queued even without Graph: the leader then sees who is waiting.
          await fanOut?.(tenantId, clock);
          await runPlanners(tenantId);
          if (!drain) return await disabled();
          return await drain.drain([tenantId]);
        } catch (error) {
          console.error(`Notification drain for tenant ${tenantId} failed; the timer will retry`, error);
          return { ...EMPTY_REPORT };
        }
      };
      const next = (running.get(tenantId) ?? Promise.resolve(EMPTY_REPORT)).then(run);
      running.set(tenantId, next);
      void next.finally(() => {
        if (running.get(tenantId) === next) running.delete(tenantId);
      });
      return next;
    },
    async settled(tenantId) {
      while (running.has(tenantId)) await running.get(tenantId);
    },
    async drainAll(options) {
      const tenantIds = await listTenantIds();
      for (const tenantId of fanOut ? tenantIds : []) {
        try {
          await fanOut!(tenantId, clock);
        } catch (error) {
          // One tenant's failure does not hold the others back; its plans stay for the next run.
          console.error(`Expanding assignment plans for tenant ${tenantId} failed`, error);
        }
      }
      for (const tenantId of planners.length > 0 ? tenantIds : []) await runPlanners(tenantId);
      if (reminders) {
        const now = clock();
        for (const tenantId of tenantIds) {
          // Idempotent per person per day, so every run of the timer may plan again.
          await enqueueNotifications(outbox, tenantId, planReminders(await reminders.source(tenantId), now, reminders.settings), now);
        }
      }
      if (!drain) return disabled();
      return drain.drain(tenantIds, options);
    },
    setReminderSource(source, settings = DEFAULT_REMINDER_SETTINGS) {
      reminders = { source, settings };
    },
    setFanOut(next) {
      fanOut = next;
    },
    addPlanner(planner) {
      planners.push(planner);
    },
  };
}
