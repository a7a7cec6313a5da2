/**
 * One local stack per test file, plus the helpers API tests share: dev tokens for demo people,
 * JSON requests over real HTTP, and a direct @azure/cosmos view of the tasks container to prove
 * what was (not) written.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID, type ContainerName } from '../../../api/src/data/containers.js';
import { RATE_LIMIT_ENV } from '../../../api/src/http/rate-limit-config.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../api/src/local/stack.js';
import { runningClockFrom } from '../../support/clock.js';
import { contractChecker, type ContractChecker } from './openapi-contract.js';

export { CONTOSO_IDS, FABRIKAM_IDS } from '../../../api/src/local/seed.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface ApiTestStack {
  stack: LocalStack;
  url: string;
  tokenFor(tenantId: string, userId: string): Promise<string>;
  request<T = unknown>(method: string, path: string, init?: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** Every task document of the tenant as stored, keyed by id, with its etag: a fingerprint of the container. */
  storedTasks(tenantId: string): Promise<Map<string, { etag: string; ownerId: string; title: string }>>;
  /** Every document of the tenant in `container`, as stored (audit entries included). */
  storedDocuments<T = Record<string, unknown>>(container: ContainerName, tenantId: string): Promise<(T & { id: string; _etag: string; type?: string })[]>;
  close(): Promise<void>;
}

export interface ApiTestStackOptions extends LocalStackOptions {
  /** Rate limits for this stack (the defaults otherwise): files that burst on purpose say so here. */
  rateLimits?: Partial<Record<keyof typeof RATE_LIMIT_ENV, number>>;
}

export async function startApiTestStack({ rateLimits = {}, ...options }: ApiTestStackOptions = {}): Promise<ApiTestStack> {
  for (const [name, value] of Object.entries(rateLimits)) process.env[RATE_LIMIT_ENV[name as keyof typeof RATE_LIMIT_ENV]] = String(value);
  // The API's clock starts at the fixed test instant: no outcome depends on today's date.
  const stack = await startLocalStack({ port: 0, now: runningClockFrom(), ...options });
  const cosmos = new CosmosClient({
    endpoint: stack.cosmos.endpoint,
    key: stack.cosmos.key,
    agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
  });
  const tokens = new Map<string, string>();
  // Every answer is held to the document the API itself serves (see openapi-contract.ts).
  let checker: Promise<ContractChecker> | undefined;
  const contract = () => (checker ??= fetch(`${stack.url}/api/openapi.json`).then(async (response) => contractChecker(await response.json())));

  async function request<T>(
    method: string,
    path: string,
    init: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(stack.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: unknown = text;
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json') && text !== '') parsed = JSON.parse(text);
    const breaches = (await contract()).check(method, path, response.status, contentType, parsed);
    if (breaches.length > 0) throw new Error(`The answer breaks the OpenAPI document (/api/openapi.json):\n  ${breaches.join('\n  ')}`);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async function storedDocuments<T>(container: ContainerName, tenantId: string) {
    const { resources } = await cosmos
      .database(DATABASE_ID)
      .container(CONTAINERS[container].id)
      .items.query<T & { id: string; _etag: string; type?: string }>(
        // Filtered by tenant in the text too: a second fence whatever the store does with the partition key.
        { query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }

  return {
    stack,
    url: stack.url,
    async tokenFor(tenantId, userId) {
      const key = `${tenantId}/${userId}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const response = await request<{ access_token: string }>('POST', '/dev/token', { json: { tenantId, userId } });
      if (response.status !== 200) throw new Error(`No dev token for ${key}: ${response.status} ${response.text}`);
      tokens.set(key, response.body.access_token);
      return response.body.access_token;
    },
    request,
    storedDocuments,
    async storedTasks(tenantId) {
      const documents = await storedDocuments<{ ownerId: string; title: string }>('tasks', tenantId);
      return new Map(documents.map((doc) => [doc.id, { etag: doc._etag, ownerId: doc.ownerId, title: doc.title }]));
    },
    async close() {
      cosmos.dispose();
      await stack.close();
    },
  };
}
