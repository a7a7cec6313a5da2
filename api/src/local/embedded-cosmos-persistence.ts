/**
 * Keeps the embedded Cosmos DB's state in a folder across restarts (`npm start`; tests stay in memory).
 *
 * Every write of the server goes through two methods of its in-memory stores (Items._set and
 * Items.delete, see embedded-cosmos-internals.ts). Hooks on those two record each change of a
 * persisted account (database, container, document or UDF, with its `_rid`, `_etag` and `_ts`) into
 * the journal; the server's response waits until the journal is synced (embedded-cosmos-server.ts).
 * At start the snapshot and journal are replayed into the stores directly, so every document comes
 * back with the same etag (a tab holding one can still save) and the same `_ts`; the state is then
 * compacted into a new snapshot, as it is again at a clean stop. Accounts without a folder (tests,
 * the bench) are not recorded: the hooks look their owner up and find none.
 */
import { adoptContainerContents } from './embedded-cosmos-container-replace.js';
import { readStoredState, writeSnapshot, Journal } from './store-files.js';
import { resourcesOf, serverModule, type AccountModel, type ItemsStore, type StoredResource } from './embedded-cosmos-internals.js';

/** Where a record belongs: the account's databases, a database's containers, a container's documents or UDFs. */
type Scope = { kind: 'dbs' } | { kind: 'colls'; db: string } | { kind: 'docs' | 'udfs'; db: string; coll: string };

/** `n`: the store's resource counter after the change, so new `_rid`s never reuse a restored one. */
export type StoreRecord = Scope & ({ op: 'set'; n: number; data: StoredResource } | { op: 'del'; id: string; pk?: unknown });

/** One per persisted account. */
interface Recorder {
  journal: Journal<StoreRecord> | undefined;
  /** Off while restoring: replayed changes are already on disk. */
  recording: boolean;
}

/** The recorder of an account, database or container, and the ids its records name. */
interface Owner {
  recorder: Recorder;
  db?: string;
  coll?: string;
}

type StoreClass = { prototype: ItemsStore & { _newItem(data?: StoredResource): object } };
const Items = serverModule<StoreClass>('account/items');
const Databases = serverModule<StoreClass>('account/databases');
const Collections = serverModule<StoreClass>('account/collections');
const Documents = serverModule<StoreClass>('account/documents');
const UserDefinedFunctions = serverModule<StoreClass>('account/user-defined-functions');

/** Account, database or collection → who records its changes. */
const owners = new WeakMap<object, Owner>();
const originalSet = Items.prototype._set;
const originalDelete = Items.prototype.delete;
let hooksInstalled = false;

function scopeOf(items: ItemsStore, owner: Owner): Scope | undefined {
  if (items instanceof (Databases as unknown as new () => object)) return { kind: 'dbs' };
  if (owner.db === undefined) return undefined;
  if (items instanceof (Collections as unknown as new () => object)) return { kind: 'colls', db: owner.db };
  if (owner.coll === undefined) return undefined;
  if (items instanceof (Documents as unknown as new () => object)) return { kind: 'docs', db: owner.db, coll: owner.coll };
  if (items instanceof (UserDefinedFunctions as unknown as new () => object)) return { kind: 'udfs', db: owner.db, coll: owner.coll };
  // Partition key ranges: a container creates its own when it is created or restored.
  return undefined;
}

function record(items: ItemsStore, change: (scope: Scope) => StoreRecord): void {
  const owner = owners.get(items._parent);
  const journal = owner?.recorder.recording ? owner.recorder.journal : undefined;
  if (!owner || !journal) return;
  const scope = scopeOf(items, owner);
  if (scope) journal.append(change(scope));
}

/** A new database or container inherits its parent's owner, with its own id for the records. */
function inheritOwner(store: StoreClass, level: 'db' | 'coll'): void {
  const original = store.prototype._newItem;
  store.prototype._newItem = function (this: ItemsStore, data?: StoredResource) {
    const item = original.call(this, data);
    const owner = owners.get(this._parent);
    if (owner && data) owners.set(item, { ...owner, [level]: data.id });
    return item;
  };
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  Items.prototype._set = function (this: ItemsStore, data: StoredResource) {
    const stored = originalSet.call(this, data);
    record(this, (scope) => ({ ...scope, op: 'set', n: this._ridCount, data: stored }));
    return stored;
  };
  Items.prototype.delete = function (this: ItemsStore, idOrRid: string, partition?: unknown) {
    const existing = this._item('/id', idOrRid, partition).read();
    originalDelete.call(this, idOrRid, partition);
    if (existing) record(this, (scope) => ({ ...scope, op: 'del', id: existing.id, pk: this._getPartition(existing) }));
  };
  inheritOwner(Databases, 'db');
  inheritOwner(Collections, 'coll');
}

function storeOf(account: AccountModel, scope: Scope): ItemsStore | undefined {
  if (scope.kind === 'dbs') return account.databases;
  const database = account.database(scope.db);
  if (!database.read()) return undefined;
  if (scope.kind === 'colls') return database.collections;
  const collection = database.collection(scope.coll);
  if (!collection.read()) return undefined;
  return scope.kind === 'docs' ? collection.documents : collection.userDefinedFunctions;
}

/**
 * A container replaced at run time (its indexing policy) was journaled as its delete and, right
 * after, its set: the new container object takes over the old one's documents
 * (embedded-cosmos-container-replace.ts), so replaying it must too.
 */
let replacedContainer: { id: string; object: object } | undefined;

function replay(account: AccountModel, change: StoreRecord): void {
  const items = storeOf(account, change);
  if (!items) throw new Error(`The local store is damaged: a record names a missing parent (${JSON.stringify({ ...change, data: undefined })})`);
  const replaced = replacedContainer;
  replacedContainer = undefined;
  if (change.op === 'del') {
    if (change.kind === 'colls') replacedContainer = { id: change.id, object: items._item('/id', change.id, change.pk) };
    originalDelete.call(items, change.id, change.pk);
    return;
  }
  originalSet.call(items, change.data);
  items._ridCount = Math.max(items._ridCount, change.n);
  if (change.kind === 'colls' && replaced?.id === change.data.id) adoptContainerContents(items._item('/id', change.data.id, undefined), replaced.object);
}

/** The whole state as records, parents before children. */
function* snapshotOf(account: AccountModel): Generator<StoreRecord> {
  for (const database of resourcesOf(account.databases)) {
    yield { kind: 'dbs', op: 'set', n: account.databases._ridCount, data: database };
    const db = account.database(database.id);
    for (const container of resourcesOf(db.collections)) {
      yield { kind: 'colls', db: database.id, op: 'set', n: db.collections._ridCount, data: container };
      const collection = db.collection(container.id);
      const scope = { db: database.id, coll: container.id };
      for (const document of resourcesOf(collection.documents)) yield { kind: 'docs', ...scope, op: 'set', n: collection.documents._ridCount, data: document };
      for (const udf of resourcesOf(collection.userDefinedFunctions)) yield { kind: 'udfs', ...scope, op: 'set', n: collection.userDefinedFunctions._ridCount, data: udf };
    }
  }
}

function countDocuments(account: AccountModel): number {
  let documents = 0;
  for (const database of resourcesOf(account.databases)) {
    const db = account.database(database.id);
    for (const container of resourcesOf(db.collections)) documents += db.collection(container.id).documents._data.size;
  }
  return documents;
}

export interface PersistedAccount {
  /** Documents found in the folder at start. */
  restoredDocuments: number;
  /** Settles once every change made so far is on disk. */
  durable(): Promise<void>;
  /** Writes a fresh snapshot and closes the journal (clean stop). */
  close(): Promise<void>;
}

/** Reads the folder's state; attach() then loads it into the server's account. */
export async function openPersistence(dir: string): Promise<{ attach(account: AccountModel): Promise<PersistedAccount> }> {
  installHooks();
  const stored = await readStoredState<StoreRecord>(dir);
  return {
    async attach(account) {
      const recorder: Recorder = { journal: undefined, recording: false };
      owners.set(account, { recorder });
      for (const change of stored.records) replay(account, change);
      const restoredDocuments = countDocuments(account);
      // Compact at start: the next start reads one snapshot, not a long journal.
      let generation = stored.generation + 1;
      await writeSnapshot(dir, generation, snapshotOf(account));
      recorder.journal = await Journal.open<StoreRecord>(dir, generation);
      recorder.recording = true;
      return {
        restoredDocuments,
        durable: () => recorder.journal?.durable() ?? Promise.resolve(),
        async close() {
          const journal = recorder.journal;
          recorder.recording = false;
          recorder.journal = undefined;
          await journal?.close();
          generation += 1;
          await writeSnapshot(dir, generation, snapshotOf(account));
        },
      };
    },
  };
}
