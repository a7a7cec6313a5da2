/**
 * Home-view throughput through the whole stack (HTTP → local Functions host → token validation →
 * handler → Cosmos) as a ratio to the same Cosmos reads done directly with @azure/cosmos against
 * the same embedded server, in the same process. Machines are noisy, so only the ratio matters.
 */
import https from 'node:https';
import autocannon from 'autocannon';
import { CosmosClient, type Container } from '@azure/cosmos';
import { containersOf } from '../../api/src/data/cosmos-client.js';
import { CONTOSO_IDS } from '../../api/src/local/seed.js';
import type { LocalStack } from '../../api/src/local/stack.js';

export interface ThroughputOptions {
  connections: number;
  seconds: number;
}

/** Runs `iteration` with `concurrency` loops in flight for `seconds`; returns completed iterations per second. */
async function closedLoopRate(iteration: () => Promise<void>, concurrency: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      await iteration();
      completed += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return completed / ((performance.now() - started) / 1000);
}

/**
 * The Cosmos reads GET /api/me/line-of-sight makes, issued directly with the same queries and the same
 * order: tenant, organisation, strategies (then each active strategy's owner, for the name the home view
 * shows) and my tasks, my Planner and To Do connections, in parallel with my person document; then my
 * team; then the "what changed since your last visit" query over the audit entries.
 */
function directHomeViewReads(client: CosmosClient, tenantId: string, userId: string): () => Promise<void> {
  const containers = containersOf(client);
  const inTenant = { partitionKey: tenantId };
  const tenantParameter = { name: '@tenantId', value: tenantId };
  const query = <T>(container: Container, text: string, parameters: { name: string; value: string | string[] }[]) =>
    container.items.query<T>({ query: text, parameters: [tenantParameter, ...parameters] }, inTenant).fetchAll();
  return async () => {
    const tasks = query<{ strategyId: string | null }>(
      containers.tasks,
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerId = @ownerId',
      [{ name: '@ownerId', value: userId }],
    );
    await Promise.all([
      containers.tenants.item(tenantId, tenantId).read(),
      containers.strategy.item('organisation', tenantId).read(),
      query<{ status: string; ownerId?: string | null }>(containers.strategy, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'strategy'", []).then(
        ({ resources }) => {
          const owners = new Set(resources.flatMap((strategy) => (strategy.status === 'active' && strategy.ownerId ? [strategy.ownerId] : [])));
          return Promise.all([...owners].map((ownerId) => containers.directory.item(ownerId, tenantId).read()));
        },
      ),
      tasks,
      ...['planner', 'todo'].map((kind) => containers.tasks.item(`task-source-${kind}-${userId}`, tenantId).read()),
      containers.directory
        .item(userId, tenantId)
        .read<{ teamId: string | null; lastVisitAt?: string }>()
        .then(async ({ resource: person }) => {
          const team = person?.teamId ? (await containers.directory.item(person.teamId, tenantId).read<{ strategyIds?: string[] }>()).resource : undefined;
          const served = [...(await tasks).resources.flatMap((task) => (task.strategyId ? [task.strategyId] : [])), ...(team?.strategyIds ?? [])];
          const since = person?.lastVisitAt ?? new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
          await query(
            containers.strategy,
            "SELECT TOP 10 * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' AND c.at > @since " +
              "AND (c.entityType = 'organisation' OR (c.entityType = 'strategy' AND (ARRAY_CONTAINS(@strategyIds, c.entityId) " +
              "OR c.action IN ('create', 'archive', 'restore', 'import')))) ORDER BY c.at DESC",
            [
              { name: '@since', value: since },
              { name: '@strategyIds', value: served },
            ],
          );
        }),
    ]);
  };
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

async function fullStackRate(stack: LocalStack, token: string, options: ThroughputOptions): Promise<number> {
  const result = await autocannon({
    url: `${stack.url}/api/me/line-of-sight`,
    headers: { authorization: `Bearer ${token}` },
    connections: options.connections,
    duration: options.seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`home view answered ${result.non2xx} non-2xx and ${result.errors} errors during the run`);
  }
  return result.requests.average;
}

export interface ThroughputFigures {
  directReadsPerSecond: number;
  homeViewRequestsPerSecond: number;
  ratio: number;
}

/**
 * Alternates baseline and full-stack runs (after a warm-up of each) and reports the medians,
 * so a burst of noise on the machine skews neither side alone.
 */
export async function measureHomeViewThroughput(stack: LocalStack, options: ThroughputOptions, rounds = 3): Promise<ThroughputFigures> {
  const tenantId = CONTOSO_IDS.tenant;
  const userId = CONTOSO_IDS.people.ben;
  const token = await devToken(stack, tenantId, userId);
  // The same client set-up the API uses locally: key auth, keep-alive, the embedded server's self-signed cert.
  const client = new CosmosClient({
    endpoint: stack.cosmos.endpoint,
    key: stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  try {
    return await compareRates(directHomeViewReads(client, tenantId, userId), stack, token, options, rounds);
  } finally {
    client.dispose();
  }
}

async function compareRates(
  direct: () => Promise<void>,
  stack: LocalStack,
  token: string,
  options: ThroughputOptions,
  rounds: number,
): Promise<ThroughputFigures> {

  await closedLoopRate(direct, options.connections, 1);
  await fullStackRate(stack, token, { ...options, seconds: 1 });

  const directRates: number[] = [];
  const stackRates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    directRates.push(await closedLoopRate(direct, options.connections, options.seconds));
    stackRates.push(await fullStackRate(stack, token, options));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const directReadsPerSecond = median(directRates);
  const homeViewRequestsPerSecond = median(stackRates);
  return { directReadsPerSecond, homeViewRequestsPerSecond, ratio: homeViewRequestsPerSecond / directReadsPerSecond };
}
