/**
 * The home view under many connections: GET /api/me/line-of-sight through the full stack with 10
 * and then 200 concurrent keep-alive connections (autocannon, same duration), alternated over a few
 * rounds, each run started on an idle stack and measured once every connection has been answered.
 * Reports the medians: requests/s, CPU per request, p99 latency, errors and timeouts, how long it
 * took until every connection had an answer, and the most sockets seen open to the embedded store
 * during the run (sampled). The target is that 200 connections keep
 * at least 0.9× the throughput of 10, with no errors and no timeouts: a bounded pool and short
 * event-loop turns mean more clients only wait in line, they do not slow everyone down.
 */
import autocannon from 'autocannon';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import type { LocalStack } from '../../api/src/local/stack.js';

export interface ConcurrencyRun {
  connections: number;
  /** Seconds until every connection had its first answer (undefined: not within the warm-up limit). */
  allAnsweredSeconds: number | undefined;
  requestsPerSecond: number;
  /**
   * CPU time of this process (stack and load generator) per response: unlike requests/s it hardly
   * depends on what else the machine runs, so its ratio shows whether more connections cost more.
   */
  cpuMsPerRequest: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Most connections open to the embedded store while the run lasted (undefined for an external store). */
  maxStoreSockets: number | undefined;
}

export interface ConcurrencyFigures {
  few: ConcurrencyRun;
  many: ConcurrencyRun;
  /** many.requestsPerSecond / few.requestsPerSecond */
  ratio: number;
  /** few.cpuMsPerRequest / many.cpuMsPerRequest: the ratio the throughputs would have on an otherwise idle machine. */
  cpuRatio: number;
}

export interface ConcurrencyOptions {
  /** Seconds measured per run, once every connection has been answered. */
  seconds: number;
  few?: number;
  many?: number;
  rounds?: number;
}

async function devToken(stack: LocalStack, tenantId: string, userId: string): Promise<string> {
  const response = await fetch(`${stack.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, userId }),
  });
  if (!response.ok) throw new Error(`dev token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** How long a run waits for every connection to get its first answer before it measures anyway. */
const MAX_WARMUP_SECONDS = 20;

/**
 * One autocannon run: first every connection gets its first answer (connections are accepted one
 * per event-loop turn, so at 200 that takes a while: reported as `allAnsweredSeconds`), then
 * throughput, CPU and p99 are measured over `seconds` of steady state. Errors and timeouts count
 * over the whole run, warm-up included.
 */
async function run(stack: LocalStack, token: string, connections: number, seconds: number): Promise<ConcurrencyRun> {
  let maxStoreSockets: number | undefined;
  const sample = async () => {
    const open = await stack.cosmos.openConnections?.();
    if (open !== undefined) maxStoreSockets = Math.max(maxStoreSockets ?? 0, open);
  };
  const sampler = setInterval(() => void sample(), 200);
  const started = performance.now();
  const answered = new Set<object>();
  const latencies: number[] = [];
  let windowStart: number | undefined;
  let cpuAtWindowStart: NodeJS.CpuUsage | undefined;
  let stopTimer: NodeJS.Timeout | undefined;
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${stack.url}/api/me/line-of-sight`,
          headers: { authorization: `Bearer ${token}` },
          connections,
          duration: MAX_WARMUP_SECONDS + seconds,
          // A request waiting longer than this counts as a timeout (autocannon's default is 10 s).
          timeout: 10,
        },
        (error, finished) => (error ? reject(error) : resolve(finished)),
      );
      instance.on('response', (client, _status, _bytes, responseTime) => {
        if (windowStart !== undefined) {
          latencies.push(responseTime);
          return;
        }
        answered.add(client);
        if (answered.size < connections) return;
        windowStart = performance.now();
        cpuAtWindowStart = process.cpuUsage();
        stopTimer = setTimeout(() => instance.stop(), seconds * 1000);
      });
    });
    const measuredSeconds = windowStart === undefined ? 0 : (performance.now() - windowStart) / 1000;
    const cpu = process.cpuUsage(cpuAtWindowStart);
    latencies.sort((a, b) => a - b);
    return {
      connections,
      allAnsweredSeconds: windowStart === undefined ? undefined : (windowStart - started) / 1000,
      requestsPerSecond: measuredSeconds > 0 ? latencies.length / measuredSeconds : 0,
      cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
      p99Ms: percentile(latencies, 0.99),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      maxStoreSockets,
    };
  } finally {
    clearInterval(sampler);
    clearTimeout(stopTimer);
  }
}

async function homeViewMs(stack: LocalStack, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${stack.url}/api/me/line-of-sight`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return performance.now() - started;
}

/**
 * Requests a client gave up on at the end of a run are still being answered; wait (up to 30 s)
 * until a home view is about as quick as on an idle stack, so the next run starts on an idle stack.
 */
async function settle(stack: LocalStack, token: string, idleMs: number): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && (await homeViewMs(stack, token)) > Math.max(3 * idleMs, idleMs + 50)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const middleOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const median = (runs: ConcurrencyRun[]): ConcurrencyRun => {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  // Errors and timeouts are summed over every round: one bad round must show.
  return {
    ...middle,
    cpuMsPerRequest: middleOf(runs.map((one) => one.cpuMsPerRequest)),
    // The slowest round: undefined if any round never had every connection answered.
    allAnsweredSeconds: runs.some((one) => one.allAnsweredSeconds === undefined) ? undefined : Math.max(...runs.map((one) => one.allAnsweredSeconds ?? 0)),
    errors: runs.reduce((sum, one) => sum + one.errors, 0),
    timeouts: runs.reduce((sum, one) => sum + one.timeouts, 0),
    non2xx: runs.reduce((sum, one) => sum + one.non2xx, 0),
    p99Ms: Math.max(...runs.map((one) => one.p99Ms)),
    maxStoreSockets: runs.some((one) => one.maxStoreSockets !== undefined) ? Math.max(...runs.map((one) => one.maxStoreSockets ?? 0)) : undefined,
  };
};

export async function measureHomeViewConcurrency(stack: LocalStack, options: ConcurrencyOptions): Promise<ConcurrencyFigures> {
  const few = options.few ?? 10;
  const many = options.many ?? 200;
  const rounds = options.rounds ?? 3;
  const token = await devToken(stack, CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
  // Warm-up: JIT, the store's query cache, the connection pool; then the idle latency to settle to.
  await run(stack, token, many, 1);
  const idle: number[] = [];
  for (let index = 0; index < 5; index += 1) idle.push(await homeViewMs(stack, token));
  const idleMs = Math.min(...idle);
  const fewRuns: ConcurrencyRun[] = [];
  const manyRuns: ConcurrencyRun[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await settle(stack, token, idleMs);
    fewRuns.push(await run(stack, token, few, options.seconds));
    await settle(stack, token, idleMs);
    manyRuns.push(await run(stack, token, many, options.seconds));
  }
  await settle(stack, token, idleMs);
  const fewFigure = median(fewRuns);
  const manyFigure = median(manyRuns);
  return {
    few: fewFigure,
    many: manyFigure,
    ratio: manyFigure.requestsPerSecond / fewFigure.requestsPerSecond,
    cpuRatio: fewFigure.cpuMsPerRequest / manyFigure.cpuMsPerRequest,
  };
}

const describe = (figure: ConcurrencyRun) =>
  `${String(figure.connections).padStart(3)} connections: ${figure.requestsPerSecond.toFixed(0).padStart(5)} requests/s, ${figure.cpuMsPerRequest.toFixed(1)} ms CPU each, ` +
  `p99 ${figure.p99Ms.toFixed(0)} ms, errors ${figure.errors}, timeouts ${figure.timeouts}, non-2xx ${figure.non2xx}, ` +
  (figure.allAnsweredSeconds === undefined ? `NOT every connection answered within ${MAX_WARMUP_SECONDS} s` : `every connection answered within ${figure.allAnsweredSeconds.toFixed(1)} s`) +
  (figure.maxStoreSockets === undefined ? '' : `, sockets to the store ≤ ${figure.maxStoreSockets}`);

export function printHomeViewConcurrency(figures: ConcurrencyFigures, target: number): void {
  console.log('Home view under concurrent connections (medians of the rounds; errors/timeouts summed, p99 the worst round)');
  console.log(`  ${describe(figures.few)}`);
  console.log(`  ${describe(figures.many)}`);
  console.log(`  ratio ${figures.many.connections}/${figures.few.connections}: ${figures.ratio.toFixed(2)} (target ≥ ${target}, with no errors and no timeouts)`);
  console.log(`  CPU-time ratio (what the throughput ratio would be with the CPU to itself): ${figures.cpuRatio.toFixed(2)}`);
}
