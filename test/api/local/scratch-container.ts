/**
 * A throwaway container on its own embedded Cosmos server, reached through the real @azure/cosmos
 * client: for tests of the embedded store itself (no stack, no app containers).
 */
import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { startEmbeddedCosmos } from '../../../api/src/local/embedded-cosmos.js';

export interface ScratchContainer {
  container: Container;
  close(): Promise<void>;
}

/** A container partitioned by /tenantId in database `databaseId`. */
export async function startScratchContainer(databaseId: string): Promise<ScratchContainer> {
  const cosmos = await startEmbeddedCosmos();
  const client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const { container } = await database.containers.createIfNotExists({ id: 'docs', partitionKey: { paths: ['/tenantId'] } });
  return {
    container,
    async close() {
      client.dispose();
      await cosmos.close();
    },
  };
}
