/**
 * A direct @azure/cosmos view of one container of the local stack, to prove what a request did
 * or did not write: every document of the tenant with its etag.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID, type ContainerName } from '../../../api/src/data/containers.js';
import type { LocalStack } from '../../../api/src/local/stack.js';

export interface StoredDocuments {
  /** id → etag of every document of the tenant in the container (a fingerprint). */
  fingerprint(container: ContainerName, tenantId: string): Promise<Map<string, string>>;
  /** Audit entries of the tenant in the container about one entity. */
  auditsOf(container: ContainerName, tenantId: string, entityId: string): Promise<{ action: string; before: unknown; after: unknown; actor: { id: string } }[]>;
  /** Writes a document as another writer would (e.g. a task imported from Planner); reads one back. */
  upsert(container: ContainerName, document: { id: string; tenantId: string }): Promise<void>;
  read(container: ContainerName, tenantId: string, id: string): Promise<Record<string, unknown> | undefined>;
  close(): void;
}

export function storedDocuments(stack: LocalStack): StoredDocuments {
  const client = new CosmosClient({
    endpoint: stack.cosmos.endpoint,
    key: stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  const database = client.database(DATABASE_ID);
  // The embedded server ignores the partition key on queries, so the tenant is filtered too.
  const query = async <T>(container: ContainerName, text: string, tenantId: string, extra: { name: string; value: string }[] = []) =>
    (
      await database
        .container(CONTAINERS[container].id)
        .items.query<T>({ query: text, parameters: [{ name: '@tenantId', value: tenantId }, ...extra] }, { partitionKey: tenantId, maxItemCount: -1 })
        .fetchAll()
    ).resources;
  return {
    async fingerprint(container, tenantId) {
      const documents = await query<{ id: string; _etag: string }>(container, 'SELECT c.id, c._etag FROM c WHERE c.tenantId = @tenantId', tenantId);
      return new Map(documents.map((document) => [document.id, document._etag]));
    },
    auditsOf: (container, tenantId, entityId) =>
      query(container, "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' AND c.entityId = @entityId", tenantId, [
        { name: '@entityId', value: entityId },
      ]),
    async upsert(container, document) {
      await database.container(CONTAINERS[container].id).items.upsert(document);
    },
    async read(container, tenantId, id) {
      return (await database.container(CONTAINERS[container].id).item(id, tenantId).read<Record<string, unknown>>()).resource;
    },
    close: () => client.dispose(),
  };
}
