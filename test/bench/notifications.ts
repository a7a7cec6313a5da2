/**
 * Notification drain figures for `npm run bench` (the lead wires it into run.ts):
 * pushes N assignments (one person each) as the app does: assignment plans (cohorts of 1,000) that
 * the fan-out expands into the real outbox (embedded Cosmos), then the real drain sends them to the
 * loopback fake Graph, which enforces its own per-tenant rate limit and throttles a share of the
 * traffic on top (429 + Retry-After). Prints:
 * - throughput as a ratio of the calls per second the fake allows (target ≥ 0.8);
 * - memory at 1k and at 10k: the drain's own peak heap above the baseline (should be flat: it holds
 *   one page of entries per tenant, whatever the backlog) and the process's max RSS (which includes
 *   the in-process embedded Cosmos holding every document, so it grows with the data, not the drain).
 * Run alone: node --import tsx test/bench/notifications.ts
 */
import https from 'node:https';
import { resourceUsage } from 'node:process';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID } from '../../api/src/data/containers.js';
import { ensureContainers } from '../../api/src/data/cosmos-client.js';
import { assignmentIdFor, type AssignmentDocument } from '../../api/src/data/onboarding-documents.js';
import { createOnboardingRepository } from '../../api/src/data/onboarding-repository.js';
import { createOutboxRepository } from '../../api/src/data/outbox-repository.js';
import { createAssignmentFanOut } from '../../api/src/notifications/assignment-fan-out.js';
import { startEmbeddedCosmos } from '../../api/src/local/embedded-cosmos.js';
import { createNotificationDrain } from '../../api/src/notifications/drain.js';
import { createGraphClient } from '../../api/src/notifications/graph-client.js';
import { clientCredentialsTokenSource, createTokenCache } from '../../api/src/notifications/graph-token.js';
import { startFakeGraph } from '../../api/src/local/fake-m365/fake-graph.js';

export interface DrainRunFigure {
  assignments: number;
  tenants: number;
  seconds: number;
  /** Of which: expanding the plans into the outbox (the fan-out, before the first send). */
  fanOutSeconds: number;
  calls: number;
  callsPerSecond: number;
  allowedCallsPerSecond: number;
  ratio: number;
  throttled: number;
  /** 429s the fake was told to answer (part of the traffic), and 429s of its own rate limit. */
  injectedThrottles: number;
  rateLimited: number;
  delivered: number;
  drainPeakHeapMb: number;
  maxRssMb: number;
}

export interface NotificationBenchOptions {
  /** Sizes to run (default 1,000 and 10,000). */
  sizes?: number[];
  tenants?: number;
  /** The fake's (and the pacing's) bulk limit per tenant, calls per second (default 2: Graph's published limit). */
  bulkPerTenantPerSecond?: number;
  /** Share of calls the fake throttles on top of its rate limit (default 0.02). */
  throttleFraction?: number;
}

/** A full GC without needing --expose-gc on the command line (run.ts is started without it). */
function garbageCollector(): () => void {
  v8.setFlagsFromString('--expose_gc');
  return vm.runInNewContext('gc') as () => void;
}
const collectGarbage = garbageCollector();

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function runOnce(assignments: number, options: Required<NotificationBenchOptions>): Promise<DrainRunFigure> {
  const cosmos = await startEmbeddedCosmos();
  // Idle sockets are dropped well before the embedded server's 5 s keep-alive timeout: the drain idles
  // while it waits out a Retry-After, and a socket the server closed meanwhile would answer ECONNRESET.
  const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, timeout: 2_000 });
  const client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, agent });
  const graph = await startFakeGraph({ rateLimit: { bulk: options.bulkPerTenantPerSecond, single: options.bulkPerTenantPerSecond * 2.5 } });
  try {
    await ensureContainers(client);
    const container = client.database(DATABASE_ID).container(CONTAINERS.onboarding.id);
    const outbox = createOutboxRepository(container);
    const onboarding = createOnboardingRepository(container);
    const tenantIds = Array.from({ length: options.tenants }, (_, i) => `bench-tenant-${i}`);
    // Cohorts of 1,000 people per assignment, spread over the tenants: each assignment is one plan,
    // as POST /api/cohorts/{id}/assignments writes it.
    for (let start = 0; start < assignments; start += 1000) {
      const tenantId = tenantIds[(start / 1000) % tenantIds.length]!;
      const cohortId = `bench-cohort-${start}`;
      const recipientIds = Array.from({ length: Math.min(1000, assignments - start) }, (_, i) => `person-${start + i}`);
      const plan: AssignmentDocument = {
        id: assignmentIdFor(cohortId, 'bench-module-v1'), tenantId, type: 'assignment', cohortId, moduleId: 'bench-module', moduleVersionId: 'bench-module-v1',
        version: 1, moduleTitle: 'Our mission and why it matters', dueDate: '2026-03-20', startAt: null, audience: 'everyone', recipientIds,
        fanOut: { queued: 0, pending: recipientIds.length }, createdAt: new Date().toISOString(), createdBy: 'bench',
      };
      const created = await onboarding.create(plan);
      if (created.status !== 'ok') throw new Error(`bench plan not written: ${created.status}`);
    }
    const fanOut = createAssignmentFanOut({ onboarding, outbox, teamsAppId: () => 'bench-app' });
    graph.inject({ kind: 'throttle', fraction: options.throttleFraction, retryAfter: '1' });
    const perTenant = options.bulkPerTenantPerSecond;
    const globalBulk = perTenant * 10;
    const tokens = createTokenCache(clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'bench' }));
    const drain = createNotificationDrain({
      outbox,
      graph: createGraphClient({ baseUrl: graph.baseUrl, tokens }),
      limits: { bulk: { perTenantPerSecond: perTenant, globalPerSecond: globalBulk }, single: { perTenantPerSecond: perTenant * 2.5, globalPerSecond: globalBulk * 2.5 } },
    });

    // Live heap (after a full GC), sampled once a second: garbage is not memory held.
    const liveHeap = () => (collectGarbage(), process.memoryUsage().heapUsed);
    const started = performance.now();
    // As the timer does: expand every tenant's plans, then drain.
    for (const tenantId of tenantIds) await fanOut(tenantId, () => new Date());
    const fanOutSeconds = (performance.now() - started) / 1000;
    // The baseline is taken once the entries are written: the embedded Cosmos holds them in this
    // process's heap, and that is the store's memory, not the drain's.
    const baseline = liveHeap();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 1_000);
    const drainStarted = performance.now();
    const report = await drain.drain(tenantIds, { retryHorizonMs: 10_000 });
    const seconds = fanOutSeconds + (performance.now() - drainStarted) / 1000;
    clearInterval(sampler);

    // Tenants with work: cohorts of 1,000 go round the tenants.
    const busyTenants = Math.min(options.tenants, Math.ceil(assignments / 1000));
    const allowed = Math.min(perTenant * busyTenants, globalBulk);
    const throttledBy = (reason: string) => graph.calls.filter((call) => call.reason === reason).length;
    const successfulCalls = graph.calls.filter((call) => call.status === 202 || call.status === 204).length;
    return {
      assignments,
      tenants: options.tenants,
      seconds,
      fanOutSeconds,
      calls: graph.calls.length,
      callsPerSecond: successfulCalls / seconds,
      allowedCallsPerSecond: allowed,
      // Only the calls that had to be made count: the ideal drain needs ceil(n/100) calls at the allowed rate.
      ratio: Math.ceil(assignments / 100) / allowed / seconds,
      throttled: report.throttled,
      injectedThrottles: throttledBy('injected'),
      rateLimited: throttledBy('rate limit'),
      delivered: graph.feed().length,
      drainPeakHeapMb: mb(peak - baseline),
      maxRssMb: Math.round(resourceUsage().maxRSS / 1024),
    };
  } finally {
    await graph.close();
    client.dispose();
    await cosmos.close();
  }
}

export async function measureNotificationDrain(options: NotificationBenchOptions = {}): Promise<DrainRunFigure[]> {
  const resolved: Required<NotificationBenchOptions> = {
    sizes: options.sizes ?? [1_000, 10_000],
    tenants: options.tenants ?? Number(process.env.BENCH_NOTIFY_TENANTS ?? 2),
    bulkPerTenantPerSecond: options.bulkPerTenantPerSecond ?? 2,
    throttleFraction: options.throttleFraction ?? 0.02,
  };
  const figures: DrainRunFigure[] = [];
  for (const size of resolved.sizes) figures.push(await runOnce(size, resolved));
  printNotificationDrain(figures);
  return figures;
}

export function printNotificationDrain(figures: readonly DrainRunFigure[]): void {
  console.log('Notifications: assignment plans → fan-out → outbox → drain → fake Graph (rate-limited per tenant, part of the traffic throttled with 429)');
  for (const figure of figures) {
    console.log(
      `  ${String(figure.assignments).padStart(6)} assignments, ${figure.tenants} tenants: ${figure.seconds.toFixed(1)} s (fan-out ${figure.fanOutSeconds.toFixed(1)} s), ${figure.calls} calls (429: ${figure.injectedThrottles} injected, ${figure.rateLimited} rate limit), ` +
        `${figure.delivered} delivered; throughput ratio ${figure.ratio.toFixed(2)} of the fake's ${figure.allowedCallsPerSecond} calls/s (target ≥ 0.8); ` +
        `drain peak heap +${figure.drainPeakHeapMb} MB, process max RSS ${figure.maxRssMb} MB`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await measureNotificationDrain({
    ...(process.env.BENCH_NOTIFY_SIZES ? { sizes: process.env.BENCH_NOTIFY_SIZES.split(',').map(Number) } : {}),
    ...(process.env.BENCH_NOTIFY_RATE ? { bulkPerTenantPerSecond: Number(process.env.BENCH_NOTIFY_RATE) } : {}),
  });
}
