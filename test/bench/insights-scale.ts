/**
 * Insights at scale, for `npm run bench`:
 * 1. the pure alignment computation (in process) at 1k, 10k and 50k tasks, as ms per 10k tasks —
 *    a flat figure across sizes is linear growth;
 * 2. on a generated 10,000-people / 50,000-tasks / 100-strategies tenant: how long loading it takes,
 *    and GET /api/insights throughput as a ratio to GET /api/me/line-of-sight (both through the
 *    full stack, same connections, same duration).
 * It starts its own local stack: 50k extra tasks would slow every other figure of the embedded server.
 */
import https from 'node:https';
import autocannon from 'autocannon';
import { CosmosClient } from '@azure/cosmos';
import { computeAlignment } from '../../api/src/domain/alignment.js';
import { startLocalStack, type LocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation, type OrganisationSize } from './generate-organisation.js';

export interface ComputationFigure {
  tasks: number;
  people: number;
  milliseconds: number;
  msPer10kTasks: number;
}

export interface InsightsScaleFigures {
  computation: ComputationFigure[];
  load: { documents: number; seconds: number };
  insightsRequestsPerSecond: number;
  homeViewRequestsPerSecond: number;
  ratio: number;
}

export interface InsightsScaleOptions {
  /** Seconds per autocannon run (default 5). */
  seconds?: number;
  /** Concurrent connections (default 4: an insights answer at 50k tasks takes a while). */
  connections?: number;
  /** The organisation for the endpoint figures (default 10k people, 50k tasks, 100 strategies). */
  size?: OrganisationSize;
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

async function measureEndpoints(stack: LocalStack, organisation: GeneratedOrganisation, connections: number, seconds: number) {
  const issuer = getServices().auth.devTokenIssuer;
  if (!issuer) throw new Error('The bench needs the local stack in dev mode');
  const token = (userId: string) => {
    const person = organisation.people.find((candidate) => candidate.id === userId);
    return issuer.issueDevToken({ tenantId: organisation.tenantId, userId, roles: person?.roles ?? ['Employee'], displayName: person?.displayName });
  };
  const leader = await token(organisation.leaderId);
  const employee = await token(organisation.employeeId);
  const insightsUrl = `${stack.url}/api/insights`;
  const homeUrl = `${stack.url}/api/me/line-of-sight`;
  // Warm-up of each, then alternate so a burst of machine noise skews neither side alone.
  await requestsPerSecond(insightsUrl, leader, 1, 1);
  await requestsPerSecond(homeUrl, employee, 1, 1);
  const insights: number[] = [];
  const home: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    home.push(await requestsPerSecond(homeUrl, employee, connections, seconds));
    // An insights request takes seconds at this size: a run of a few seconds would count none finished.
    insights.push(await requestsPerSecond(insightsUrl, leader, connections, Math.max(seconds, 20)));
  }
  return { insightsRequestsPerSecond: median(insights), homeViewRequestsPerSecond: median(home) };
}

export async function measureInsightsScale(options: InsightsScaleOptions = {}): Promise<InsightsScaleFigures> {
  const computation = measureComputation();
  const size = options.size ?? { people: 10_000, tasks: 50_000, strategies: 100, seed: 42 };
  const organisation = generateOrganisation(size);
  const stack = await startLocalStack({ port: 0 });
  try {
    const client = new CosmosClient({
      endpoint: stack.cosmos.endpoint,
      key: stack.cosmos.key,
      agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    });
    let written;
    try {
      written = await writeOrganisation(client, organisation);
    } finally {
      client.dispose();
    }
    const rates = await measureEndpoints(stack, organisation, options.connections ?? 4, options.seconds ?? 5);
    return {
      computation,
      load: { documents: written.documents, seconds: written.milliseconds / 1000 },
      ...rates,
      ratio: rates.insightsRequestsPerSecond / rates.homeViewRequestsPerSecond,
    };
  } finally {
    await stack.close();
  }
}

export function printInsightsScale(figures: InsightsScaleFigures, size = '10,000 people / 50,000 tasks / 100 strategies'): void {
  const format = (value: number, digits = 1) => value.toFixed(digits);
  console.log('Insights: alignment computation (pure, in process); flat ms per 10k tasks = linear growth');
  for (const figure of figures.computation) {
    console.log(
      `  ${String(figure.tasks).padStart(6)} tasks, ${String(figure.people).padStart(6)} people: ${format(figure.milliseconds, 2).padStart(8)} ms = ${format(figure.msPer10kTasks, 2)} ms per 10k tasks`,
    );
  }
  console.log(`Insights endpoint on a generated organisation (${size}), full stack`);
  console.log(`  loaded ${figures.load.documents} documents into the embedded Cosmos DB in ${format(figures.load.seconds)} s`);
  console.log(`  GET /api/me/line-of-sight: ${format(figures.homeViewRequestsPerSecond)} requests/s`);
  console.log(`  GET /api/insights:         ${format(figures.insightsRequestsPerSecond, 2)} requests/s`);
  console.log(`  ratio insights / home view: ${format(figures.ratio, 3)}`);
}
