/**
 * Queries that honour the partition key, as in Azure Cosmos DB.
 *
 * @azure/cosmos sends a query with `{ partitionKey }` with the header
 * `x-ms-documentdb-partitionkey: ["<value>"]`; Azure runs it against that partition only. The
 * embedded server ignores the header and runs every query over the whole container, so a query
 * scoped to tenant A also returned tenant B's documents (code that forgot its `WHERE tenantId`
 * would have passed every local test). Here the server's own query runs over the documents of
 * the named partition only; queries without the header behave as before (cross-partition).
 * Local stack only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EqualityIndex } from './embedded-cosmos-equality-index.js';
import { requireFromServer, serverModule, type ItemsStore, type ResourceHandle, type ServerHandler } from './embedded-cosmos-internals.js';

const { parsePartitionKey } = requireFromServer('./utils/get-partition-from-header') as { parsePartitionKey: (header: string, fallback: undefined) => unknown };
const readJson = serverModule<(req: IncomingMessage) => Promise<unknown>>('json');
type Paging = { continuation: unknown; maxItemCount: number | null };
/** The server's shared list/query response writer (paging headers, 404 for a missing container). */
const readItems = serverModule<(req: IncomingMessage, res: ServerResponse, itemsName: string, run: (paging: Paging) => Promise<unknown>) => Promise<unknown>>('handler/_read-items');

/** The partition a request names, or `none` when it names none (cross-partition). */
export function requestPartition(req: IncomingMessage): { value: unknown } | 'none' {
  const header = req.headers['x-ms-documentdb-partitionkey'];
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw === '') return 'none';
  // `[{}]` is the SDK's PartitionKey.None: the documents that have no partition key value.
  return { value: parsePartitionKey(raw, undefined) };
}

/**
 * A container's documents keyed by `_rid`, as the server keeps them, that also keeps each partition's
 * documents apart as they are set and deleted: a partition-scoped query then reads its partition's
 * map directly instead of sorting every document of the container on each query (at 60k documents
 * that scan made a scoped query 3x slower than an unscoped one).
 */
class PartitionedDocuments extends Map<string, ResourceHandle> {
  readonly byPartition = new Map<string, Map<string, ResourceHandle>>();
  /** Each partition's equality index (owner, kind): see embedded-cosmos-equality-index.ts. */
  readonly indexes = new Map<string, EqualityIndex>();

  constructor(private readonly store: ItemsStore, entries: Iterable<[string, ResourceHandle]>) {
    super();
    for (const [rid, handle] of entries) this.set(rid, handle);
  }

  private keyOf(handle: ResourceHandle | undefined): string | undefined {
    const document = handle?.read();
    return document ? JSON.stringify(this.store._getPartition(document) ?? null) : undefined;
  }

  override set(rid: string, handle: ResourceHandle): this {
    this.forget(rid);
    super.set(rid, handle);
    const key = this.keyOf(handle);
    if (key !== undefined) {
      let partition = this.byPartition.get(key);
      if (!partition) this.byPartition.set(key, (partition = new Map()));
      partition.set(rid, handle);
      let index = this.indexes.get(key);
      if (!index) this.indexes.set(key, (index = new EqualityIndex()));
      index.add(rid, handle);
    }
    return this;
  }

  override delete(rid: string): boolean {
    this.forget(rid);
    return super.delete(rid);
  }

  override clear(): void {
    this.byPartition.clear();
    this.indexes.clear();
    super.clear();
  }

  private forget(rid: string): void {
    const key = this.keyOf(super.get(rid));
    const partition = key === undefined ? undefined : this.byPartition.get(key);
    partition?.delete(rid);
    if (key !== undefined) this.indexes.get(key)?.remove(rid);
    if (partition?.size === 0) {
      this.byPartition.delete(key!);
      this.indexes.delete(key!);
    }
  }
}

const EMPTY_PARTITION = new Map<string, ResourceHandle>();
/** The "partition" of a query plan request: no documents (see isQueryPlanRequest). */
const PLAN_ONLY = Symbol('query plan');
type QueryBody = { query: string; parameters?: unknown };

/**
 * Runs `query` (a synchronous call of the server's own query code) with only this partition's
 * documents in the store: same engine, same paging, same ordering, fewer documents.
 */
function withinPartition<T>(documents: ItemsStore, partition: unknown, body: QueryBody, query: () => T): T {
  const all = documents._data instanceof PartitionedDocuments ? documents._data : new PartitionedDocuments(documents, documents._data);
  const key = JSON.stringify(partition ?? null);
  const rows = all.byPartition.get(key) ?? EMPTY_PARTITION;
  documents._data = partition === PLAN_ONLY ? EMPTY_PARTITION : (all.indexes.get(key)?.candidates(body.query, Array.isArray(body.parameters) ? body.parameters : []) ?? rows);
  try {
    return query();
  } finally {
    documents._data = all;
  }
}

/**
 * @azure/cosmos asks for a query plan beside every query (`x-ms-cosmos-is-query-plan-request`, no
 * partition named) and uses it only when the query itself is refused. Azure's gateway plans without
 * reading any document; the embedded server ran the query over the whole container instead, on the
 * same thread as the real query, so every partition-scoped query waited for a scan of every tenant
 * (at 75,000 documents, 10-180 ms per query). A plan request now runs over no documents: the same
 * answer shape, and a query the engine cannot parse is still refused.
 */
export function isQueryPlanRequest(req: IncomingMessage): boolean {
  return String(req.headers['x-ms-cosmos-is-query-plan-request'] ?? '').toLowerCase() === 'true';
}

/** Replaces the server's document query handler (routes.js, POST_QUERY on /docs) for queries that name a partition. */
export function partitionScopedQueryHandler(original: ServerHandler): ServerHandler {
  return async (account, req, res, params) => {
    const partition = isQueryPlanRequest(req) ? { value: PLAN_ONLY } : requestPartition(req);
    if (partition === 'none') return original(account, req, res, params);
    // What the original handler does (handler/query-documents.js), with the store narrowed.
    return readItems(req, res, 'Documents', async (paging) => {
      const body = (await readJson(req)) as Partial<QueryBody>;
      if (!body.query) {
        res.statusCode = 400;
        return { message: 'missing query' };
      }
      const documents = account.database(params.dbId!).collection(params.collId!).documents;
      try {
        // Synchronous from here on: no other request can see the narrowed store.
        return withinPartition(documents, partition.value, { ...body, query: body.query }, () => documents.query(body, paging));
      } catch (error) {
        if ((error as { badRequest?: boolean }).badRequest) {
          res.statusCode = 400;
          return { message: (error as Error).message };
        }
        throw error;
      }
    });
  };
}
