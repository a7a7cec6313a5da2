/**
 * Writes a set of documents and their audit entries in ONE Cosmos transactional batch (one tenant
 * partition, at most 100 operations): either all of them are saved or none is.
 *
 * Conditional writes come first and audit entries last. Real Cosmos rolls the whole batch back on
 * any failure; putting preconditions first also keeps the local embedded server (which applies
 * operations one by one and stops at the first failure) from saving an entry for a refused change.
 */
import type { Container, JSONObject, OperationInput, Resource } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { figureChangesOf, figurePatchOperations } from './alignment-figures-repository.js';
import { CONTAINERS } from './containers.js';

export const MAX_BATCH_OPERATIONS = 100;

export type DocumentWrite<T extends { id: string }> =
  | { kind: 'create'; document: T }
  /** Replace only if the stored etag still equals `ifMatch`. */
  | { kind: 'replace'; document: T; ifMatch: string }
  /** Delete only if the stored etag still equals `ifMatch`. */
  | { kind: 'delete'; document: T; ifMatch: string };

export type BatchResult<T> =
  | { status: 'ok'; documents: (T & Resource)[] }
  /** A precondition failed (stale etag): nothing was written. */
  | { status: 'stale' }
  /** A document to replace is gone: nothing was written. */
  | { status: 'not_found' }
  /** A document to create already exists: nothing was written. */
  | { status: 'conflict' };

/** Our documents are plain JSON data; the SDK's JSONObject type just cannot see that through interfaces. */
function asJson(document: object): JSONObject {
  return { ...document } as JSONObject;
}

export async function writeInBatch<T extends { id: string; tenantId: string }>(
  container: Container,
  tenantId: string,
  writes: readonly DocumentWrite<T>[],
  audits: readonly AuditDocument[],
): Promise<BatchResult<T>> {
  const operations: OperationInput[] = [
    ...writes.map((write): OperationInput => {
      if (write.kind === 'create') return { operationType: 'Create', resourceBody: asJson(write.document) };
      // The batch API takes ifMatch on a delete too; the SDK's DeleteOperationInput type just omits it.
      if (write.kind === 'delete') return { operationType: 'Delete', id: write.document.id, partitionKey: tenantId, ifMatch: write.ifMatch } as OperationInput;
      return { operationType: 'Replace', id: write.document.id, partitionKey: tenantId, ifMatch: write.ifMatch, resourceBody: asJson(write.document) };
    }),
    ...audits.map((entry): OperationInput => ({ operationType: 'Create', resourceBody: asJson(entry) })),
  ];
  if (operations.length > MAX_BATCH_OPERATIONS) {
    throw new Error(`A transactional batch holds at most ${MAX_BATCH_OPERATIONS} operations (got ${operations.length})`);
  }
  if (writes.some((write) => write.document.tenantId !== tenantId) || audits.some((entry) => entry.tenantId !== tenantId)) {
    throw new Error('Every document of a batch must belong to the batch tenant');
  }
  // Task writes move the alignment figures (alignment-figures-repository.ts) in the same batch when they fit.
  const figures = container.id === CONTAINERS.tasks.id ? figurePatchOperations(tenantId, figureChangesOf(audits)) : [];
  const together = operations.length + figures.length <= MAX_BATCH_OPERATIONS;
  let outcome = await runBatch(container, tenantId, together ? [...operations, ...figures] : operations);
  // 404 on a figures shard: the tenant's figures are not built yet (the first rebuild will count this write).
  if (together && figures.length > 0 && outcome.status === 'failed' && outcome.failedIndex >= operations.length && outcome.statusCode === 404) {
    outcome = await runBatch(container, tenantId, operations);
  }
  if (outcome.status === 'stale') return { status: 'stale' };
  const results = outcome.results;
  const failed = results.find((result) => result.statusCode >= 400 && result.statusCode !== 424);
  if (failed || results.length < operations.length) {
    if (failed?.statusCode === 412) return { status: 'stale' };
    if (failed?.statusCode === 404) return { status: 'not_found' };
    if (failed?.statusCode === 409) return { status: 'conflict' };
    throw new Error(`Transactional batch failed with status ${failed?.statusCode ?? outcome.code}`);
  }
  // A full batch (a 50-task re-map) has no room for them: they follow at once. A crash in between
  // leaves a drift the nightly recompute (alignment-figures-timer) repairs.
  if (!together) await applyFollowingFigures(container, tenantId, figures);
  return { status: 'ok', documents: results.slice(0, writes.length).map((result) => result.resourceBody as T & Resource) };
}

type BatchOutcome =
  | { status: 'stale' }
  | { status: 'done' | 'failed'; results: { statusCode: number; resourceBody?: unknown }[]; failedIndex: number; statusCode: number; code: number | undefined };

async function runBatch(container: Container, tenantId: string, operations: OperationInput[]): Promise<BatchOutcome> {
  let response: Awaited<ReturnType<Container['items']['batch']>>;
  try {
    // Copies: the SDK rewrites each operation's partitionKey in place, which would spoil a retry.
    response = await container.items.batch(operations.map((operation) => ({ ...operation })), tenantId);
  } catch (error) {
    // Azure answers a failed atomic batch with 207 and per-operation statuses (handled below); if a
    // gateway answers with the failing status itself, the SDK throws a plain Error naming it.
    if (/\b412\b|precondition/i.test(String((error as Error).message))) return { status: 'stale' };
    throw error;
  }
  const results = response.result ?? [];
  const failedIndex = results.findIndex((result) => result.statusCode >= 400 && result.statusCode !== 424);
  const failed = failedIndex >= 0 || results.length !== operations.length;
  return { status: failed ? 'failed' : 'done', results, failedIndex, statusCode: results[failedIndex]?.statusCode ?? 0, code: response.code };
}

/** The figure patches of a batch too full to hold them, in batches of their own; shards not built yet are skipped. */
async function applyFollowingFigures(container: Container, tenantId: string, figures: readonly OperationInput[]): Promise<void> {
  for (const operation of figures) {
    const outcome = await runBatch(container, tenantId, [operation]);
    if (outcome.status === 'failed' && outcome.statusCode !== 404) throw new Error(`Updating the alignment figures failed with status ${outcome.statusCode}`);
  }
}
