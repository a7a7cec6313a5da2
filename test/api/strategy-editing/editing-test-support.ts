/**
 * Helpers for the strategy-editing API tests: a direct @azure/cosmos view of the strategy and
 * directory containers (to count audit entries and prove what was, or was not, written), and
 * typed calls for the routes the tests use most.
 */
import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { expect } from 'vitest';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { editableStrategyMapSchema, type EditableStrategyMap } from '../../../api/src/shared/contracts.js';
import type { ApiTestStack } from '../support/api-test-stack.js';

export interface StoreView {
  /** Every document of a tenant in a container, keyed by id, with its etag: a fingerprint to compare. */
  fingerprint(container: 'strategy' | 'directory' | 'tasks', tenantId: string): Promise<Map<string, string>>;
  auditCount(container: 'strategy' | 'directory' | 'tasks', tenantId: string): Promise<number>;
  close(): void;
}

export function storeView(api: ApiTestStack): StoreView {
  const client = new CosmosClient({
    endpoint: api.stack.cosmos.endpoint,
    key: api.stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  const container = (name: 'strategy' | 'directory' | 'tasks'): Container => client.database(DATABASE_ID).container(CONTAINERS[name].id);
  async function all(name: 'strategy' | 'directory' | 'tasks', tenantId: string) {
    const { resources } = await container(name)
      .items.query<{ id: string; _etag: string; type?: string }>(
        // The embedded server ignores the partition key on queries, so filter by tenant too.
        { query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }
  return {
    async fingerprint(name, tenantId) {
      return new Map((await all(name, tenantId)).map((doc) => [doc.id, doc._etag]));
    },
    async auditCount(name, tenantId) {
      return (await all(name, tenantId)).filter((doc) => doc.type === 'audit').length;
    },
    close: () => client.dispose(),
  };
}

export async function strategyMap(api: ApiTestStack, token: string): Promise<EditableStrategyMap> {
  const response = await api.request('GET', '/api/strategy-map', { token });
  expect(response.status).toBe(200);
  return editableStrategyMapSchema.parse(response.body);
}

export async function strategyEtag(api: ApiTestStack, token: string, strategyId: string): Promise<string> {
  const strategy = (await strategyMap(api, token)).strategies.find((candidate) => candidate.id === strategyId);
  if (!strategy) throw new Error(`No strategy ${strategyId}`);
  return strategy.etag;
}
