/**
 * Reads the export needs beyond the strategy container: every task's link in the tenant (tasks
 * container, one partition). Audit entries share that container, so task rows are those with an owner.
 */
import type { Container } from '@azure/cosmos';
import type { TaskDocument } from './documents.js';

export type TaskLinkRow = Pick<TaskDocument, 'id' | 'title' | 'ownerId' | 'strategyId' | 'howItServes' | 'createdAt'>;

export async function listTaskLinksForExport(tasks: Container, tenantId: string): Promise<TaskLinkRow[]> {
  // The tenant filter repeats the partition key on purpose: a second fence, and the local embedded
  // server does not scope queries by the partition key header.
  const { resources } = await tasks.items
    .query<TaskLinkRow>(
      {
        query:
          'SELECT c.id, c.title, c.ownerId, c.strategyId, c.howItServes, c.createdAt FROM c ' +
          'WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId)',
        parameters: [{ name: '@tenantId', value: tenantId }],
      },
      { partitionKey: tenantId, maxItemCount: -1 },
    )
    .fetchAll();
  return resources.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** How many tasks of the tenant point at the strategy (they need a new link once it is archived). */
export async function countTasksServing(tasks: Container, tenantId: string, strategyId: string): Promise<number> {
  const { resources } = await tasks.items
    .query<number>(
      {
        query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND IS_DEFINED(c.ownerId) AND c.strategyId = @strategyId',
        parameters: [
          { name: '@tenantId', value: tenantId },
          { name: '@strategyId', value: strategyId },
        ],
      },
      { partitionKey: tenantId },
    )
    .fetchAll();
  return resources[0] ?? 0;
}
