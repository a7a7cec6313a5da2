/**
 * Each person's tasks. Every operation is scoped to (tenant, owner): the tenant is the
 * partition key, and a task owned by someone else is treated exactly like a missing one,
 * so ids of other people's tasks reveal nothing. Every write carries its audit entry in the
 * same transactional batch (tasks container, tenant partition).
 */
import { randomUUID } from 'node:crypto';
import type { Container, Resource } from '@azure/cosmos';
import type { Task } from '../shared/contracts.js';
import { auditDocument, type AuditAction, type AuditActor } from './audit.js';
import { writeInBatch, type DocumentWrite } from './audited-batch.js';
import type { TaskDocument } from './documents.js';

export interface TaskFields {
  title: string;
  strategyId: string | null;
  howItServes: string;
  completed?: boolean;
}

/** Outcome of a conditional write: a stale etag comes back with the task as it is now. */
export type ConditionalWriteResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'not_found' }
  | { status: 'stale'; current: Task };

export interface TasksRepository {
  listForOwner(tenantId: string, ownerId: string): Promise<Task[]>;
  get(tenantId: string, ownerId: string, taskId: string): Promise<Task | undefined>;
  /**
   * Creates the task under `id`, with its audit entry. If the owner already has a task with that id
   * (the same create, re-run after a crash: see AuthenticatedRequest.newId), answers that task instead of a second one.
   */
  create(tenantId: string, ownerId: string, fields: TaskFields, actor: AuditActor, id?: string): Promise<Task>;
  /** Replaces the task's fields if its etag still equals `ifMatch`. */
  replace(tenantId: string, ownerId: string, taskId: string, fields: TaskFields, ifMatch: string, actor: AuditActor): Promise<ConditionalWriteResult<Task>>;
  /** Deletes the task; when `ifMatch` is given, only if the etag still matches. */
  remove(tenantId: string, ownerId: string, taskId: string, ifMatch: string | undefined, actor: AuditActor): Promise<ConditionalWriteResult<null>>;
  /** Seeding only: writes a task document as is. */
  upsertDocument(document: TaskDocument): Promise<void>;
}

type StoredTask = TaskDocument & Resource;

export function toTask(document: StoredTask): Task {
  return {
    id: document.id,
    title: document.title,
    strategyId: document.strategyId,
    howItServes: document.howItServes,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    etag: document._etag,
    ...(document.completed !== undefined ? { completed: document.completed } : {}),
    ...(document.dueDate !== undefined ? { dueDate: document.dueDate } : {}),
    ...(document.source ? { source: publicSource(document.source) } : {}),
  };
}

/** The source as the tab sees it: the source's ETag stays on the server. */
function publicSource(source: NonNullable<TaskDocument['source']>): Task['source'] {
  const { etag: _etag, ...shown } = source;
  return shown;
}

/** The task as the audit log keeps it: its own fields, without Cosmos system properties. */
export function auditedFields(document: TaskDocument): TaskDocument {
  const { id, tenantId, ownerId, title, strategyId, howItServes, createdAt, updatedAt, completed, dueDate, source } = document;
  return {
    id, tenantId, ownerId, title, strategyId, howItServes, createdAt, updatedAt,
    ...(completed !== undefined ? { completed } : {}),
    ...(dueDate !== undefined ? { dueDate } : {}),
    ...(source ? { source } : {}),
  };
}

export function createTasksRepository(container: Container, now: () => Date = () => new Date()): TasksRepository {
  async function readOwned(tenantId: string, ownerId: string, taskId: string): Promise<StoredTask | undefined> {
    const { resource } = await container.item(taskId, tenantId).read<StoredTask>();
    return resource && resource.ownerId === ownerId ? resource : undefined;
  }

  /** After Cosmos refused a write with 412, report the task as it is now (or that it is gone). */
  async function staleOrGone<T>(tenantId: string, ownerId: string, taskId: string): Promise<ConditionalWriteResult<T>> {
    const current = await readOwned(tenantId, ownerId, taskId);
    return current ? { status: 'stale', current: toTask(current) } : { status: 'not_found' };
  }

  /** One write of a task and its audit entry, all or nothing; a refused precondition reports the task as it is now. */
  async function writeAudited(
    tenantId: string,
    ownerId: string,
    write: DocumentWrite<TaskDocument>,
    action: AuditAction,
    before: TaskDocument | null,
    actor: AuditActor,
  ): Promise<ConditionalWriteResult<StoredTask | null> | { status: 'conflict' }> {
    const after = write.kind === 'delete' ? null : write.document;
    const audit = auditDocument({ tenantId, entityType: 'task', entityId: write.document.id, action, actor, before, after, at: now() });
    const result = await writeInBatch(container, tenantId, [write], [audit]);
    if (result.status === 'ok') return { status: 'ok', value: write.kind === 'delete' ? null : (result.documents[0] as StoredTask) };
    if (result.status === 'not_found') return { status: 'not_found' };
    if (result.status === 'stale') return staleOrGone(tenantId, ownerId, write.document.id);
    return { status: 'conflict' };
  }

  return {
    async listForOwner(tenantId, ownerId) {
      // The tenant filter repeats the partition key on purpose: a second fence, and the local
      // embedded server does not scope queries by partition key header.
      const { resources } = await container.items
        .query<StoredTask>(
          {
            query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.ownerId = @ownerId',
            parameters: [
              { name: '@tenantId', value: tenantId },
              { name: '@ownerId', value: ownerId },
            ],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map(toTask);
    },

    async get(tenantId, ownerId, taskId) {
      const document = await readOwned(tenantId, ownerId, taskId);
      return document ? toTask(document) : undefined;
    },

    async create(tenantId, ownerId, fields, actor, id = randomUUID()) {
      const timestamp = now().toISOString();
      const document: TaskDocument = { id, tenantId, ownerId, ...fields, createdAt: timestamp, updatedAt: timestamp };
      const result = await writeAudited(tenantId, ownerId, { kind: 'create', document }, 'create', null, actor);
      if (result.status === 'ok' && result.value) return toTask(result.value);
      // A create conflict is this very create, re-run after a crash: the owner's task with this id answers it.
      const existing = result.status === 'conflict' ? await readOwned(tenantId, ownerId, id) : undefined;
      if (existing) return toTask(existing);
      throw new Error('Cosmos returned no document for a created task');
    },

    async replace(tenantId, ownerId, taskId, fields, ifMatch, actor) {
      const current = await readOwned(tenantId, ownerId, taskId);
      if (!current) return { status: 'not_found' };
      if (current._etag !== ifMatch) return { status: 'stale', current: toTask(current) };
      const next: TaskDocument = { ...auditedFields(current), ...fields, updatedAt: now().toISOString() };
      // The etag check above is a fast path; the batch's If-Match is what makes the write safe under races.
      const result = await writeAudited(tenantId, ownerId, { kind: 'replace', document: next, ifMatch }, 'update', auditedFields(current), actor);
      if (result.status === 'ok' && result.value) return { status: 'ok', value: toTask(result.value) };
      return result.status === 'stale' || result.status === 'not_found' ? result : { status: 'not_found' };
    },

    async remove(tenantId, ownerId, taskId, ifMatch, actor) {
      const current = await readOwned(tenantId, ownerId, taskId);
      if (!current) return { status: 'not_found' };
      if (ifMatch !== undefined && current._etag !== ifMatch) return { status: 'stale', current: toTask(current) };
      const write = { kind: 'delete' as const, document: auditedFields(current), ifMatch: ifMatch ?? current._etag };
      const result = await writeAudited(tenantId, ownerId, write, 'delete', auditedFields(current), actor);
      if (result.status === 'ok') return { status: 'ok', value: null };
      return result.status === 'stale' || result.status === 'not_found' ? result : { status: 'not_found' };
    },

    async upsertDocument(document) {
      await container.items.upsert(document);
    },
  };
}
