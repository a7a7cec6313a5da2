/**
 * Transactional batches that are all or nothing, as in Azure Cosmos DB.
 *
 * The embedded server applies a batch operation by operation and stops at the first failure,
 * leaving the earlier operations written: `[replace (good etag), replace (stale etag), create]`
 * answered `[200, 412, 424]` and the first replace stayed. Azure rolls the whole batch back and
 * answers 207 Multi-Status: the failed operation carries its own status, every other one 424
 * (Failed Dependency). @azure/cosmos returns that as `response.code` 207 and `response.result`,
 * which is what data/audited-batch.ts reads.
 *
 * Here each operation runs through the server's own operation functions; before it runs, the
 * document it touches is remembered, and on a failure those documents are put back (newest first)
 * with their original `_rid`, `_etag` and `_ts`. A batch runs synchronously, so no other request
 * ever sees a half-applied one. Operations without a partition key take the batch's, as in Azure;
 * one naming another partition fails the batch (400). Local stack only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireFromServer, serverModule, type AccountModel, type CollectionModel, type ServerHandler, type StoredResource } from './embedded-cosmos-internals.js';

interface OperationInput {
  operationType?: string;
  id?: string;
  partitionKey?: string;
  ifMatch?: string;
  resourceBody?: StoredResource & { operations?: unknown[]; condition?: string };
}

interface OperationResult {
  statusCode: number;
  body?: StoredResource | { message?: string };
}

type Operation = (collection: CollectionModel, input: object) => OperationResult;

const operations = requireFromServer('./handler/_document-operations') as Record<'createOperation' | 'upsertOperation' | 'readOperation' | 'deleteOperation' | 'replaceOperation', Operation>;
const { patchOperation } = requireFromServer('./handler/_patch-operations') as { patchOperation: Operation };
const { parsePartitionKey } = requireFromServer('./utils/get-partition-from-header') as { parsePartitionKey: (header: string, fallback: string) => unknown };
const readJson = serverModule<(req: IncomingMessage) => Promise<unknown>>('json');
const isTrueHeader = serverModule<(req: IncomingMessage, name: string) => boolean>('true-header');

const APPLY: Record<string, (collection: CollectionModel, input: OperationInput) => OperationResult> = {
  Create: (collection, input) => operations.createOperation(collection, input),
  Upsert: (collection, input) => operations.upsertOperation(collection, input),
  Read: (collection, input) => operations.readOperation(collection, input),
  Delete: (collection, input) => operations.deleteOperation(collection, input),
  Replace: (collection, input) => operations.replaceOperation(collection, input),
  Patch: (collection, input) =>
    patchOperation(collection, {
      id: input.id,
      partitionKey: input.partitionKey,
      ifMatch: input.ifMatch,
      operations: input.resourceBody?.operations ?? [],
      condition: input.resourceBody?.condition,
    }),
};

/** The document an operation touches: its id and partition key value. */
function targetOf(collection: CollectionModel, input: OperationInput): { id: string; partition: unknown } | undefined {
  const body = input.resourceBody;
  if ((input.operationType === 'Create' || input.operationType === 'Upsert' || input.operationType === 'Replace') && body?.id) {
    return { id: body.id, partition: collection.documents._getPartition(body) };
  }
  if (!input.id || !input.partitionKey) return undefined;
  return { id: input.id, partition: parsePartitionKey(input.partitionKey, input.id) };
}

/** Puts every touched document back as it was before the batch, newest change first. */
function rollBack(collection: CollectionModel, touched: { id: string; partition: unknown; before: StoredResource | undefined }[]): void {
  for (const { id, partition, before } of touched.reverse()) {
    if (collection.document(id, partition).read()) collection.documents.delete(id, partition);
    if (before) collection.documents._set(before);
  }
}

function failedBatch(res: ServerResponse, count: number, failedIndex: number, failure: OperationResult) {
  res.statusCode = 207;
  const message = failure.body && 'message' in failure.body ? failure.body.message : undefined;
  return Array.from({ length: count }, (_, index) =>
    index === failedIndex ? { statusCode: failure.statusCode, requestCharge: 0, ...(message ? { message } : {}) } : { statusCode: 424, requestCharge: 0 },
  );
}

/** Replaces the server's batch handler (see routes.js, POST_BATCH) for atomic batches. */
export function atomicBatchHandler(original: ServerHandler): ServerHandler {
  return async (account: AccountModel, req, res, params) => {
    if (!isTrueHeader(req, 'x-ms-cosmos-batch-atomic')) return original(account, req, res, params);
    const body = await readJson(req);
    const collection = account.database(params.dbId!).collection(params.collId!);
    if (!collection.read()) {
      res.statusCode = 404;
      return {};
    }
    if (!Array.isArray(body)) {
      res.statusCode = 400;
      return { message: 'Invalid request body' };
    }
    const batchHeader = req.headers['x-ms-documentdb-partitionkey'];
    const batchKey = typeof batchHeader === 'string' ? batchHeader : undefined;
    const batchPartition = batchKey === undefined ? undefined : parsePartitionKey(batchKey, '');
    const inputs = body as OperationInput[];
    const touched: { id: string; partition: unknown; before: StoredResource | undefined }[] = [];
    const results: object[] = [];
    try {
      for (const [index, raw] of inputs.entries()) {
        const input: OperationInput = { ...raw, partitionKey: raw?.partitionKey ?? batchKey };
        const apply = APPLY[input.operationType ?? ''];
        if (!apply) {
          rollBack(collection, touched);
          res.statusCode = 400;
          return { message: `Operation type '${input.operationType}' is not supported in Batch.` };
        }
        const target = targetOf(collection, input);
        if (target && batchPartition !== undefined && target.partition !== batchPartition) {
          rollBack(collection, touched);
          return failedBatch(res, inputs.length, index, { statusCode: 400, body: { message: 'The partition key of the operation does not match the batch.' } });
        }
        const before = target ? collection.document(target.id, target.partition).read() : undefined;
        const result = apply(collection, input);
        if (result.statusCode >= 400) {
          rollBack(collection, touched);
          return failedBatch(res, inputs.length, index, result);
        }
        if (target && input.operationType !== 'Read') touched.push({ ...target, before });
        const resource = result.body && '_etag' in result.body ? (result.body as StoredResource) : undefined;
        results.push({ statusCode: result.statusCode, requestCharge: 1, eTag: resource?._etag, resourceBody: resource });
      }
    } catch (error) {
      rollBack(collection, touched);
      throw error;
    }
    res.statusCode = 200;
    return results;
  };
}
