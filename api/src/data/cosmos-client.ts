/**
 * Builds the Cosmos DB client from the environment.
 *
 * - COSMOS_ENDPOINT + COSMOS_KEY: key auth, for the local embedded server or the official emulator only
 *   (the Azure account has local auth disabled).
 * - COSMOS_ENDPOINT alone: Entra ID via DefaultAzureCredential (the Function App's managed identity).
 *
 * Connections are bounded and fail fast (each setting can be overridden by the variable named):
 * - COSMOS_MAX_SOCKETS (64): sockets per endpoint; more concurrent requests wait for a free one
 *   rather than each opening its own (~900 sockets at 200 concurrent home views collapsed throughput).
 * - COSMOS_IDLE_SOCKET_MS (20 s): an idle pooled socket is closed by the client after this, before the
 *   server would close it (the embedded server after 5 minutes; Azure's front ends keep idle
 *   connections for minutes), so a request is never written on a socket the server has just closed (`read ECONNRESET`).
 * - COSMOS_REQUEST_TIMEOUT_MS (10 s): one request attempt, waiting for a socket included.
 * @azure/cosmos itself retries reads and queries on connection resets and timeouts; writes are not
 * retried here (a retried create could apply twice).
 */
import https from 'node:https';
import { CosmosClient, type Container, type CosmosClientOptions, type PluginConfig, type ContainerDefinition as ContainerDefinitionRequest, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { cosmosTelemetryPlugin } from '../telemetry/cosmos-telemetry.js';
import { CONTAINERS, DATABASE_ID, type ContainerDefinition, type ContainerName } from './containers.js';
import { trackDirectoryWrites } from './directory-version.js';

export type CosmosContainers = Record<ContainerName, Container>;

export const COSMOS_CONNECTION_DEFAULTS = {
  maxSockets: 64,
  idleSocketMs: 20_000,
  requestTimeoutMs: 10_000,
  /** How long start-up waits for a first answer before giving up (COSMOS_STARTUP_TIMEOUT_MS). */
  startupTimeoutMs: 20_000,
} as const;

/** A positive integer from the environment, or the default; a bad value is an error, not silently ignored. */
export function positiveIntegerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/** A span and RU metric per Cosmos request (telemetry/cosmos-telemetry.ts); `plugins` is a hidden client option. */
const COSMOS_PLUGINS: PluginConfig[] = [cosmosTelemetryPlugin];

export function createCosmosClient(env: NodeJS.ProcessEnv = process.env): CosmosClient {
  const endpoint = env.COSMOS_ENDPOINT;
  if (!endpoint) throw new Error('COSMOS_ENDPOINT is not set');
  const maxSockets = positiveIntegerFrom(env, 'COSMOS_MAX_SOCKETS', COSMOS_CONNECTION_DEFAULTS.maxSockets);
  // Keep-alive matters: without it every point read pays a TLS handshake (~7x slower locally).
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
    // For a keep-alive agent `timeout` is the idle time after which a pooled socket is closed.
    timeout: positiveIntegerFrom(env, 'COSMOS_IDLE_SOCKET_MS', COSMOS_CONNECTION_DEFAULTS.idleSocketMs),
    // The most recently used socket first: the others go idle and close instead of all staying warm.
    scheduling: 'lifo',
    // Only the local stack (self-signed certificate of the embedded server) switches this on.
    rejectUnauthorized: env.LOS_COSMOS_ALLOW_SELF_SIGNED !== '1',
  });
  const connectionPolicy = {
    requestTimeout: positiveIntegerFrom(env, 'COSMOS_REQUEST_TIMEOUT_MS', COSMOS_CONNECTION_DEFAULTS.requestTimeoutMs),
  };
  if (env.COSMOS_KEY) {
    return new CosmosClient({ endpoint, key: env.COSMOS_KEY, agent, connectionPolicy, plugins: COSMOS_PLUGINS } as CosmosClientOptions);
  }
  return new CosmosClient({ endpoint, aadCredentials: new DefaultAzureCredential(), agent, connectionPolicy, plugins: COSMOS_PLUGINS } as CosmosClientOptions);
}

/** Thrown when Cosmos DB does not answer at start-up; the message says what to check. */
export class CosmosUnavailableError extends Error {
  override readonly name = 'CosmosUnavailableError';
}

/**
 * Resolves once Cosmos DB answers a first request (the account read), or rejects within
 * `timeoutMs` with a message naming the endpoint, even when the server accepts connections and
 * never answers (which would otherwise hang start-up silently).
 */
export async function waitForCosmos(client: CosmosClient, endpoint: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CosmosUnavailableError(
            `Cosmos DB at ${endpoint} did not answer within ${timeoutMs / 1000} s. ` +
              'Check that COSMOS_ENDPOINT names a running Cosmos DB (or emulator) and that it has finished starting ' +
              '(COSMOS_STARTUP_TIMEOUT_MS sets how long to wait).',
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([
      client.getDatabaseAccount().catch((error: unknown) => {
        throw new CosmosUnavailableError(`Cosmos DB at ${endpoint} could not be reached: ${error instanceof Error ? error.message : String(error)}`);
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function containersOf(client: CosmosClient): CosmosContainers {
  const database = client.database(DATABASE_ID);
  return {
    tenants: database.container(CONTAINERS.tenants.id),
    // Every write moves the tenant's directory version, so insights may keep the directory (directory-version.ts).
    directory: trackDirectoryWrites(database.container(CONTAINERS.directory.id)),
    strategy: database.container(CONTAINERS.strategy.id),
    tasks: database.container(CONTAINERS.tasks.id),
    onboarding: database.container(CONTAINERS.onboarding.id),
    alignment: database.container(CONTAINERS.alignment.id),
    idempotency: database.container(CONTAINERS.idempotency.id),
    pulses: database.container(CONTAINERS.pulses.id),
    deletionLog: database.container(CONTAINERS.deletionLog.id),
  };
}

/**
 * Creates the database and containers if missing. Local use only: in Azure they are
 * declared in infra/ and the function identity has data-plane rights, not control-plane.
 */
export async function ensureContainers(client: CosmosClient): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: DATABASE_ID });
  for (const definition of Object.values<ContainerDefinition>(CONTAINERS)) {
    const wanted = containerDefinitionFor(definition);
    const { container, resource } = await database.containers.createIfNotExists(wanted);
    // A store kept from an earlier version of the code gets the indexing the code now declares.
    if (!hasIndexing(resource?.indexingPolicy, wanted.indexingPolicy)) {
      await container.replace({ ...wanted, indexingPolicy: { ...resource?.indexingPolicy, ...wanted.indexingPolicy } });
    }
  }
  return database;
}

type IndexingPolicy = NonNullable<ContainerDefinitionRequest['indexingPolicy']>;

/** The same composite indexes, and at least the excluded paths wanted (Azure adds its own, e.g. /"_etag"/?). */
function hasIndexing(current: IndexingPolicy | undefined, wanted: IndexingPolicy | undefined): boolean {
  const excluded = new Set((current?.excludedPaths ?? []).map((p) => p.path));
  return compositeKey(current) === compositeKey(wanted) && (wanted?.excludedPaths ?? []).every((p) => excluded.has(p.path));
}

/** Composite indexes compared by meaning, not by the key order a server writes them back in. */
function compositeKey(policy: IndexingPolicy | undefined): string {
  return JSON.stringify((policy?.compositeIndexes ?? []).map((index) => index.map((path) => `${path.path} ${path.order ?? 'ascending'}`)));
}

/** The container as Cosmos DB takes it: partition key and indexing policy from the one definition (infra/ mirrors it). */
export function containerDefinitionFor(definition: ContainerDefinition): ContainerDefinitionRequest {
  return {
    id: definition.id,
    partitionKey: { paths: [definition.partitionKey] },
    ...(definition.defaultTtl === undefined ? {} : { defaultTtl: definition.defaultTtl }),
    indexingPolicy: {
      indexingMode: 'consistent',
      automatic: true,
      includedPaths: [{ path: '/*' }],
      excludedPaths: (definition.excludedPaths ?? []).map((path) => ({ path })),
      compositeIndexes: (definition.compositeIndexes ?? []).map((index) => index.map(({ path, order }) => ({ path, order }))),
    },
  };
}
