/**
 * The parts of @vercel/cosmosdb-server's in-memory model (lib/account/*) that the local patches
 * use, typed. An account holds databases; a database holds collections (containers); a collection
 * holds documents. Each level is an `Items` store: `_data` maps a resource's `_rid` to a handle whose
 * read() gives the stored JSON (with `_rid`, `_etag`, `_ts`, `_self`), `_ridCount` numbers new
 * resources, and `_set` / `delete` are the only two ways anything is written.
 */
import { createRequire } from 'node:module';

export interface StoredResource {
  id: string;
  _rid: string;
  _etag?: string;
  _ts?: number;
  _self?: string;
  [property: string]: unknown;
}

export interface ResourceHandle {
  read(): StoredResource | undefined;
}

export interface ItemsStore {
  _parent: object;
  _data: Map<string, ResourceHandle>;
  _ridCount: number;
  _set(data: StoredResource): StoredResource;
  /** Runs a SQL query over the store (null when the parent is gone); throws with `badRequest` on a bad query. */
  query(body: object, paging: object): unknown;
  delete(idOrRid: string, partition?: unknown): void;
  /** The document's partition key value (undefined when it has none). */
  _getPartition(data: object): unknown;
  /** The stored resource with this id (or _rid) in this partition; read() is undefined when there is none. */
  _item(keyPath: '/id', idOrRid: string, partition: unknown): ResourceHandle;
}

export interface CollectionModel extends ResourceHandle {
  /** The document with this id in this partition (read() is undefined when there is none). */
  document(id: string, partition: unknown): ResourceHandle;
  documents: ItemsStore;
  userDefinedFunctions: ItemsStore;
}

export interface DatabaseModel extends ResourceHandle {
  collections: ItemsStore;
  collection(id: string): CollectionModel;
}

export interface AccountModel {
  databases: ItemsStore;
  database(id: string): DatabaseModel;
}

/** A request handler of the server: (account, req, res, route params) → response body. */
export type ServerHandler = (account: AccountModel, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, params: Record<string, string>) => Promise<unknown>;

/** require() as the server itself resolves modules, so patches touch the very copy it loads. */
export const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'));

/** A module of the server's lib/ folder, e.g. 'account/items' or 'handler/batch-documents'. */
export function serverModule<T>(path: string): T {
  return (requireFromServer(`./${path}`) as { default: T }).default;
}

/** Every stored resource of a store, in insertion order. */
export function resourcesOf(items: ItemsStore): StoredResource[] {
  const resources: StoredResource[] = [];
  for (const handle of items._data.values()) {
    const resource = handle.read();
    if (resource) resources.push(resource);
  }
  return resources;
}
