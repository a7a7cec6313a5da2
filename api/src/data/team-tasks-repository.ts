/**
 * Tasks as a team leader and the insights see them (tasks container): by owner set, by id set,
 * or the whole tenant's links projected to the few fields insights need. Every query stays in
 * the tenant's partition and repeats the tenant filter (the embedded local server ignores the
 * partition key on queries). Audit entries share the container, so task queries require ownerId.
 */
import type { Container, JSONValue, Resource, SqlParameter } from '@azure/cosmos';
import { auditDocument, type AuditActor, type AuditDocument } from './audit.js';
import type { TaskDocument } from './documents.js';
import { writeInBatch } from './audited-batch.js';
import { keysetClauses, topOf, type KeysetPageRequest } from './keyset-query.js';

export type StoredTask = TaskDocument & Resource;

/** What insights need of a task, and nothing more. */
export interface TaskLink {
  id: string;
  title: string;
  ownerId: string;
  strategyId: string | null;
  sourceKind?: 'planner' | 'todo';
}

/** One list of the channel tab: the tasks serving one strategy, or those serving none of the active ones. */
export type StrategyFilter = { strategyId: string } | { noneOf: readonly string[] };

export type RelinkResult = { status: 'ok'; tasks: StoredTask[] } | { status: 'stale'; staleIds: string[]; current: StoredTask[] };

export interface TeamTasksRepository {
  listForOwners(tenantId: string, ownerIds: readonly string[]): Promise<StoredTask[]>;
  /** Up to `limit + 1` of these owners' tasks whose title contains `q`, after `after`, ordered (createdAt, id); only `strategy`'s when given. */
  pageForOwners(tenantId: string, ownerIds: readonly string[], request: KeysetPageRequest, strategy?: StrategyFilter): Promise<StoredTask[]>;
  getMany(tenantId: string, taskIds: readonly string[]): Promise<StoredTask[]>;
  listLinks(tenantId: string): Promise<TaskLink[]>;
  /** These people's tasks linked to none of `activeStrategyIds` (what insights may list by name), projected like listLinks. */
  listUnlinkedOf(tenantId: string, ownerIds: readonly string[], activeStrategyIds: readonly string[]): Promise<TaskLink[]>;
  /**
   * Links every task (as read, with its etag) to `strategyId` with `howItServes`, each only if its
   * etag is unchanged: one transactional batch with an audit entry per task, so all change or none.
   * The caller checks the etags the client sent first, so a stale request writes nothing at all.
   * `auditIdOf` names each task's audit entry (a re-map's derived ids, so a re-map is recognisable later).
   */
  relink(tenantId: string, stored: readonly StoredTask[], strategyId: string, howItServes: string, actor: AuditActor, auditIdOf?: (taskId: string) => string): Promise<RelinkResult>;
  /** The audit entries with these ids (any that exist). */
  auditsByIds(tenantId: string, ids: readonly string[]): Promise<AuditDocument[]>;
}

export function createTeamTasksRepository(container: Container, now: () => Date = () => new Date()): TeamTasksRepository {
  async function queryAll<T>(text: string, parameters: { name: string; value: JSONValue }[], tenantId: string): Promise<T[]> {
    const { resources } = await container.items
      // maxItemCount -1: the service picks the page size (the embedded server then answers in one page).
      .query<T>({ query: text, parameters: [{ name: '@tenantId', value: tenantId }, ...parameters] }, { partitionKey: tenantId, maxItemCount: -1 })
      .fetchAll();
    return resources;
  }

  async function getMany(tenantId: string, taskIds: readonly string[]): Promise<StoredTask[]> {
    if (taskIds.length === 0) return [];
    return queryAll<StoredTask>(
      'SELECT * FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId) AND ARRAY_CONTAINS(@ids, c.id)',
      [{ name: '@ids', value: [...taskIds] }],
      tenantId,
    );
  }

  return {
    getMany,
    async listForOwners(tenantId, ownerIds) {
      if (ownerIds.length === 0) return [];
      const tasks = await queryAll<StoredTask>(
        'SELECT * FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId) AND ARRAY_CONTAINS(@owners, c.ownerId)',
        [{ name: '@owners', value: [...ownerIds] }],
        tenantId,
      );
      return tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async pageForOwners(tenantId, ownerIds, request, strategy) {
      if (ownerIds.length === 0) return [];
      const keyset = keysetClauses('c.createdAt', request, 'c.title');
      const where = ['c.tenantId = @tenantId', 'IS_DEFINED(c.ownerId)', 'ARRAY_CONTAINS(@owners, c.ownerId)', ...keyset.where];
      const parameters: SqlParameter[] = [{ name: '@owners', value: [...ownerIds] }, ...keyset.parameters];
      if (strategy && 'strategyId' in strategy) {
        where.push('c.strategyId = @strategyId');
        parameters.push({ name: '@strategyId', value: strategy.strategyId });
      } else if (strategy) {
        // A null strategyId is in no array: tasks never linked fall in "none of the active ones" too.
        where.push('NOT ARRAY_CONTAINS(@active, c.strategyId)');
        parameters.push({ name: '@active', value: [...strategy.noneOf] });
      }
      // ORDER BY (createdAt, id) is served by the tasks container's composite index (containers.ts).
      return queryAll<StoredTask>(`SELECT TOP ${topOf(request.limit)} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.createdAt, c.id`, parameters, tenantId);
    },
    listLinks: (tenantId) =>
      queryAll<TaskLink>('SELECT c.id, c.title, c.ownerId, c.strategyId, c.source.kind AS sourceKind FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId)', [], tenantId),

    async listUnlinkedOf(tenantId, ownerIds, activeStrategyIds) {
      if (ownerIds.length === 0) return [];
      return queryAll<TaskLink>(
        'SELECT c.id, c.title, c.ownerId, c.strategyId, c.source.kind AS sourceKind FROM c WHERE c.tenantId = @tenantId AND ARRAY_CONTAINS(@owners, c.ownerId) AND NOT ARRAY_CONTAINS(@active, c.strategyId)',
        [
          { name: '@owners', value: [...ownerIds] },
          { name: '@active', value: [...activeStrategyIds] },
        ],
        tenantId,
      );
    },

    async auditsByIds(tenantId, ids) {
      if (ids.length === 0) return [];
      return queryAll<AuditDocument>("SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' AND ARRAY_CONTAINS(@ids, c.id)", [{ name: '@ids', value: [...ids] }], tenantId);
    },

    async relink(tenantId, stored, strategyId, howItServes, actor, auditIdOf) {
      const timestamp = now();
      const changes = stored.map((task) => {
        // Every stored field but Cosmos's own: a task's state, due date and Planner / To Do link survive a re-map.
        const { _rid: _r, _self: _s, _etag: _e, _ts: _t, _attachments: _a, ...fields } = task as StoredTask & { _attachments?: string };
        const before: TaskDocument = { ...fields, tenantId };
        const after: TaskDocument = { ...before, strategyId, howItServes, updatedAt: timestamp.toISOString() };
        const entry = auditDocument({ tenantId, entityType: 'task', entityId: task.id, action: 'remap', actor, before, after, at: timestamp });
        const audit = auditIdOf ? { ...entry, id: auditIdOf(task.id) } : entry;
        return { write: { kind: 'replace' as const, document: after, ifMatch: task._etag }, audit };
      });
      // The If-Match on every replace is the real guard: a change between our read and this batch fails it whole.
      const result = await writeInBatch(container, tenantId, changes.map((change) => change.write), changes.map((change) => change.audit));
      if (result.status === 'ok') return { status: 'ok', tasks: result.documents };
      const etags = new Map(stored.map((task) => [task.id, task._etag]));
      const changed = (await getMany(tenantId, [...etags.keys()])).filter((task) => task._etag !== etags.get(task.id));
      return { status: 'stale', staleIds: changed.map((task) => task.id), current: changed };
    },
  };
}
