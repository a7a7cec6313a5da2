/**
 * The Cosmos DB database and containers the API uses: the single source of truth.
 * infra/ (Bicep) must declare the same names, partition keys and indexing; a test checks it.
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
  /**
   * Paths left out of the index: large text no query filters or sorts on (audit snapshots, module
   * content, stored responses). Every write then costs fewer request units and less index storage.
   */
  readonly excludedPaths?: readonly string[];
  /** Seconds after its last write a document is removed (Cosmos TTL); absent: documents stay. */
  readonly defaultTtl?: number;
}

/** Audit entries (data/audit.ts) keep whole snapshots of the changed document; only their other fields are queried. */
const AUDIT_SNAPSHOTS = ['/before/*', '/after/*'] as const;

export const CONTAINERS = {
  /** One document per onboarded tenant (id = tenantId). */
  tenants: { id: 'tenants', partitionKey: '/tenantId' },
  /** People and teams of each tenant, and the audit entries of team and role changes. */
  directory: {
    id: 'directory',
    partitionKey: '/tenantId',
    // Searchable people pages (issue 13): sorted by display name, then id.
    compositeIndexes: [[{ path: '/displayName', order: 'ascending' }, { path: '/id', order: 'ascending' }]],
    excludedPaths: AUDIT_SNAPSHOTS,
  },
  /** The organisation document (vision, mission, values), the strategies and their audit entries. */
  strategy: {
    id: 'strategy',
    partitionKey: '/tenantId',
    // History pages: ORDER BY c.at DESC, c.id DESC.
    compositeIndexes: [[{ path: '/at', order: 'descending' }, { path: '/id', order: 'descending' }]],
    excludedPaths: AUDIT_SNAPSHOTS,
  },
  /**
   * Each person's tasks and their links to strategies, the tasks' audit entries, and the alignment
   * figures (a few documents a tenant, moved in the same batches as the tasks; read by id, so their
   * counts stay out of the index).
   */
  tasks: {
    id: 'tasks',
    partitionKey: '/tenantId',
    // Searchable team task pages (issue 13): sorted by creation time, then id.
    compositeIndexes: [[{ path: '/createdAt', order: 'ascending' }, { path: '/id', order: 'ascending' }]],
    excludedPaths: [...AUDIT_SNAPSHOTS, '/counts/*'],
  },
  /**
   * Every onboarding document (modules, versions, cohorts, assignments, notification outbox, progress),
   * told apart by `type`; one tenant partition so an assignment and its outbox entries share a batch.
   * Module and version content (sections, lessons, knowledge checks) is read whole, never queried.
   */
  onboarding: {
    id: 'onboarding',
    partitionKey: '/tenantId',
    // Searchable cohort pages (issue 13): sorted by creation time, then id.
    compositeIndexes: [[{ path: '/createdAt', order: 'ascending' }, { path: '/id', order: 'ascending' }]],
    excludedPaths: ['/content/*'],
  },
  /**
   * Leaders' alignment rounds and their answers, mission moments and each person's daily moment
   * count, and the audit entries of hiding a moment (issue 12), told apart by `type`.
   */
  alignment: {
    id: 'alignment',
    partitionKey: '/tenantId',
    // Round lists and the moments feed: ORDER BY c.createdAt DESC, c.id DESC.
    compositeIndexes: [[{ path: '/createdAt', order: 'descending' }, { path: '/id', order: 'descending' }]],
    excludedPaths: AUDIT_SNAPSHOTS,
  },
  /**
   * Idempotency-Key records: the first answer to a POST, replayed to its retries for 24 h (http/idempotency.ts).
   * Read by id only, so the stored answer stays out of the index.
   */
  idempotency: { id: 'idempotency', partitionKey: '/tenantId', excludedPaths: ['/response/*'], defaultTtl: 24 * 60 * 60 },
  /**
   * Mission pulses (issue 11): pulses, their wrapped marker secrets, double-answer markers, anonymous
   * responses (deleted when the pulse closes, after its tallies are kept) and the tenant's pulse settings.
   * Tallies and comments are read whole, never queried.
   */
  pulses: { id: 'pulses', partitionKey: '/tenantId', excludedPaths: ['/summary/*', '/comment/?'] },
  /**
   * Tenant deletions (issue 14), outside every tenant's data: one partition (`tenant-deletions`) holding,
   * per request, the tenant id, an opaque hash of who asked, when, the grace period's end and when it was
   * done. No names, no personal data; it outlives the tenant it describes.
   */
  deletionLog: { id: 'deletionLog', partitionKey: '/tenantId' },
} as const satisfies Record<string, ContainerDefinition>;

export type ContainerName = keyof typeof CONTAINERS;
