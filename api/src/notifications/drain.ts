/**
 * The outbox drain: claims due entries, sends them through Graph under the pacing limits, and
 * records the outcome. Exactly once for the person, even across crashes and concurrent drains:
 * - a claim is an etag-conditional write (pending → sending + lease), so two drains never both
 *   own an entry;
 * - an entry whose drain died after Graph accepted it but before "sent" was written stays
 *   "sending" until its lease expires, then is sent again with the SAME chainId, which makes Graph
 *   replace the earlier notification instead of adding a second one;
 * - an entry is marked sent only by the owner of its current lease (etag-conditional again).
 * A call's claims and marks are one transactional batch when every etag holds (outbox-repository.ts).
 * Between claim and send, `recipients` (recipient-readiness.ts) makes sure each person has the app
 * (Teams delivers to nobody else) and gives the app's catalog id, sent as teamsAppId and put in the
 * deep link; people who cannot be reached are retried or dead-lettered with a plain reason.
 * Each recipient reads the notification in their language (`languages`): one batch per chain and
 * language, its text written from the entry's message when it is sent (notification-text.ts).
 */
import { randomUUID } from 'node:crypto';
import type { OutboxRepository, StoredOutboxDocument } from '../data/outbox-repository.js';
import { batchesOf, languageLookup, sleep, SPACING_MARGIN, type Batch, type RecipientLanguages } from './drain-batches.js';
import type { GraphClient, SendOutcome } from './graph-client.js';
import { createPacer, GRAPH_ACTIVITY_LIMITS, type Pacer, type RateLimit } from './pacing.js';
import { sendFailureReason } from './dead-letter-reasons.js';
import { deepLinkForApp } from './notification-content.js';
import { contentIn } from './notification-text.js';
import { splitByReadiness, type RecipientReadiness } from './recipient-readiness.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy, type SendFailure } from './retry-policy.js';

export interface DrainDependencies {
  outbox: OutboxRepository;
  graph: GraphClient;
  /**
   * Makes each recipient reachable before the send: the app's catalog id (sent as teamsAppId and in
   * the deep link), installed where missing (recipient-readiness.ts). Without it (tests of the drain
   * alone, the bench's baseline) entries are sent as they are, with no teamsAppId.
   */
  recipients?: RecipientReadiness;
  /**
   * Each recipient's language (notificationLanguageOf), looked up once per page of due entries.
   * Without it (tests of the drain alone) everyone reads English; anyone missing from the map too.
   */
  languages?: RecipientLanguages;
  limits?: { bulk: RateLimit; single: RateLimit };
  retry?: RetryPolicy;
  /** How long a claim stays exclusive; must exceed one send (request timeout) comfortably. */
  leaseMs?: number;
  owner?: string;
  /** Wall clock for the stored times (due, lease); tests move it forward. */
  now?: () => number;
  /** Monotonic clock the pacing waits on; real by default. */
  pacingNow?: () => number;
  random?: () => number;
  /** Entries fetched per tenant at a time: bounds memory whatever the backlog. */
  batchSize?: number;
  maxInFlight?: number;
  /** Test seam: runs after Graph accepted a call and before its entries are marked sent. */
  afterSend?: (entries: readonly StoredOutboxDocument[]) => void | Promise<void>;
}

export interface DrainOptions {
  signal?: AbortSignal;
  /** Keep going for retries that fall due within this many ms (0: leave them to the next run). */
  retryHorizonMs?: number;
  /** Stop starting new sends after this long (the timer's run budget). */
  maxRunMs?: number;
}

export interface DrainReport {
  calls: number;
  sent: number;
  retried: number;
  throttled: number;
  dead: number;
  /** Entries another drain claimed first, or whose lease another drain took over. */
  lostClaims: number;
}

export interface NotificationDrain {
  drain(tenantIds: readonly string[], options?: DrainOptions): Promise<DrainReport>;
  /** Drain one tenant now (e.g. right after an assignment); runs after any drain of it in progress. */
  drainNow(tenantId: string): Promise<DrainReport>;
}

export function createNotificationDrain(deps: DrainDependencies): NotificationDrain {
  const now = deps.now ?? Date.now;
  const pacingNow = deps.pacingNow ?? (() => performance.now());
  const random = deps.random ?? Math.random;
  const retry = deps.retry ?? DEFAULT_RETRY_POLICY;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  const owner = deps.owner ?? `drain-${randomUUID()}`;
  const limits = deps.limits ?? GRAPH_ACTIVITY_LIMITS;
  // Shared by every run in this process, so a timer run and a drainNow together still keep the limits.
  const pacers: Record<'bulk' | 'single', Pacer> = {
    bulk: createPacer(limits.bulk, pacingNow()),
    single: createPacer(limits.single, pacingNow()),
  };

  /**
   * The pacer chose this batch's turn before its claims were written; claims take a variable time,
   * so the request itself is spaced again here: never closer to the tenant's previous request of
   * the same kind than the limit allows (plus a small margin for the trip to Graph).
   */
  const nextSendAt = new Map<string, number>();
  async function spaceSends(batch: Batch): Promise<void> {
    const kind = batch.bulk ? 'bulk' : 'single';
    const key = `${batch.tenantId}|${kind}`;
    const wait = (nextSendAt.get(key) ?? 0) - pacingNow();
    nextSendAt.set(key, Math.max(pacingNow(), nextSendAt.get(key) ?? 0) + (1000 / limits[kind].perTenantPerSecond) * SPACING_MARGIN);
    if (wait > 0) await sleep(wait);
  }

  /** Records a failed attempt per entry (its own failure each): retried later, or dead with the reason. */
  async function recordFailures(failures: readonly { entry: StoredOutboxDocument; failure: SendFailure }[], report: DrainReport): Promise<void> {
    const failedAt = new Date(now());
    await Promise.all(
      failures.map(async ({ entry, failure }) => {
        const decision = decideRetry(failure, entry.attempts, retry, random);
        const changes =
          decision.action === 'dead'
            ? { state: 'dead' as const, attempts: decision.attempts, lastError: decision.reason, deadAt: failedAt.toISOString() }
            : { state: 'failed' as const, attempts: decision.attempts, lastError: failure.message, nextAttemptAt: new Date(failedAt.getTime() + decision.delayMs).toISOString() };
        const written = await deps.outbox.update(entry, { ...changes, leaseUntil: undefined, leaseOwner: undefined }, failedAt);
        if (!written) report.lostClaims += 1;
        else if (decision.action === 'dead') report.dead += 1;
        else report.retried += 1;
      }),
    );
  }

  async function send(batch: Batch, report: DrainReport): Promise<void> {
    const at = now();
    const claims = await deps.outbox.claimMany(batch.entries, owner, new Date(at + leaseMs), new Date(at));
    let claimed = claims.filter((entry): entry is StoredOutboxDocument => entry !== undefined);
    report.lostClaims += batch.entries.length - claimed.length;
    if (claimed.length === 0) return;
    let teamsAppId: string | undefined;
    if (deps.recipients) {
      // Only people who have the app can be notified: find the app's catalog id, install it where missing.
      const prepared = await deps.recipients.prepare(batch.tenantId, claimed.map((entry) => entry.recipientUserId));
      const { ready, unready } = splitByReadiness(claimed, prepared.outcomes);
      report.throttled += unready.some(({ failure }) => failure.kind === 'throttled') ? 1 : 0;
      await recordFailures(unready, report);
      if (ready.length === 0) return;
      claimed = ready;
      teamsAppId = prepared.teamsAppId;
    }
    const content = contentIn(claimed[0]!.content, batch.language);
    const notification = { content: teamsAppId ? { ...content, webUrl: deepLinkForApp(content.webUrl, teamsAppId) } : content, chainId: claimed[0]!.chainId, ...(teamsAppId ? { teamsAppId } : {}) };
    report.calls += 1;
    const gate = () => spaceSends(batch);
    const outcome: SendOutcome = batch.bulk
      ? await deps.graph.sendToRecipients(batch.tenantId, notification, claimed.map((entry) => entry.recipientUserId), gate)
      : await deps.graph.sendToUser(batch.tenantId, notification, claimed[0]!.recipientUserId, gate);

    if (outcome.ok) {
      await deps.afterSend?.(claimed);
      const sentAt = new Date(now());
      const marks = await deps.outbox.updateMany(claimed, { state: 'sent', sentAt: sentAt.toISOString(), sentLanguage: batch.language, leaseUntil: undefined, leaseOwner: undefined, lastError: undefined }, sentAt);
      report.sent += marks.filter(Boolean).length;
      report.lostClaims += marks.filter((mark) => !mark).length;
      return;
    }
    if (outcome.kind === 'throttled') {
      report.throttled += 1;
      if (outcome.retryAfterMs !== undefined) pacers[batch.bulk ? 'bulk' : 'single'].holdTenant(batch.tenantId, pacingNow() + outcome.retryAfterMs);
    }
    let failure: SendFailure = outcome;
    if (outcome.kind === 'permanent' && outcome.status === 404 && !batch.bulk && deps.recipients) {
      // "Not installed" after all (uninstalled since it was checked): check and install again next time.
      deps.recipients.forget(batch.tenantId, claimed.map((entry) => entry.recipientUserId));
      failure = { kind: 'transient', message: outcome.message };
    } else if (outcome.kind === 'permanent') {
      failure = { kind: 'permanent', message: sendFailureReason(outcome) };
    }
    await recordFailures(claimed.map((entry) => ({ entry, failure })), report);
  }

  async function drain(tenantIds: readonly string[], options: DrainOptions = {}): Promise<DrainReport> {
    const report: DrainReport = { calls: 0, sent: 0, retried: 0, throttled: 0, dead: 0, lostClaims: 0 };
    const queues = new Map<string, Batch[]>(tenantIds.map((tenantId) => [tenantId, []]));
    const exhausted = new Set<string>();
    const busy = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    const startedAt = pacingNow();
    const horizon = options.retryHorizonMs ?? 0;
    let crash: unknown;
    const stopped = () => crash !== undefined || options.signal?.aborted || (options.maxRunMs !== undefined && pacingNow() - startedAt > options.maxRunMs);

    while (!stopped()) {
      for (const [tenantId, queue] of queues) {
        // Refetch only when nothing of this tenant is between "taken from the queue" and "claimed".
        if (queue.length > 0 || exhausted.has(tenantId) || (busy.get(tenantId) ?? 0) > 0) continue;
        const due = await deps.outbox.listClaimable(tenantId, new Date(now()), deps.batchSize ?? 500);
        if (due.length === 0) exhausted.add(tenantId);
        else queue.push(...batchesOf(tenantId, due, await languageLookup(deps.languages, tenantId, due)));
      }
      const waiting = (bulk: boolean) => [...queues].filter(([, queue]) => queue[0]?.bulk === bulk).map(([tenantId]) => tenantId);
      const bulkWaiting = waiting(true);
      const singleWaiting = waiting(false);
      if (bulkWaiting.length + singleWaiting.length === 0) {
        if (inFlight.size > 0) {
          await Promise.race(inFlight);
          continue;
        }
        const nextDue = horizon > 0 ? await earliestRetry(tenantIds) : undefined;
        if (nextDue === undefined || nextDue - now() > horizon) break;
        await sleep(Math.max(0, nextDue - now()), options.signal);
        exhausted.clear();
        continue;
      }
      if (inFlight.size >= (deps.maxInFlight ?? 8)) {
        await Promise.race(inFlight);
        continue;
      }
      const atMs = pacingNow();
      const bulkPick = bulkWaiting.length ? pacers.bulk.next(bulkWaiting, atMs) : { waitMs: Infinity };
      const singlePick = 'tenantId' in bulkPick || !singleWaiting.length ? { waitMs: Infinity } : pacers.single.next(singleWaiting, atMs);
      const picked = 'tenantId' in bulkPick ? bulkPick.tenantId : 'tenantId' in singlePick ? singlePick.tenantId : undefined;
      if (picked === undefined) {
        const wait = Math.min('waitMs' in bulkPick ? bulkPick.waitMs : 0, 'waitMs' in singlePick ? singlePick.waitMs : 0, 1_000);
        await (inFlight.size > 0 ? Promise.race([...inFlight, sleep(wait, options.signal)]) : sleep(wait, options.signal));
        continue;
      }
      const pick = { tenantId: picked };
      const batch = queues.get(pick.tenantId)!.shift()!;
      busy.set(batch.tenantId, (busy.get(batch.tenantId) ?? 0) + 1);
      const running: Promise<void> = send(batch, report)
        .catch((error: unknown) => {
          crash ??= error;
        })
        .finally(() => {
          busy.set(batch.tenantId, (busy.get(batch.tenantId) ?? 1) - 1);
          inFlight.delete(running);
        });
      inFlight.add(running);
    }
    await Promise.all(inFlight);
    if (crash !== undefined) throw crash;
    return report;
  }

  /** The earliest nextAttemptAt among this run's tenants' failed entries (wall ms), if any. */
  async function earliestRetry(tenantIds: readonly string[]): Promise<number | undefined> {
    let earliest: number | undefined;
    for (const tenantId of tenantIds) {
      const soon = await deps.outbox.listClaimable(tenantId, new Date(now() + (1 << 30)), 1_000);
      for (const entry of soon) {
        if (entry.state !== 'failed') continue;
        const at = Date.parse(entry.nextAttemptAt);
        earliest = earliest === undefined ? at : Math.min(earliest, at);
      }
    }
    return earliest;
  }

  const running = new Map<string, Promise<DrainReport>>();
  function drainNow(tenantId: string): Promise<DrainReport> {
    const previous = running.get(tenantId) ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => drain([tenantId]));
    running.set(tenantId, next);
    void next.finally(() => {
      if (running.get(tenantId) === next) running.delete(tenantId);
    }).catch(() => undefined);
    return next;
  }

  return { drain, drainNow };
}
