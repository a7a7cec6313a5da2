/**
 * ensureContainers creates every container with the indexing containers.ts declares (composite indexes
 * for ORDER BY over two fields, excluded paths for large text), and brings an older store up to date.
 * Each test uses a database of its own on one embedded server.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerDefinitionFor, ensureContainers } from '../../../api/src/data/cosmos-client.js';
import { CONTAINERS, DATABASE_ID, type ContainerDefinition } from '../../../api/src/data/containers.js';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../api/src/local/embedded-cosmos.js';

let cosmos: EmbeddedCosmos;
const clients: CosmosClient[] = [];
/** The embedded server keeps databases per endpoint, so each test gets a fresh server-side database by name. */
async function freshClient(): Promise<CosmosClient> {
  const client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  clients.push(client);
  await client.database(DATABASE_ID).delete().catch(() => undefined);
  return client;
}

beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
});
afterAll(async () => {
  for (const client of clients) client.dispose();
  await cosmos?.close();
});

const definitions = Object.values<ContainerDefinition>(CONTAINERS);

describe('container definitions', () => {
  it('keep audit snapshots, module content and stored answers out of the index', () => {
    expect(CONTAINERS.strategy.excludedPaths).toEqual(['/before/*', '/after/*']);
    // The alignment figures' counts are read by id only (data/alignment-figures-repository.ts).
    expect(CONTAINERS.tasks.excludedPaths).toEqual(['/before/*', '/after/*', '/counts/*']);
    expect(CONTAINERS.directory.excludedPaths).toEqual(['/before/*', '/after/*']);
    expect(CONTAINERS.onboarding.excludedPaths).toEqual(['/content/*']);
    expect(CONTAINERS.idempotency.excludedPaths).toEqual(['/response/*']);
  });

  it('turn into Cosmos container requests that index everything else', () => {
    expect(containerDefinitionFor(CONTAINERS.strategy)).toEqual({
      id: 'strategy',
      partitionKey: { paths: ['/tenantId'] },
      indexingPolicy: {
        indexingMode: 'consistent',
        automatic: true,
        includedPaths: [{ path: '/*' }],
        excludedPaths: [{ path: '/before/*' }, { path: '/after/*' }],
        compositeIndexes: [[{ path: '/at', order: 'descending' }, { path: '/id', order: 'descending' }]],
      },
    });
    expect(containerDefinitionFor(CONTAINERS.idempotency)).toMatchObject({ defaultTtl: 86_400, indexingPolicy: { excludedPaths: [{ path: '/response/*' }] } });
  });
});

describe('ensureContainers', () => {
  it('creates every container with its declared indexing', async () => {
    const client = await freshClient();
    await ensureContainers(client);
    for (const definition of definitions) {
      const { resource } = await client.database(DATABASE_ID).container(definition.id).read();
      expect(resource?.partitionKey?.paths, definition.id).toEqual([definition.partitionKey]);
      expect(resource?.indexingPolicy?.excludedPaths?.map((p) => p.path), definition.id).toEqual(expect.arrayContaining([...(definition.excludedPaths ?? [])]));
      expect(resource?.indexingPolicy?.compositeIndexes ?? [], definition.id).toEqual(definition.compositeIndexes ?? []);
    }
  });

  it('adds the excluded paths and composite indexes to containers an older version created without them, keeping their documents', async () => {
    const client = await freshClient();
    const { database } = await client.databases.createIfNotExists({ id: DATABASE_ID });
    await database.containers.create({ id: CONTAINERS.strategy.id, partitionKey: { paths: ['/tenantId'] } });
    const before = await database.container(CONTAINERS.strategy.id).read();
    expect(before.resource?.indexingPolicy?.excludedPaths?.map((p) => p.path) ?? []).not.toContain('/before/*');
    const { resource: kept } = await database.container(CONTAINERS.strategy.id).items.create({ id: 'kept', tenantId: 't1', type: 'strategy' });

    await ensureContainers(client);

    const { resource } = await database.container(CONTAINERS.strategy.id).read();
    expect(resource?.indexingPolicy?.excludedPaths?.map((p) => p.path)).toEqual(expect.arrayContaining(['/before/*', '/after/*']));
    expect(resource?.indexingPolicy?.compositeIndexes).toEqual(CONTAINERS.strategy.compositeIndexes);
    // As in Azure Cosmos DB, a container's new indexing policy leaves its documents alone.
    const { resource: after } = await database.container(CONTAINERS.strategy.id).item('kept', 't1').read();
    expect(after?._etag).toBe(kept?._etag);

    // Once up to date, the containers are left as they are.
    await ensureContainers(client);
    expect((await database.container(CONTAINERS.strategy.id).read()).resource?._etag).toBe(resource?._etag);
  });
});
