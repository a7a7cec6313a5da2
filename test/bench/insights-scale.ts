/**
 * Insights and the home view at scale, for `npm run bench` (or alone: `node --import tsx test/bench/insights-scale.ts`):
 * 1. the pure alignment computation from every task at 1k, 10k and 50k tasks, as ms per 10k tasks —
 *    a flat figure across sizes is linear growth (what a full recount costs);
 * 2. three generated tenants side by side (1k / 10k / 50k tasks, a person per 5 tasks, 100 strategies):
 *    GET /api/insights latency from the maintained figures, sequential requests, median — a Leader's
 *    and an Admin's — and the first read, which builds the figures of a tenant written behind the API's back;
 * 3. GET /api/me/line-of-sight requests/s for an employee of the 10,000-person tenant against one of
 *    the demo tenant (same stack, alternated): the ratio shows what in the home view grows with the tenant.
 * It starts its own local stack: 60k extra tasks would slow every other figure of the embedded server.
 */
import https from 'node:https';
import autocannon from 'autocannon';
import { CosmosClient } from '@azure/cosmos';
import { computeAlignment } from '../../api/src/domain/alignment.js';
import { pathToFileURL } from 'node:url';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { startLocalStack, type LocalStack } from '../../api/src/local/stack.js';
import { liftRateLimits } from './lift-rate-limits.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from './generate-organisation.js';

export interface ComputationFigure {
  tasks: number;
  people: number;
  milliseconds: number;
  msPer10kTasks: number;
}

export interface InsightsLatency {
  tasks: number;
  people: number;
  /** The first read of a tenant whose figures were never built (it recounts every task once). */
  firstReadMs: number;
  /** Median of sequential requests once built: a Leader (names one team) and an Admin (names a few of every team's). */
  leaderMs: number;
  adminMs: number;
  /** Response sizes (the first page of teams since issue 13). */
  leaderBytes: number;
  adminBytes: number;
  /** Median CPU time per request of the whole process (API, embedded Cosmos thread, client): steadier than wall time on a shared machine. */
  leaderCpuMs: number;
  adminCpuMs: number;
}

export interface InsightsScaleFigures {
  computation: ComputationFigure[];
  load: { documents: number; seconds: number };
  latency: InsightsLatency[];
  /** GET /api/me/line-of-sight: requests/s in the demo tenant and in the 10k-person tenant, and response bytes. */
  homeView: { demoRequestsPerSecond: number; bigRequestsPerSecond: number; ratio: number; demoBytes: number; bigBytes: number };
}

export interface InsightsScaleOptions {
  /** Seconds per autocannon run (default 5). */
  seconds?: number;
  /** Concurrent connections for the home-view runs (default 10). */
  connections?: number;
  /** Tasks per generated tenant (people = tasks / 5, 100 strategies); the largest also carries the home-view comparison. */
  taskCounts?: readonly number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Median of several timed runs after a warm-up, so the JIT and GC settle first. */
function timeComputation(organisation: GeneratedOrganisation, runs = 7): number {
  computeAlignment(organisation);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    computeAlignment(organisation);
    times.push(performance.now() - started);
  }
  return median(times);
}

export function measureComputation(taskCounts: readonly number[] = [1_000, 10_000, 50_000]): ComputationFigure[] {
  return taskCounts.map((tasks) => {
    // People and tasks grow together (5 tasks a person), strategies stay at 100, as in a growing company.
    const people = Math.max(3, Math.round(tasks / 5));
    const milliseconds = timeComputation(generateOrganisation({ people, tasks, strategies: 100, seed: 11 }));
    return { tasks, people, milliseconds, msPer10kTasks: (milliseconds * 10_000) / tasks };
  });
}

async function requestsPerSecond(url: string, token: string, connections: number, seconds: number): Promise<number> {
  const result = await autocannon({ url, headers: { authorization: `Bearer ${token}` }, connections, duration: seconds, timeout: 120 });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url} answered ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts during the run`);
  }
  return result.requests.average;
}

async function timedGet(url: string, token: string): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, bytes: body.byteLength };
}

async function tokensOf(organisation: GeneratedOrganisation) {
  const issuer = getServices().auth.devTokenIssuer;
  if (!issuer) throw new Error('The bench needs the local stack in dev mode');
  const token = (userId: string) => {
    const person = organisation.people.find((candidate) => candidate.id === userId);
    return issuer.issueDevToken({ tenantId: organisation.tenantId, userId, roles: person?.roles ?? ['Employee'], displayName: person?.displayName });
  };
  return { leader: await token(organisation.leaderId), admin: await token(organisation.adminId), employee: await token(organisation.employeeId) };
}

async function measureLatency(stack: LocalStack, organisation: GeneratedOrganisation, runs = 15): Promise<InsightsLatency> {
  const url = `${stack.url}/api/insights`;
  const { leader, admin } = await tokensOf(organisation);
  const first = await timedGet(url, leader);
  const leaderRuns: { ms: number; cpuMs: number; bytes: number }[] = [];
  const adminRuns: { ms: number; cpuMs: number; bytes: number }[] = [];
  for (let run = 0; run < runs; run += 1) {
    leaderRuns.push(await timedGet(url, leader));
    if (run % 3 === 0) adminRuns.push(await timedGet(url, admin));
  }
  const of = (answers: typeof leaderRuns, key: 'ms' | 'cpuMs') => median(answers.map((answer) => answer[key]));
  return {
    tasks: organisation.tasks.length,
    people: organisation.people.length,
    firstReadMs: first.ms,
    leaderMs: of(leaderRuns, 'ms'),
    adminMs: of(adminRuns, 'ms'),
    leaderBytes: leaderRuns.at(-1)?.bytes ?? 0,
    adminBytes: adminRuns.at(-1)?.bytes ?? 0,
    leaderCpuMs: of(leaderRuns, 'cpuMs'),
    adminCpuMs: of(adminRuns, 'cpuMs'),
  };
}

/** The home view of an employee of the demo tenant against one of the big tenant, alternated so machine noise skews neither. */
async function measureHomeViews(stack: LocalStack, big: GeneratedOrganisation, connections: number, seconds: number): Promise<InsightsScaleFigures['homeView']> {
  const url = `${stack.url}/api/me/line-of-sight`;
  const issuer = getServices().auth.devTokenIssuer!;
  const demo = await issuer.issueDevToken({ tenantId: CONTOSO_IDS.tenant, userId: CONTOSO_IDS.people.ben, roles: ['Employee'], displayName: 'Ben Carter' });
  const { employee } = await tokensOf(big);
  await requestsPerSecond(url, demo, 1, 1);
  await requestsPerSecond(url, employee, 1, 1);
  const demoRates: number[] = [];
  const bigRates: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    demoRates.push(await requestsPerSecond(url, demo, connections, seconds));
    bigRates.push(await requestsPerSecond(url, employee, connections, seconds));
  }
  const demoRequestsPerSecond = median(demoRates);
  const bigRequestsPerSecond = median(bigRates);
  return {
    demoRequestsPerSecond,
    bigRequestsPerSecond,
    ratio: bigRequestsPerSecond / demoRequestsPerSecond,
    demoBytes: (await timedGet(url, demo)).bytes,
    bigBytes: (await timedGet(url, employee)).bytes,
  };
}

export async function measureInsightsScale(options: InsightsScaleOptions = {}): Promise<InsightsScaleFigures> {
  const computation = measureComputation();
  const taskCounts = options.taskCounts ?? [1_000, 10_000, 50_000];
  // One tenant per size, side by side in one store (as tenants share Azure Cosmos DB): the largest is 10k people / 50k tasks.
  const organisations = taskCounts.map((tasks, index) => generateOrganisation({ people: Math.max(3, Math.round(tasks / 5)), tasks, strategies: 100, seed: 42, tenantIndex: 40 + index }));
  const stack = await startLocalStack({ port: 0 });
  try {
    const client = new CosmosClient({
      endpoint: stack.cosmos.endpoint,
      key: stack.cosmos.key,
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    });
    const load = { documents: 0, seconds: 0 };
    try {
      for (const organisation of organisations) {
        const written = await writeOrganisation(client, organisation);
        load.documents += written.documents;
        load.seconds += written.milliseconds / 1000;
      }
    } finally {
      client.dispose();
    }
    const latency: InsightsLatency[] = [];
    for (const organisation of organisations) latency.push(await measureLatency(stack, organisation));
    const homeView = await measureHomeViews(stack, organisations[organisations.length - 1]!, options.connections ?? 10, options.seconds ?? 5);
    return { computation, load, latency, homeView };
  } finally {
    await stack.close();
  }
}

export function printInsightsScale(figures: InsightsScaleFigures, target = { insightsMs: 100, homeRatio: 0.8 }): void {
  const format = (value: number, digits = 1) => value.toFixed(digits);
  console.log('Insights: alignment computation from every task (pure, in process); flat ms per 10k tasks = linear growth');
  for (const figure of figures.computation) {
    console.log(
      `  ${String(figure.tasks).padStart(6)} tasks, ${String(figure.people).padStart(6)} people: ${format(figure.milliseconds, 2).padStart(8)} ms = ${format(figure.msPer10kTasks, 2)} ms per 10k tasks`,
    );
  }
  console.log(`GET /api/insights from the maintained figures, full stack (loaded ${figures.load.documents} documents in ${format(figures.load.seconds)} s; 100 strategies, teams of ten)`);
  for (const row of figures.latency) {
    console.log(
      `  ${String(row.tasks).padStart(6)} tasks, ${String(row.people).padStart(6)} people: Leader ${format(row.leaderMs).padStart(6)} ms (target < ${target.insightsMs}; CPU ${format(row.leaderCpuMs)} ms, ${format(row.leaderBytes / 1024)} KB), ` +
        `Admin ${format(row.adminMs).padStart(6)} ms (CPU ${format(row.adminCpuMs)} ms, ${format(row.adminBytes / 1024)} KB), first read (builds the figures) ${format(row.firstReadMs)} ms`,
    );
  }
  const home = figures.homeView;
  const people = figures.latency[figures.latency.length - 1]?.people ?? 0;
  console.log(`Home view: GET /api/me/line-of-sight in a ${people}-person tenant against the demo tenant`);
  console.log(`  demo: ${format(home.demoRequestsPerSecond)} requests/s, ${home.demoBytes} bytes; big: ${format(home.bigRequestsPerSecond)} requests/s, ${home.bigBytes} bytes`);
  console.log(`  ratio big / demo: ${format(home.ratio, 2)} (target ≥ ${target.homeRatio})`);
}

// `node --import tsx test/bench/insights-scale.ts` runs this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  liftRateLimits();
  printInsightsScale(await measureInsightsScale({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));
}
