/**
 * Builds the Cosmos DB client from the environment.
 *
 * - COSMOS_ENDPOINT + COSMOS_KEY: key auth, for the local embedded server or the official emulator only
 *   (the Azure account has local auth disabled).
 * - COSMOS_ENDPOINT alone: Entra ID via DefaultAzureCredential (the Function App's managed identity).
 */
import https from 'node:https';
import { CosmosClient, type Container, type ContainerDefinition as ContainerDefinitionRequest, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { CONTAINERS, DATABASE_ID, type ContainerDefinition, type ContainerName } from './containers.js';

export type CosmosContainers = Record<ContainerName, Container>;

export function createCosmosClient(env: NodeJS.ProcessEnv = process.env): CosmosClient {
  const endpoint = env.COSMOS_ENDPOINT;
  if (!endpoint) throw new Error('COSMOS_ENDPOINT is not set');
  // Keep-alive matters: without it every point read pays a TLS handshake (~7x slower locally).
  const agent = new https.Agent({
    keepAlive: true,
    // Only the local stack (self-signed certificate of the embedded server) switches this on.
    rejectUnauthorized: env.LOS_COSMOS_ALLOW_SELF_SIGNED !== '1',
  });
  if (env.COSMOS_KEY) {
    return new CosmosClient({ endpoint, key: env.COSMOS_KEY, agent });
  }
  return new CosmosClient({ endpoint, aadCredentials: new DefaultAzureCredential(), agent });
}

export function containersOf(client: CosmosClient): CosmosContainers {
  const database = client.database(DATABASE_ID);
  return {
    tenants: database.container(CONTAINERS.tenants.id),
    directory: database.container(CONTAINERS.directory.id),
    strategy: database.container(CONTAINERS.strategy.id),
    tasks: database.container(CONTAINERS.tasks.id),
    onboarding: database.container(CONTAINERS.onboarding.id),
    idempotency: database.container(CONTAINERS.idempotency.id),
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
  return (
    JSON.stringify(current?.compositeIndexes ?? []) === JSON.stringify(wanted?.compositeIndexes ?? []) &&
    (wanted?.excludedPaths ?? []).every((p) => excluded.has(p.path))
  );
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
