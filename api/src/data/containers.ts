/**
 * The Cosmos DB database and containers the API uses: the single source of truth.
 * infra/ (Bicep) must declare the same names and partition keys; a test checks it.
 * Every container is partitioned by tenant so no query ever needs to cross tenants.
 */
export const DATABASE_ID = 'lineofsight';

export interface CompositeIndexPath {
  readonly path: string;
  readonly order: 'ascending' | 'descending';
}

export interface ContainerDefinition {
  readonly id: string;
  readonly partitionKey: '/tenantId';
  /**
   * Azure Cosmos DB serves an ORDER BY over two or more fields only from a composite index that
   * lists them in that order; the embedded local server refuses such a query without one too.
   */
  readonly compositeIndexes?: readonly (readonly CompositeIndexPath[])[];
  /** Seconds after its last write a document is removed (Cosmos TTL); absent: documents stay. */
  readonly defaultTtl?: number;
}

export const CONTAINERS = {
  /** One document per onboarded tenant (id = tenantId). */
  tenants: { id: 'tenants', partitionKey: '/tenantId' },
  /** People and teams of each tenant. */
  directory: { id: 'directory', partitionKey: '/tenantId' },
  /** The organisation document (vision, mission, values), the strategies and their audit entries. */
  strategy: {
    id: 'strategy',
    partitionKey: '/tenantId',
    // History pages: ORDER BY c.at DESC, c.id DESC.
    compositeIndexes: [[{ path: '/at', order: 'descending' }, { path: '/id', order: 'descending' }]],
  },
  /** Each person's tasks and their links to strategies. */
  tasks: { id: 'tasks', partitionKey: '/tenantId' },
  /**
   * Every onboarding document (modules, versions, cohorts, assignments, notification outbox, progress),
   * told apart by `type`; one tenant partition so an assignment and its outbox entries share a batch.
   */
  onboarding: { id: 'onboarding', partitionKey: '/tenantId' },
  /** Idempotency-Key records: the first answer to a POST, replayed to its retries for 24 h (http/idempotency.ts). */
  idempotency: { id: 'idempotency', partitionKey: '/tenantId', defaultTtl: 24 * 60 * 60 },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof CONTAINERS;
