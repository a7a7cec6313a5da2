/**
 * Reads the coaching figures need from the onboarding container, projected to the few fields they
 * count: every assignment's recipients and start, and which (assignment, person) pairs are completed.
 */
import type { Container } from '@azure/cosmos';

export interface AssignmentRecipients {
  id: string;
  recipientIds: string[];
  startAt: string | null;
}

export async function listAssignmentRecipients(onboarding: Container, tenantId: string): Promise<AssignmentRecipients[]> {
  const { resources } = await onboarding.items
    .query<AssignmentRecipients>(
      { query: `SELECT c.id, c.recipientIds, c.startAt FROM c WHERE c.tenantId = @tenantId AND c.type = 'assignment'`, parameters: [{ name: '@tenantId', value: tenantId }] },
      { partitionKey: tenantId },
    )
    .fetchAll();
  return resources.map((row) => ({ id: row.id, recipientIds: row.recipientIds ?? [], startAt: row.startAt ?? null }));
}

/** "assignmentId|userId" of every completed module. */
export async function listCompletedPairs(onboarding: Container, tenantId: string): Promise<Set<string>> {
  const { resources } = await onboarding.items
    .query<{ assignmentId: string; userId: string }>(
      {
        query: `SELECT c.assignmentId, c.userId FROM c WHERE c.tenantId = @tenantId AND c.type = 'progress' AND NOT IS_NULL(c.completedAt) AND IS_DEFINED(c.completedAt)`,
        parameters: [{ name: '@tenantId', value: tenantId }],
      },
      { partitionKey: tenantId },
    )
    .fetchAll();
  return new Set(resources.map((row) => `${row.assignmentId}|${row.userId}`));
}
