/**
 * Modules, versions, cohorts, assignments and progress in the `onboarding` container. Every read
 * passes the tenant partition key and every query also filters c.tenantId (the embedded server
 * ignores the partition key on queries). Writes that must not overwrite a newer state are
 * etag-conditional; multi-document changes go through one transactional batch (writeInBatch).
 */
import { keysetClauses, topOf, type KeysetPageRequest } from './keyset-query.js';
import type { Container, Resource, SqlParameter } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { writeInBatch, type BatchResult, type DocumentWrite } from './audited-batch.js';
import type {
  AssignmentDocument,
  CohortDocument,
  ModuleDocument,
  ModuleVersionDocument,
  OnboardingDocument,
  ProgressDocument,
} from './onboarding-documents.js';

export type Stored<T> = T & Resource;

/** A cohort as the list shows it: without its member ids (only their count). */
export type CohortListing = Pick<CohortDocument, 'id' | 'tenantId' | 'type' | 'name' | 'description' | 'createdAt'> & { memberCount: number; _etag: string };

/** The modules list answers at most this many (oldest first); a tenant writes a handful. */
export const MAX_MODULES_LISTED = 500;
export type WriteOutcome<T> = { status: 'ok'; document: Stored<T> } | { status: 'stale' | 'not_found' | 'conflict' };

export interface OnboardingRepository {
  getModule(tenantId: string, id: string): Promise<Stored<ModuleDocument> | undefined>;
  /** At most MAX_MODULES_LISTED, oldest first. */
  listModules(tenantId: string): Promise<Stored<ModuleDocument>[]>;
  getVersion(tenantId: string, id: string): Promise<Stored<ModuleVersionDocument> | undefined>;
  getCohort(tenantId: string, id: string): Promise<Stored<CohortDocument> | undefined>;
  /** One page of cohorts, oldest first (offset + limit read at most), and how many there are. */
  pageCohorts(tenantId: string, offset: number, limit: number): Promise<{ cohorts: CohortListing[]; total: number }>;
  /** Up to `limit + 1` cohorts whose name contains `q`, after `after`, ordered (createdAt, id): one query, whatever the count. */
  searchCohorts(tenantId: string, request: KeysetPageRequest): Promise<CohortListing[]>;
  /** How many assignments each of these cohorts has (one query). */
  countAssignments(tenantId: string, cohortIds: readonly string[]): Promise<Map<string, number>>;
  getAssignment(tenantId: string, id: string): Promise<Stored<AssignmentDocument> | undefined>;
  listAssignmentsForCohort(tenantId: string, cohortId: string): Promise<Stored<AssignmentDocument>[]>;
  listAssignmentsForPerson(tenantId: string, userId: string): Promise<Stored<AssignmentDocument>[]>;
  /** Every assignment of these module versions, to any cohort: who holds each version already. */
  listAssignmentsForVersions(tenantId: string, moduleVersionIds: readonly string[]): Promise<Stored<AssignmentDocument>[]>;
  /** Assignments whose notifications are not all queued yet (fanOut.pending > 0), oldest first. */
  listAssignmentsToFanOut(tenantId: string, limit: number): Promise<Stored<AssignmentDocument>[]>;
  /** Assignments due on or after `day` (yyyy-mm-dd): the ones reminders may still be sent for. */
  listAssignmentsDueFrom(tenantId: string, day: string): Promise<Stored<AssignmentDocument>[]>;
  getProgress(tenantId: string, id: string): Promise<Stored<ProgressDocument> | undefined>;
  listProgressForAssignments(tenantId: string, assignmentIds: readonly string[]): Promise<Stored<ProgressDocument>[]>;
  listProgressForPerson(tenantId: string, userId: string): Promise<Stored<ProgressDocument>[]>;
  create<T extends OnboardingDocument>(document: T): Promise<WriteOutcome<T>>;
  replace<T extends OnboardingDocument>(document: T, ifMatch: string): Promise<WriteOutcome<T>>;
  /** One transactional batch (≤ 100 operations, audit entries last): all or nothing. */
  batch<T extends { id: string; tenantId: string }>(tenantId: string, writes: readonly DocumentWrite<T>[], audits?: readonly AuditDocument[]): Promise<BatchResult<T>>;
}

/** Cosmos system properties (_etag, _rid, …) of a read document are not written back. */
function withoutSystemProperties<T extends object>(document: T): T {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as T;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export function createOnboardingRepository(container: Container): OnboardingRepository {
  async function read<T extends OnboardingDocument>(tenantId: string, id: string, type: T['type']): Promise<Stored<T> | undefined> {
    const { resource } = await container.item(id, tenantId).read<Stored<T>>();
    return resource?.type === type && resource.tenantId === tenantId ? resource : undefined;
  }

  async function list<T extends OnboardingDocument>(
    tenantId: string,
    type: T['type'],
    where = '',
    parameters: SqlParameter[] = [],
    page?: { top: number; orderBy: string },
  ): Promise<Stored<T>[]> {
    const top = page ? `TOP ${Math.max(1, Math.floor(page.top))} ` : '';
    const { resources } = await container.items
      .query<Stored<T>>(
        {
          query: `SELECT ${top}* FROM c WHERE c.tenantId = @tenantId AND c.type = @type${where ? ` AND (${where})` : ''}${page ? ` ORDER BY ${page.orderBy}` : ''}`,
          parameters: [{ name: '@tenantId', value: tenantId }, { name: '@type', value: type }, ...parameters],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }

  const byCreated = <T extends { createdAt: string; id: string }>(items: T[]) =>
    items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  return {
    getModule: (tenantId, id) => read<ModuleDocument>(tenantId, id, 'module'),
    listModules: async (tenantId) => byCreated(await list<ModuleDocument>(tenantId, 'module', '', [], { top: MAX_MODULES_LISTED, orderBy: 'c.createdAt' })),
    getVersion: (tenantId, id) => read<ModuleVersionDocument>(tenantId, id, 'moduleVersion'),
    getCohort: (tenantId, id) => read<CohortDocument>(tenantId, id, 'cohort'),
    async pageCohorts(tenantId, offset, limit) {
      const parameters = [{ name: '@tenantId', value: tenantId }];
      const [{ resources: rows }, { resources: counts }] = await Promise.all([
        container.items
          .query<CohortListing>(
            {
              // The member ids stay in the store: a page of 200 cohorts of 500 people would be 4 MB.
              query:
                `SELECT TOP ${Math.floor(offset + limit)} c.id, c.tenantId, c.type, c.name, c.description, c.createdAt, c._etag, ARRAY_LENGTH(c.memberIds) AS memberCount ` +
                `FROM c WHERE c.tenantId = @tenantId AND c.type = 'cohort' ORDER BY c.createdAt`,
              parameters,
            },
            { partitionKey: tenantId },
          )
          .fetchAll(),
        container.items
          .query<number>({ query: `SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.type = 'cohort'`, parameters }, { partitionKey: tenantId })
          .fetchAll(),
      ]);
      return { cohorts: byCreated(rows).slice(offset, offset + limit), total: counts[0] ?? 0 };
    },
    async searchCohorts(tenantId, request) {
      const keyset = keysetClauses('c.createdAt', request, 'c.name');
      const where = ['c.tenantId = @tenantId', "c.type = 'cohort'", ...keyset.where];
      const { resources } = await container.items
        .query<CohortListing>(
          {
            // ORDER BY (createdAt, id) is served by the onboarding container's composite index (containers.ts).
            query:
              `SELECT TOP ${topOf(request.limit)} c.id, c.tenantId, c.type, c.name, c.description, c.createdAt, c._etag, ARRAY_LENGTH(c.memberIds) AS memberCount ` +
              `FROM c WHERE ${where.join(' AND ')} ORDER BY c.createdAt, c.id`,
            parameters: [{ name: '@tenantId', value: tenantId }, ...keyset.parameters],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    },
    async countAssignments(tenantId, cohortIds) {
      const counts = new Map(cohortIds.map((cohortId) => [cohortId, 0]));
      if (cohortIds.length === 0) return counts;
      const { resources } = await container.items
        .query<{ cohortId: string }>(
          {
            query: `SELECT c.cohortId FROM c WHERE c.tenantId = @tenantId AND c.type = 'assignment' AND ARRAY_CONTAINS(@ids, c.cohortId)`,
            parameters: [{ name: '@tenantId', value: tenantId }, { name: '@ids', value: [...cohortIds] }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      for (const { cohortId } of resources) counts.set(cohortId, (counts.get(cohortId) ?? 0) + 1);
      return counts;
    },
    getAssignment: (tenantId, id) => read<AssignmentDocument>(tenantId, id, 'assignment'),
    listAssignmentsForCohort: async (tenantId, cohortId) =>
      byCreated(await list<AssignmentDocument>(tenantId, 'assignment', 'c.cohortId = @cohortId', [{ name: '@cohortId', value: cohortId }])),
    listAssignmentsForPerson: async (tenantId, userId) =>
      byCreated(await list<AssignmentDocument>(tenantId, 'assignment', 'ARRAY_CONTAINS(c.recipientIds, @userId)', [{ name: '@userId', value: userId }])),
    listAssignmentsForVersions: async (tenantId, moduleVersionIds) =>
      moduleVersionIds.length === 0
        ? []
        : byCreated(await list<AssignmentDocument>(tenantId, 'assignment', 'ARRAY_CONTAINS(@ids, c.moduleVersionId)', [{ name: '@ids', value: [...moduleVersionIds] }])),
    listAssignmentsToFanOut: (tenantId, limit) =>
      list<AssignmentDocument>(tenantId, 'assignment', 'c.fanOut.pending > 0', [], { top: limit, orderBy: 'c.createdAt' }),
    listAssignmentsDueFrom: (tenantId, day) =>
      list<AssignmentDocument>(tenantId, 'assignment', 'c.dueDate >= @day', [{ name: '@day', value: day }]),
    getProgress: (tenantId, id) => read<ProgressDocument>(tenantId, id, 'progress'),
    listProgressForAssignments: async (tenantId, assignmentIds) =>
      assignmentIds.length === 0
        ? []
        : list<ProgressDocument>(tenantId, 'progress', 'ARRAY_CONTAINS(@ids, c.assignmentId)', [{ name: '@ids', value: [...assignmentIds] }]),
    listProgressForPerson: (tenantId, userId) =>
      list<ProgressDocument>(tenantId, 'progress', 'c.userId = @userId', [{ name: '@userId', value: userId }]),

    async create(document) {
      try {
        const { resource } = await container.items.create(withoutSystemProperties(document));
        return { status: 'ok', document: resource as Stored<typeof document> };
      } catch (error) {
        if (statusOf(error) === 409) return { status: 'conflict' };
        throw error;
      }
    },
    async replace(document, ifMatch) {
      try {
        const { resource } = await container
          .item(document.id, document.tenantId)
          .replace(withoutSystemProperties(document), { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return { status: 'ok', document: resource as Stored<typeof document> };
      } catch (error) {
        if (statusOf(error) === 412) return { status: 'stale' };
        if (statusOf(error) === 404) return { status: 'not_found' };
        throw error;
      }
    },
    batch: (tenantId, writes, audits = []) =>
      writeInBatch(container, tenantId, writes.map((write) => ({ ...write, document: withoutSystemProperties(write.document) })), audits),
  };
}
