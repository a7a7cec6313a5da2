/**
 * Tasks as seen from a strategy (tasks container): which tasks serve it, and moving them all to
 * another strategy when it is archived. Each batch re-links at most 50 tasks, each replace guarded
 * by the task's etag and paired with its audit entry in the same tenant partition.
 */
import type { Container, Resource } from '@azure/cosmos';
import { auditDocument, type AuditActor } from './audit.js';
import { writeInBatch } from './audited-batch.js';
import type { TaskDocument } from './documents.js';

type StoredTask = TaskDocument & Resource;

/**
 * Tasks per batch: each task is two operations (replace + audit entry) of at most 100, and the
 * alignment figures' patches (≤ 2 counts a task, 10 a patch) need room in the same batch.
 */
const TASKS_PER_BATCH = 30;
/** A task changed between our read and the batch makes the batch fail; re-read and try again, a few times. */
const MAX_ROUNDS = 5;

export interface StrategyTaskLinks {
  listTasksServing(tenantId: string, strategyId: string): Promise<StoredTask[]>;
  /** Re-links every task serving `fromStrategyId`; returns how many moved. */
  moveAll(
    tenantId: string,
    fromStrategyId: string,
    to: { strategyId: string; howItServes: string },
    actor: AuditActor,
    note: string,
  ): Promise<number>;
}

export function createStrategyTaskLinks(container: Container, now: () => Date = () => new Date()): StrategyTaskLinks {
  async function listTasksServing(tenantId: string, strategyId: string): Promise<StoredTask[]> {
    // Tenant filter repeats the partition key (the embedded server ignores it on queries);
    // IS_DEFINED(ownerId) keeps audit entries, which share the container, out.
    const { resources } = await container.items
      .query<StoredTask>(
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId) AND c.strategyId = @strategyId',
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@strategyId', value: strategyId },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }

  return {
    listTasksServing,
    async moveAll(tenantId, fromStrategyId, to, actor, note) {
      let moved = 0;
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const tasks = await listTasksServing(tenantId, fromStrategyId);
        if (tasks.length === 0) return moved;
        for (let start = 0; start < tasks.length; start += TASKS_PER_BATCH) {
          const chunk = tasks.slice(start, start + TASKS_PER_BATCH);
          const at = now();
          const writes = chunk.map((task) => {
            const before: TaskDocument = {
              id: task.id, tenantId, ownerId: task.ownerId, title: task.title, strategyId: task.strategyId,
              howItServes: task.howItServes, createdAt: task.createdAt, updatedAt: task.updatedAt,
            };
            const after: TaskDocument = { ...before, strategyId: to.strategyId, howItServes: to.howItServes, updatedAt: at.toISOString() };
            return { before, after, etag: task._etag };
          });
          const result = await writeInBatch<TaskDocument>(
            container,
            tenantId,
            writes.map(({ after, etag }) => ({ kind: 'replace' as const, document: after, ifMatch: etag })),
            writes.map(({ before, after }) =>
              auditDocument({ tenantId, entityType: 'task', entityId: after.id, action: 'remap', actor, before, after, at, note }),
            ),
          );
          // A stale or vanished task: leave this chunk for the next round, which re-reads.
          if (result.status === 'ok') moved += chunk.length;
        }
      }
      const left = await listTasksServing(tenantId, fromStrategyId);
      if (left.length > 0) throw new Error(`${left.length} tasks kept changing while being re-linked`);
      return moved;
    },
  };
}
