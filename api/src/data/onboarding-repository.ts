/**
 * Modules, versions, cohorts, assignments and progress in the `onboarding` container. Every read
 * passes the tenant partition key and every query also filters c.tenantId (the embedded server
 * ignores the partition key on queries). Writes that must not overwrite a newer state are
 * etag-conditional; multi-document changes go through one transactional batch (writeInBatch).
 */
import type { Container, Resource, SqlParameter } from '@azure/cosmos';
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
export type WriteOutcome<T> = { status: 'ok'; document: Stored<T> } | { status: 'stale' | 'not_found' | 'conflict' };

export interface OnboardingRepository {
  getModule(tenantId: string, id: string): Promise<Stored<ModuleDocument> | undefined>;
  listModules(tenantId: string): Promise<Stored<ModuleDocument>[]>;
  getVersion(tenantId: string, id: string): Promise<Stored<ModuleVersionDocument> | undefined>;
  getCohort(tenantId: string, id: string): Promise<Stored<CohortDocument> | undefined>;
  listCohorts(tenantId: string): Promise<Stored<CohortDocument>[]>;
  getAssignment(tenantId: string, id: string): Promise<Stored<AssignmentDocument> | undefined>;
  listAssignmentsForCohort(tenantId: string, cohortId: string): Promise<Stored<AssignmentDocument>[]>;
  listAssignmentsForPerson(tenantId: string, userId: string): Promise<Stored<AssignmentDocument>[]>;
  /** Assignments due on or after `day` (yyyy-mm-dd): the ones reminders may still be sent for. */
  listAssignmentsDueFrom(tenantId: string, day: string): Promise<Stored<AssignmentDocument>[]>;
  getProgress(tenantId: string, id: string): Promise<Stored<ProgressDocument> | undefined>;
  listProgressForAssignments(tenantId: string, assignmentIds: readonly string[]): Promise<Stored<ProgressDocument>[]>;
  listProgressForPerson(tenantId: string, userId: string): Promise<Stored<ProgressDocument>[]>;
  create<T extends OnboardingDocument>(document: T): Promise<WriteOutcome<T>>;
  replace<T extends OnboardingDocument>(document: T, ifMatch: string): Promise<WriteOutcome<T>>;
  /** One transactional batch (≤ 100 operations): all or nothing. */
  batch<T extends { id: string; tenantId: string }>(tenantId: string, writes: readonly DocumentWrite<T>[]): Promise<BatchResult<T>>;
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

  async function list<T extends OnboardingDocument>(tenantId: string, type: T['type'], where = '', parameters: SqlParameter[] = []): Promise<Stored<T>[]> {
    const { resources } = await container.items
      .query<Stored<T>>(
        {
          query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type${where ? ` AND (${where})` : ''}`,
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
    listModules: async (tenantId) => byCreated(await list<ModuleDocument>(tenantId, 'module')),
    getVersion: (tenantId, id) => read<ModuleVersionDocument>(tenantId, id, 'moduleVersion'),
    getCohort: (tenantId, id) => read<CohortDocument>(tenantId, id, 'cohort'),
    listCohorts: async (tenantId) => byCreated(await list<CohortDocument>(tenantId, 'cohort')),
    getAssignment: (tenantId, id) => read<AssignmentDocument>(tenantId, id, 'assignment'),
    listAssignmentsForCohort: async (tenantId, cohortId) =>
      byCreated(await list<AssignmentDocument>(tenantId, 'assignment', 'c.cohortId = @cohortId', [{ name: '@cohortId', value: cohortId }])),
    listAssignmentsForPerson: async (tenantId, userId) =>
      byCreated(await list<AssignmentDocument>(tenantId, 'assignment', 'ARRAY_CONTAINS(c.recipientIds, @userId)', [{ name: '@userId', value: userId }])),
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
    batch: (tenantId, writes) =>
      writeInBatch(container, tenantId, writes.map((write) => ({ ...write, document: withoutSystemProperties(write.document) })), []),
  };
}
