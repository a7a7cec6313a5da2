/**
 * Each person's connection to Planner or To Do (what they brought in, write-back, where the sync
 * stands) and the writes of imported tasks. Connections live in the tasks container (tenant
 * partition) with `type: 'taskSourceConnection'` and `personId`, never `ownerId`, so no task query
 * ever reads them. Imported tasks are ordinary task documents with a `source`, each write with its
 * audit entry in one batch, like any task change.
 */
import type { Container, Resource } from '@azure/cosmos';
import type { TaskSourceKind } from '../shared/task-source-contracts.js';
import { auditDocument, type AuditAction, type AuditActor } from './audit.js';
import { writeInBatch } from './audited-batch.js';
import type { TaskDocument } from './documents.js';
import { auditedFields } from './tasks-repository.js';

export interface TaskSourceConnectionDocument {
  id: string;
  tenantId: string;
  type: 'taskSourceConnection';
  personId: string;
  kind: TaskSourceKind;
  connectedAt: string;
  /** Done in Line of Sight → completed at the source. Off by default. */
  writeBack: boolean;
  /** Plans / lists brought in whole. */
  containerIds: string[];
  /** Single tasks brought in. */
  singles: { containerId: string; id: string }[];
  /** Plan / list names, as last read. */
  containerNames: Record<string, string>;
  /** Where the sync resumes: Planner's key 'planner' holds the next page of a round; To Do's, per list, a nextLink or deltaLink. */
  cursors: Record<string, string>;
  /** Planner: source ids seen so far in the round in progress (missing at the end of a full round = removed at source). */
  roundSeen: string[];
  lastSyncAt: string | null;
}

export type StoredConnection = TaskSourceConnectionDocument & Resource;
export type StoredTask = TaskDocument & Resource;

export interface PendingTaskWrite {
  document: TaskDocument;
  before: StoredTask | undefined;
  action: AuditAction;
}

const TASKS_PER_BATCH = 40;

export const connectionId = (personId: string, kind: TaskSourceKind) => `task-source-${kind}-${personId}`;

export interface TaskSourcesRepository {
  connection(tenantId: string, personId: string, kind: TaskSourceKind): Promise<StoredConnection | undefined>;
  saveConnection(document: TaskSourceConnectionDocument): Promise<void>;
  deleteConnection(tenantId: string, personId: string, kind: TaskSourceKind): Promise<void>;
  /** Every connection of the tenant (the timer's work list). */
  connections(tenantId: string): Promise<StoredConnection[]>;
  /** The person's tasks imported from `kind`, with their etags. */
  importedTasks(tenantId: string, ownerId: string, kind: TaskSourceKind): Promise<StoredTask[]>;
  /** Creates or replaces an imported task with its audit entry; a create that finds the task (a re-run) replaces it. */
  writeTask(document: TaskDocument, before: StoredTask | undefined, action: AuditAction, actor: AuditActor, at: Date): Promise<StoredTask>;
  /**
   * Several imported tasks at once, each with its audit entry: up to 40 tasks per transactional batch
   * (80 operations); a batch that fails (a re-run's create, a race) is written task by task instead.
   */
  writeTasks(writes: readonly PendingTaskWrite[], actor: AuditActor, at: Date): Promise<StoredTask[]>;
  /** The person's task as stored (with the source's ETag), or undefined. */
  storedTask(tenantId: string, ownerId: string, taskId: string): Promise<StoredTask | undefined>;
  /** Deletes an imported task with its audit entry. */
  deleteTask(stored: StoredTask, actor: AuditActor, at: Date): Promise<void>;
}

export function createTaskSourcesRepository(container: Container): TaskSourcesRepository {
  async function query<T>(text: string, parameters: { name: string; value: string }[], tenantId: string): Promise<T[]> {
    const { resources } = await container.items.query<T>({ query: text, parameters: [{ name: '@tenantId', value: tenantId }, ...parameters] }, { partitionKey: tenantId }).fetchAll();
    return resources;
  }

  const repository: TaskSourcesRepository = {
    async connection(tenantId, personId, kind) {
      const { resource } = await container.item(connectionId(personId, kind), tenantId).read<StoredConnection>();
      return resource?.type === 'taskSourceConnection' && resource.personId === personId ? resource : undefined;
    },
    async saveConnection(document) {
      const { _rid, _self, _etag, _ts, _attachments, ...fields } = document as StoredConnection & { _attachments?: string };
      void [_rid, _self, _etag, _ts, _attachments];
      await container.items.upsert(fields);
    },
    async deleteConnection(tenantId, personId, kind) {
      await container.item(connectionId(personId, kind), tenantId).delete().catch((error: { code?: number }) => {
        if (error.code !== 404) throw error;
      });
    },
    connections: (tenantId) => query<StoredConnection>("SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'taskSourceConnection'", [], tenantId),
    importedTasks: (tenantId, ownerId, kind) =>
      query<StoredTask>('SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerId = @ownerId AND c.source.kind = @kind', [{ name: '@ownerId', value: ownerId }, { name: '@kind', value: kind }], tenantId),

    async writeTask(document, before, action, actor, at) {
      let current = before;
      let next = document;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const audit = auditDocument({ tenantId: next.tenantId, entityType: 'task', entityId: next.id, action: current ? action : 'create', actor, before: current ? auditedFields(current) : null, after: auditedFields(next), at });
        const fields = auditedFields(next);
        const write = current ? { kind: 'replace' as const, document: fields, ifMatch: current._etag } : { kind: 'create' as const, document: fields };
        const result = await writeInBatch(container, next.tenantId, [write], [audit]);
        if (result.status === 'ok') return result.documents[0] as StoredTask;
        // A create that collides is the same import re-run (the id is the natural key); a stale replace raced
        // another write: read it again and apply the source's fields over the person's own (link, sentence).
        const { resource } = await container.item(next.id, next.tenantId).read<StoredTask>();
        if (!resource || resource.ownerId !== next.ownerId) break;
        current = resource;
        next = { ...next, strategyId: resource.strategyId, howItServes: resource.howItServes, createdAt: resource.createdAt };
      }
      throw new Error(`imported task ${document.id} could not be written`);
    },
    async writeTasks(writes, actor, at) {
      const written: StoredTask[] = [];
      for (let start = 0; start < writes.length; start += TASKS_PER_BATCH) {
        const chunk = writes.slice(start, start + TASKS_PER_BATCH);
        const tenantId = chunk[0]!.document.tenantId;
        const documentWrites = chunk.map(({ document, before }) =>
          before ? { kind: 'replace' as const, document: auditedFields(document), ifMatch: before._etag } : { kind: 'create' as const, document: auditedFields(document) },
        );
        const audits = chunk.map(({ document, before, action }) =>
          auditDocument({ tenantId, entityType: 'task', entityId: document.id, action: before ? action : 'create', actor, before: before ? auditedFields(before) : null, after: auditedFields(document), at }),
        );
        const result = await writeInBatch(container, tenantId, documentWrites, audits);
        if (result.status === 'ok') written.push(...(result.documents as StoredTask[]));
        else for (const { document, before, action } of chunk) written.push(await repository.writeTask(document, before, action, actor, at));
      }
      return written;
    },
    async storedTask(tenantId, ownerId, taskId) {
      const { resource } = await container.item(taskId, tenantId).read<StoredTask>();
      return resource && resource.ownerId === ownerId ? resource : undefined;
    },
    async deleteTask(stored, actor, at) {
      const audit = auditDocument({ tenantId: stored.tenantId, entityType: 'task', entityId: stored.id, action: 'delete', actor, before: auditedFields(stored), after: null, at });
      await writeInBatch(container, stored.tenantId, [{ kind: 'delete', document: auditedFields(stored), ifMatch: stored._etag }], [audit]);
    },
  };
  return repository;
}
