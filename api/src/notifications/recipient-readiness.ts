/**
 * Before the drain sends, each recipient must be reachable: Teams delivers an activity notification
 * only to people who have the app installed, and the bulk send answers 202 without saying who got
 * nothing. So, per tenant and batch:
 * 1. the app's catalog id (teams-app-catalog.ts), cached: found for an hour, "not published" for five
 *    minutes (an admin who publishes it is picked up soon);
 * 2. for each person not known to have the app: GET their installedApps, and when it is not there
 *    POST it (409 = someone else installed it: fine). "Has the app" is then cached per tenant and
 *    person, so the check is paid once per person, not once per notification;
 * 3. the outcome per person: ready, or why not — throttled / transient (the drain retries) or
 *    permanent with a reason a leader can act on (dead-letter-reasons.ts).
 * Requests are paced under Graph's limit for these calls (30 per second per app per tenant), and a
 * 429 waits its Retry-After and tries again (three times), so a short throttle holds nothing back.
 * Installing is idempotent and happens before the send: a crash between the two leaves the entry
 * "sending" until its lease expires, and the next drain finds the app installed (no second install)
 * and sends with the same chainId (no second notification).
 */
import type { GraphHttp } from './graph-http.js';
import { catalogFailureReason, installationFailureReason, REASONS } from './dead-letter-reasons.js';
import { createRateGate, GRAPH_INSTALLATION_LIMITS, type RateLimit } from './pacing.js';
import type { SendFailure } from './retry-policy.js';
import { findCatalogApp, installFor, isInstalledFor, type GraphFailure } from './teams-app-catalog.js';

export type Readiness = { ok: true } | ({ ok: false } & SendFailure);

export interface PreparedRecipients {
  /** The app's catalog id in the tenant (absent when it could not be resolved: then nobody is ready). */
  teamsAppId?: string;
  outcomes: Map<string, Readiness>;
}

export interface RecipientReadiness {
  prepare(tenantId: string, userIds: readonly string[]): Promise<PreparedRecipients>;
  /** Graph said the app is missing after all (e.g. uninstalled): check these people again next time. */
  forget(tenantId: string, userIds: readonly string[]): void;
}

export interface RecipientReadinessConfig {
  http: GraphHttp;
  /** The manifest id (TEAMS_APP_ID): the catalog's externalId. */
  manifestAppId: string;
  /** Wall clock for the cache lifetimes. */
  now?: () => number;
  limit?: RateLimit;
  catalogTtlMs?: number;
  notFoundTtlMs?: number;
  installedTtlMs?: number;
  /** People remembered per process; the oldest are forgotten first. */
  maxRemembered?: number;
  /** Checks and installs in flight per prepare. */
  concurrency?: number;
  /** Test seam: runs after an install Graph accepted, before anything is sent. */
  afterInstall?: (tenantId: string, userId: string) => void | Promise<void>;
}

/** The entries whose recipient is ready, and the others with why not. */
export function splitByReadiness<T extends { recipientUserId: string }>(entries: readonly T[], outcomes: ReadonlyMap<string, Readiness>): { ready: T[]; unready: { entry: T; failure: SendFailure }[] } {
  const ready: T[] = [];
  const unready: { entry: T; failure: SendFailure }[] = [];
  for (const entry of entries) {
    const outcome = outcomes.get(entry.recipientUserId) ?? { ok: false, kind: 'transient', message: 'not checked' };
    if (outcome.ok) ready.push(entry);
    else unready.push({ entry, failure: outcome });
  }
  return { ready, unready };
}

type CatalogAnswer = { ok: true; id: string } | ({ ok: false } & SendFailure);

const MAX_THROTTLED_TRIES = 3;
/** A Retry-After longer than this is not waited out inline: the drain reschedules the entry instead. */
const MAX_INLINE_WAIT_MS = 60_000;

export function createRecipientReadiness(config: RecipientReadinessConfig): RecipientReadiness {
  const now = config.now ?? Date.now;
  const gate = createRateGate(config.limit ?? GRAPH_INSTALLATION_LIMITS);
  const catalog = new Map<string, { answer: CatalogAnswer; until: number }>();
  const catalogInFlight = new Map<string, Promise<CatalogAnswer>>();
  /** tenant|person|catalog id → until when "has the app" is trusted. Insertion order = age. */
  const installed = new Map<string, number>();
  const key = (tenantId: string, userId: string, appId: string) => `${tenantId}|${userId}|${appId}`;

  function remember(cacheKey: string): void {
    installed.delete(cacheKey);
    installed.set(cacheKey, now() + (config.installedTtlMs ?? 12 * 3_600_000));
    const max = config.maxRemembered ?? 200_000;
    while (installed.size > max) installed.delete(installed.keys().next().value!);
  }

  /** A request with its turn under the gate, waiting out short 429s (they hold the whole tenant). */
  async function paced<T>(tenantId: string, call: (turn: () => Promise<void>) => Promise<{ ok: true } & T | GraphFailure>): Promise<{ ok: true } & T | GraphFailure> {
    for (let tries = 1; ; tries += 1) {
      const answer = await call(() => gate.pass(tenantId));
      if (answer.ok || answer.kind !== 'throttled') return answer;
      const waitMs = answer.retryAfterMs ?? 1_000;
      gate.holdTenant(tenantId, performance.now() + waitMs);
      if (tries >= MAX_THROTTLED_TRIES || waitMs > MAX_INLINE_WAIT_MS) return answer;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  async function resolveCatalog(tenantId: string): Promise<CatalogAnswer> {
    const found = await paced(tenantId, (turn) => findCatalogApp(config.http, tenantId, config.manifestAppId, turn));
    let answer: CatalogAnswer;
    if (found.ok) answer = found.app ? { ok: true, id: found.app.id } : { ok: false, kind: 'permanent', message: REASONS.notInCatalog };
    else answer = found.kind === 'permanent' ? { ok: false, kind: 'permanent', message: catalogFailureReason(found) } : found;
    // Failures that will pass (throttling, outages) are not remembered; "not published" is, briefly.
    const lifetime = answer.ok ? (config.catalogTtlMs ?? 3_600_000) : answer.kind === 'permanent' ? (config.notFoundTtlMs ?? 300_000) : 0;
    if (lifetime > 0) catalog.set(tenantId, { answer, until: now() + lifetime });
    return answer;
  }

  function catalogAppId(tenantId: string): Promise<CatalogAnswer> {
    const cached = catalog.get(tenantId);
    if (cached && cached.until > now()) return Promise.resolve(cached.answer);
    let pending = catalogInFlight.get(tenantId);
    if (!pending) {
      // Concurrent batches of one tenant share one lookup.
      pending = resolveCatalog(tenantId).finally(() => catalogInFlight.delete(tenantId));
      catalogInFlight.set(tenantId, pending);
    }
    return pending;
  }

  async function ready(tenantId: string, userId: string, appId: string): Promise<Readiness> {
    const cacheKey = key(tenantId, userId, appId);
    if ((installed.get(cacheKey) ?? 0) > now()) return { ok: true };
    const check = await paced(tenantId, (turn) => isInstalledFor(config.http, tenantId, userId, appId, turn));
    if (!check.ok) return check.kind === 'permanent' ? { ok: false, kind: 'permanent', message: installationFailureReason(check, 'check') } : check;
    if (!check.installed) {
      const install = await paced(tenantId, (turn) => installFor(config.http, tenantId, userId, appId, turn));
      if (!install.ok) return install.kind === 'permanent' ? { ok: false, kind: 'permanent', message: installationFailureReason(install, 'install') } : install;
      if (!install.alreadyInstalled) await config.afterInstall?.(tenantId, userId);
    }
    remember(cacheKey);
    return { ok: true };
  }

  return {
    async prepare(tenantId, userIds) {
      const outcomes = new Map<string, Readiness>();
      const app = await catalogAppId(tenantId);
      if (!app.ok) {
        const { ok: _ok, ...failure } = app;
        for (const userId of userIds) outcomes.set(userId, { ok: false, ...failure });
        return { outcomes };
      }
      const waiting = [...new Set(userIds)];
      const workers = Array.from({ length: Math.min(config.concurrency ?? 8, waiting.length) }, async () => {
        for (let userId = waiting.shift(); userId !== undefined; userId = waiting.shift()) outcomes.set(userId, await ready(tenantId, userId, app.id));
      });
      await Promise.all(workers);
      return { teamsAppId: app.id, outcomes };
    },
    forget(tenantId, userIds) {
      const app = catalog.get(tenantId)?.answer;
      if (app?.ok) for (const userId of userIds) installed.delete(key(tenantId, userId, app.id));
    },
  };
}
