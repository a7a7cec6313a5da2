/**
 * A direct @azure/cosmos view of any container of the local stack, to prove what a request did (or
 * did not) write, and to age a stored document the way time would (tests never sleep or read the clock).
 */
import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID, type ContainerName } from '../../../api/src/data/containers.js';
import type { ApiTestStack } from './api-test-stack.js';

export type StoredDocument = Record<string, unknown> & { id: string; _etag: string; type?: string };

export interface StoredDocuments {
  container(name: ContainerName): Container;
  /** Every document of the tenant in the container, optionally of one `type`. */
  list(name: ContainerName, tenantId: string, type?: string): Promise<StoredDocument[]>;
  /** id → etag of every document of the tenant in the container: changes whenever anything is written. */
  fingerprint(name: ContainerName, tenantId: string): Promise<Map<string, string>>;
  close(): void;
}

export function storedDocumentsOf(api: ApiTestStack): StoredDocuments {
  const cosmos = new CosmosClient({
    endpoint: api.stack.cosmos.endpoint,
    key: api.stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  const container = (name: ContainerName) => cosmos.database(DATABASE_ID).container(CONTAINERS[name].id);
  async function list(name: ContainerName, tenantId: string, type?: string): Promise<StoredDocument[]> {
    const { resources } = await container(name)
      .items // The embedded server ignores the partition key on queries, so filter by tenant too.
      .query<StoredDocument>({ query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] }, { partitionKey: tenantId })
      .fetchAll();
    return type === undefined ? resources : resources.filter((document) => document.type === type);
  }
  return {
    container,
    list,
    async fingerprint(name, tenantId) {
      return new Map((await list(name, tenantId)).map((document) => [document.id, document._etag]));
    },
    close: () => cosmos.dispose(),
  };
}
