/**
 * Each person's tasks. Every operation is scoped to (tenant, owner): the tenant is the
 * partition key, and a task owned by someone else is treated exactly like a missing one,
 * so ids of other people's tasks reveal nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Container, ItemDefinition, Resource } from '@azure/cosmos';
import type { Task } from '../shared/contracts.js';
import type { TaskDocument } from './documents.js';

export interface TaskFields {
  title: string;
  strategyId: string | null;
  howItServes: string;
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
   * Creates the task under `id`. If the owner already has a task with that id (the same create,
   * re-run after a crash: see AuthenticatedRequest.newId), answers that task instead of a second one.
   */
  create(tenantId: string, ownerId: string, fields: TaskFields, id?: string): Promise<Task>;
  /** Replaces the task's fields if its etag still equals `ifMatch`. */
  replace(tenantId: string, ownerId: string, taskId: string, fields: TaskFields, ifMatch: string): Promise<ConditionalWriteResult<Task>>;
  /** Deletes the task; when `ifMatch` is given, only if the etag still matches. */
  remove(tenantId: string, ownerId: string, taskId: string, ifMatch?: string): Promise<ConditionalWriteResult<null>>;
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
  };
}

function cosmosStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
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

    async create(tenantId, ownerId, fields, id = randomUUID()) {
      const timestamp = now().toISOString();
      const document: TaskDocument = { id, tenantId, ownerId, ...fields, createdAt: timestamp, updatedAt: timestamp };
      try {
        const { resource } = await container.items.create<TaskDocument>(document);
        if (!resource) throw new Error('Cosmos returned no document for a created task');
        return toTask(resource);
      } catch (error) {
        const existing = cosmosStatus(error) === 409 ? await readOwned(tenantId, ownerId, id) : undefined;
        if (existing) return toTask(existing);
        throw error;
      }
    },

    async replace(tenantId, ownerId, taskId, fields, ifMatch) {
      const current = await readOwned(tenantId, ownerId, taskId);
      if (!current) return { status: 'not_found' };
      if (current._etag !== ifMatch) return { status: 'stale', current: toTask(current) };
      const next: TaskDocument = {
        id: current.id,
        tenantId,
        ownerId,
        ...fields,
        createdAt: current.createdAt,
        updatedAt: now().toISOString(),
      };
      try {
        // The etag check above is a fast path; this condition is what makes the write safe under races.
        const { resource } = await container
          .item(taskId, tenantId)
          .replace<ItemDefinition & TaskDocument>(next, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        if (!resource) throw new Error('Cosmos returned no document for a replaced task');
        return { status: 'ok', value: toTask(resource as StoredTask) };
      } catch (error) {
        if (cosmosStatus(error) === 412) return staleOrGone(tenantId, ownerId, taskId);
        if (cosmosStatus(error) === 404) return { status: 'not_found' };
        throw error;
      }
    },

    async remove(tenantId, ownerId, taskId, ifMatch) {
      const current = await readOwned(tenantId, ownerId, taskId);
      if (!current) return { status: 'not_found' };
      if (ifMatch !== undefined && current._etag !== ifMatch) return { status: 'stale', current: toTask(current) };
      try {
        await container
          .item(taskId, tenantId)
          .delete(ifMatch === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return { status: 'ok', value: null };
      } catch (error) {
        if (cosmosStatus(error) === 412) return staleOrGone(tenantId, ownerId, taskId);
        if (cosmosStatus(error) === 404) return { status: 'not_found' };
        throw error;
      }
    },

    async upsertDocument(document) {
      await container.items.upsert(document);
    },
  };
}
