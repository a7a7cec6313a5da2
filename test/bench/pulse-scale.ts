/**
 * Mission pulses at scale, for `npm run bench`:
 * 1. the pure aggregation (tallies per team and for the organisation, then the suppressed groups) of
 *    10k, 50k and 100k responses across 500 teams, as ms per 10k responses — flat means linear;
 * 2. GET /api/pulses/{id}/results of a closed 100k-response, 500-team pulse (its kept tallies) as a
 *    ratio to GET /api/me/line-of-sight, both through the full stack, same connections and duration.
 */
import https from 'node:https';
import autocannon from 'autocannon';
import { CosmosClient } from '@azure/cosmos';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import type { PulseDocument } from '../../api/src/data/pulse-documents.js';
import { resultGroups, tallyResponses, type ResponseRecord } from '../../api/src/domain/pulse/aggregation.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import { startLocalStack } from '../../api/src/local/stack.js';
import { getServices } from '../../api/src/services.js';

const TEAMS = 500;
const STATEMENTS = 5;
const SIZES = [10_000, 50_000, 100_000] as const;

export interface PulseScaleFigures {
  aggregation: { responses: number; milliseconds: number; msPer10k: number; groupsMilliseconds: number }[];
  resultsRequestsPerSecond: number;
  homeViewRequestsPerSecond: number;
  ratio: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Deterministic responses: team sizes vary (a few teams stay below k), values lean towards agreeing. */
function generateResponses(count: number, seed = 7): ResponseRecord[] {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => {
    const team = Math.floor(random() ** 1.5 * TEAMS);
    return { teamId: random() < 0.02 ? null : `team-${team}`, values: Array.from({ length: STATEMENTS }, () => 1 + Math.min(4, Math.floor(random() * 3 + random() * 3))) };
  });
}

function groupsOf(tallies: ReturnType<typeof tallyResponses>, responses: number) {
  return resultGroups({
    threshold: 5,
    statementIds: Array.from({ length: STATEMENTS }, (_, index) => `s${index + 1}`),
    tallies,
    invited: { organisation: responses, teams: {} },
    teamNames: new Map(),
    organisationName: 'Org',
    answersShown: true,
    organisationOnly: false,
  });
}

/** Median of 9 timed runs after 3 warm-ups (JIT and GC settle first). */
function timed(run: () => unknown): number {
  for (let warm = 0; warm < 3; warm += 1) run();
  const times: number[] = [];
  for (let index = 0; index < 9; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Tallying grows with the responses; building the 500 suppressed groups from the tallies grows with the teams only. */
export function measureAggregation(): PulseScaleFigures['aggregation'] {
  const all = generateResponses(100_000);
  return SIZES.map((size) => {
    const responses = all.slice(0, size);
    const milliseconds = timed(() => tallyResponses(STATEMENTS, responses));
    const tallies = tallyResponses(STATEMENTS, responses);
    return { responses: size, milliseconds, msPer10k: (milliseconds * 10_000) / size, groupsMilliseconds: timed(() => groupsOf(tallies, size)) };
  });
}

async function requestsPerSecond(url: string, token: string, connections: number, seconds: number): Promise<number> {
  const result = await autocannon({ url, headers: { authorization: `Bearer ${token}` }, connections, duration: seconds, timeout: 60 });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result.requests.average;
}

export async function measurePulseScale(options: { seconds?: number; connections?: number } = {}): Promise<PulseScaleFigures> {
  const aggregation = measureAggregation();
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 10;
  const stack = await startLocalStack({ port: 0 });
  try {
    const client = new CosmosClient({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
    const tenantId = CONTOSO_IDS.tenant;
    try {
      // 500 teams and a closed pulse whose kept tallies hold 100k responses (what closing leaves behind).
      const { directory, pulses } = containersOf(client);
      for (let index = 0; index < TEAMS; index += 25) {
        await Promise.all(Array.from({ length: 25 }, (_, offset) => directory.items.upsert({ id: `team-${index + offset}`, tenantId, type: 'team', name: `Team ${index + offset}`, strategyIds: [] })));
      }
      const responses = generateResponses(100_000);
      const invited: Record<string, number> = {};
      for (const response of responses) if (response.teamId) invited[response.teamId] = (invited[response.teamId] ?? 0) + 2;
      const pulse: PulseDocument = {
        id: 'bench-pulse', tenantId, type: 'pulse', title: 'Bench pulse',
        statements: Array.from({ length: STATEMENTS }, (_, index) => ({ id: `s${index + 1}`, text: `Statement ${index + 1}` })),
        audience: null, threshold: 5, status: 'closed', openedAt: '2026-01-05T08:00:00.000Z', closesAt: '2026-01-12T08:00:00.000Z', closedAt: '2026-01-12T08:00:00.000Z',
        createdBy: { id: 'bench', displayName: 'Bench' }, invited: { organisation: 200_000, teams: invited }, remindAt: '2026-01-08T08:00:00.000Z',
        summary: { tallies: tallyResponses(STATEMENTS, responses), comments: [] }, sealedAt: '2026-01-12T08:00:00.000Z',
      };
      await pulses.items.upsert(pulse);
    } finally {
      client.dispose();
    }
    const issuer = getServices().auth.devTokenIssuer;
    if (!issuer) throw new Error('The bench needs the local stack in dev mode');
    const leader = await issuer.issueDevToken({ tenantId, userId: CONTOSO_IDS.people.grace, roles: ['Employee', 'Leader', 'Admin'], displayName: 'Grace Lee' });
    const employee = await issuer.issueDevToken({ tenantId, userId: CONTOSO_IDS.people.ben, roles: ['Employee'], displayName: 'Ben Carter' });
    const resultsUrl = `${stack.url}/api/pulses/bench-pulse/results`;
    const homeUrl = `${stack.url}/api/me/line-of-sight`;
    await requestsPerSecond(resultsUrl, leader, 1, 1);
    await requestsPerSecond(homeUrl, employee, 1, 1);
    const results: number[] = [];
    const home: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      home.push(await requestsPerSecond(homeUrl, employee, connections, seconds));
      results.push(await requestsPerSecond(resultsUrl, leader, connections, seconds));
    }
    const resultsRequestsPerSecond = median(results);
    const homeViewRequestsPerSecond = median(home);
    return { aggregation, resultsRequestsPerSecond, homeViewRequestsPerSecond, ratio: resultsRequestsPerSecond / homeViewRequestsPerSecond };
  } finally {
    await stack.close();
  }
}

export function printPulseScale(figures: PulseScaleFigures): void {
  console.log(`Mission pulse: aggregating responses across ${TEAMS} teams (${STATEMENTS} statements), in process`);
  for (const figure of figures.aggregation) {
    console.log(
      `  ${String(figure.responses).padStart(7)} responses: tallies ${figure.milliseconds.toFixed(1)} ms = ${figure.msPer10k.toFixed(2)} ms per 10k (flat = linear); ${TEAMS} suppressed groups from them ${figure.groupsMilliseconds.toFixed(1)} ms`,
    );
  }
  console.log(`  GET /api/pulses/{id}/results, closed pulse of 100k responses, ${TEAMS} teams: ${figures.resultsRequestsPerSecond.toFixed(0)} requests/s`);
  console.log(`  GET /api/me/line-of-sight, same stack:                                   ${figures.homeViewRequestsPerSecond.toFixed(0)} requests/s`);
  console.log(`  ratio results / home view: ${figures.ratio.toFixed(2)}`);
}

// Run alone: `node --import tsx test/bench/pulse-scale.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { liftRateLimits } = await import('./lift-rate-limits.js');
  liftRateLimits();
  printPulseScale(await measurePulseScale({ seconds: Number(process.env.BENCH_SECONDS ?? 5) }));
}
