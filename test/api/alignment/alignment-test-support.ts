/**
 * What the alignment-round, moments and coaching API tests share: a local stack with an adjustable
 * clock, wired to the loopback fake Graph; tokens for demo people; the alignment container as stored
 * (to prove what was, or was not, written); and extra leaders made from demo people by a granted role.
 */
import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS, DATABASE_ID, type ContainerName } from '../../../api/src/data/containers.js';
import { getServices } from '../../../api/src/services.js';
import type { Role } from '../../../api/src/shared/contracts.js';
import { adjustableClockFrom, type AdjustableClock } from '../../support/clock.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack, type ApiTestStackOptions } from '../support/api-test-stack.js';

export { CONTOSO_IDS, FABRIKAM_IDS };

export type StoredDoc = Record<string, unknown> & { id: string; _etag: string; type?: string };

export interface AlignmentTestStack {
  api: ApiTestStack;
  graph: FakeGraph;
  clock: AdjustableClock;
  /** A token for a Contoso person (or `[tenant, user]`). */
  token(person: keyof typeof CONTOSO_IDS.people | [string, string]): Promise<string>;
  documents(tenantId: string, container?: ContainerName): Promise<StoredDoc[]>;
  /** Every document of the tenant in `container`, id → etag: equal before and after means nothing was written. */
  fingerprint(tenantId: string, container?: ContainerName): Promise<Map<string, string>>;
  /** Gives a demo person extra roles in the app (as an Admin's grant would). */
  grant(person: keyof typeof CONTOSO_IDS.people, roles: Role[]): Promise<void>;
  close(): Promise<void>;
}

export async function startAlignmentTestStack(options: Pick<ApiTestStackOptions, 'rateLimits'> = {}): Promise<AlignmentTestStack> {
  const graph = await startFakeGraph();
  Object.assign(process.env, {
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_TENANT_AUTHORITY: graph.authority,
    GRAPH_CLIENT_ASSERTION: 'local-test-assertion',
  });
  const clock = adjustableClockFrom();
  const api = await startApiTestStack({ now: clock.now, ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}) });
  const cosmos = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  async function documents(tenantId: string, container: ContainerName = 'alignment') {
    const { resources } = await cosmos
      .database(DATABASE_ID)
      .container(CONTAINERS[container].id)
      .items.query<StoredDoc>({ query: 'SELECT * FROM c WHERE c.tenantId = @tenantId', parameters: [{ name: '@tenantId', value: tenantId }] }, { partitionKey: tenantId })
      .fetchAll();
    return resources;
  }
  return {
    api,
    graph,
    clock,
    token: (person) => (Array.isArray(person) ? api.tokenFor(person[0], person[1]) : api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people[person])),
    documents,
    async fingerprint(tenantId, container = 'alignment') {
      return new Map((await documents(tenantId, container)).map((doc) => [doc.id, doc._etag]));
    },
    async grant(person, roles) {
      const { directory } = getServices();
      const stored = await directory.getPerson(CONTOSO_IDS.tenant, CONTOSO_IDS.people[person]);
      if (!stored) throw new Error(`no ${person}`);
      await directory.upsert({ ...stored, grantedRoles: roles });
    },
    async close() {
      // Drains the posts started are still sending: let them finish before the store goes away.
      await getServices().notifications.settled(CONTOSO_IDS.tenant);
      cosmos.dispose();
      await api.close();
      await graph.close();
    },
  };
}
