/**
 * What the onboarding API tests share: a local stack wired to the loopback fake Graph, tokens for
 * demo people, a direct view of the onboarding container (to prove what was, or was not, written)
 * and a valid module body.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import type { AuditDocument } from '../../../api/src/data/audit.js';
import type { LocalStackOptions } from '../../../api/src/local/stack.js';
import { getServices } from '../../../api/src/services.js';
import type { ModuleContentInput } from '../../../api/src/shared/contracts.js';
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from '../../../api/src/local/fake-m365/fake-graph.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

export { CONTOSO_IDS, FABRIKAM_IDS } from '../support/api-test-stack.js';

export interface OnboardingTestStack {
  api: ApiTestStack;
  graph: FakeGraph;
  /** Every onboarding document of the tenant (outbox included), by id → etag. */
  fingerprint(tenantId: string): Promise<Map<string, string>>;
  documents<T = Record<string, unknown>>(tenantId: string, type: string): Promise<T[]>;
  /** The tenant's onboarding audit entries about one entity. */
  auditOf(tenantId: string, entityId: string): Promise<AuditDocument[]>;
  /** Adds `count` people to the tenant's directory with ids `${prefix}-000`…: a test's own people. */
  addPeople(tenantId: string, prefix: string, count: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startOnboardingTestStack(options: Pick<LocalStackOptions, 'now'> & { graph?: FakeGraphOptions } = {}): Promise<OnboardingTestStack> {
  const graph = await startFakeGraph(options.graph);
  Object.assign(process.env, {
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_TENANT_AUTHORITY: graph.authority,
    GRAPH_CLIENT_ASSERTION: 'local-test-assertion',
  });
  const api = await startApiTestStack(options.now ? { now: options.now } : {});
  const cosmos = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  const container = cosmos.database(DATABASE_ID).container(CONTAINERS.onboarding.id);
  async function all(tenantId: string) {
    const { resources } = await container.items
      .query<Record<string, unknown> & { id: string; _etag: string; type: string }>(
        { query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }
  return {
    api,
    graph,
    async fingerprint(tenantId) {
      return new Map((await all(tenantId)).map((doc) => [doc.id, doc._etag]));
    },
    async documents<T>(tenantId: string, type: string) {
      return (await all(tenantId)).filter((doc) => doc.type === type) as T[];
    },
    async auditOf(tenantId, entityId) {
      return (await all(tenantId)).filter((doc) => doc.type === 'audit' && doc.entityId === entityId) as unknown as AuditDocument[];
    },
    async addPeople(tenantId, prefix, count) {
      const ids = Array.from({ length: count }, (_, index) => `${prefix}-${String(index).padStart(3, '0')}`);
      const { directory } = getServices();
      for (let index = 0; index < ids.length; index += 4) {
        await Promise.all(
          ids.slice(index, index + 4).map((id) =>
            directory.upsert({ id, tenantId, type: 'person', displayName: `Person ${id}`, teamId: null, roles: ['Employee'], upn: `${id}@contoso.example` }),
          ),
        );
      }
      return ids;
    },
    async close() {
      cosmos.dispose();
      await api.close();
      await graph.close();
    },
  };
}

export function moduleBody(title = 'Welcome to Contoso'): ModuleContentInput {
  return {
    title,
    estimatedMinutes: 5,
    sections: [
      { id: 'intro', title: 'Why we exist', blocks: [{ type: 'paragraph', text: 'We keep the promise.' }, { type: 'strategyMap' }] },
      { id: 'next', title: 'What next', blocks: [{ type: 'link', text: 'Handbook', url: 'https://example.com/handbook' }] },
    ],
    questions: [
      {
        id: 'q1', prompt: 'Is a delivery window an estimate?', kind: 'single',
        options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No, a commitment' }], correctOptionIds: ['no'], explanation: 'It is a commitment we refund.',
      },
    ],
    acknowledgement: 'I understand how my work serves our customers.',
  };
}
