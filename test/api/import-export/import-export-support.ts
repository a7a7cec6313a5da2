/**
 * Helpers of the import/export API tests: export and import over real HTTP, and a direct view of the
 * strategy container (every document of a tenant with its etag) to prove what was, or was not, written.
 */
import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { strategyMapFileSchema, type StrategyMapFile } from '../../../api/src/shared/contracts.js';
import type { ApiResponse, ApiTestStack } from '../support/api-test-stack.js';

export interface StrategyContainerView {
  container: Container;
  /** id → etag of every document of the tenant in the strategy container (organisation, strategies, audit entries). */
  fingerprint(tenantId: string): Promise<Map<string, string>>;
  documents<T = Record<string, unknown>>(tenantId: string): Promise<T[]>;
  close(): void;
}

export function strategyContainerOf(api: ApiTestStack): StrategyContainerView {
  const cosmos = new CosmosClient({
    endpoint: api.stack.cosmos.endpoint,
    key: api.stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  const container = cosmos.database(DATABASE_ID).container(CONTAINERS.strategy.id);
  async function documents<T>(tenantId: string): Promise<T[]> {
    const { resources } = await container.items
      // The embedded server ignores the partition key on queries, so filter by tenant too.
      .query<T>({ query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] }, { partitionKey: tenantId })
      .fetchAll();
    return resources;
  }
  return {
    container,
    documents,
    async fingerprint(tenantId) {
      const all = await documents<{ id: string; _etag: string }>(tenantId);
      return new Map(all.map((document) => [document.id, document._etag]));
    },
    close: () => cosmos.dispose(),
  };
}

export async function exportJson(api: ApiTestStack, token: string): Promise<{ file: StrategyMapFile; response: ApiResponse }> {
  const response = await api.request('GET', '/api/strategy-map/export?format=json', { token });
  if (response.status !== 200) throw new Error(`export failed: ${response.status} ${response.text}`);
  return { file: strategyMapFileSchema.parse(response.body), response };
}

export async function exportCsvText(api: ApiTestStack, token: string): Promise<string> {
  const response = await api.request('GET', '/api/strategy-map/export?format=csv', { token });
  if (response.status !== 200) throw new Error(`export failed: ${response.status} ${response.text}`);
  return response.text;
}

export interface ImportOptions {
  dryRun?: boolean;
  ifMatch?: string;
  contentType?: string;
}

/** POST /api/strategy-map/import with a JSON object or CSV text. */
export function importFile<T = unknown>(api: ApiTestStack, token: string, body: unknown, options: ImportOptions = {}): Promise<ApiResponse<T>> {
  const isText = typeof body === 'string';
  const headers: Record<string, string> = { 'content-type': options.contentType ?? (isText ? 'text/csv' : 'application/json') };
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  const dryRun = options.dryRun ?? true;
  return api.request<T>('POST', `/api/strategy-map/import?dryRun=${dryRun}`, {
    token,
    headers,
    body: isText ? body : JSON.stringify(body),
  });
}
