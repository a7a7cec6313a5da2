/**
 * A tenant's directory version: one document in the tenant's directory partition whose etag changes
 * after every write to that partition. Insights read the whole directory (10,000 people) on every
 * request; with the version they keep it per instance and read it again only after a change — one
 * point read instead of a scan of the partition (issue 13: GET /api/insights under 100 ms at 50,000 tasks).
 *
 * Why a wrapper on the container rather than a bump in each repository: people are written from many
 * places (sign-up, directory sync, first requests, roles, erasure, tenant deletion, the local seed),
 * and one forgotten writer would serve an old directory. Every write through `containersOf(...)
 * .directory` bumps the version after it, whatever wrote it.
 *
 * Why it is correct: a reader takes the version first, then reads the people; a writer writes, then
 * bumps. A reader that got the version before the bump may have missed the write, but the version it
 * keeps is then the old one, so the next reader reads again. The version document is made by a
 * reader, never by a writer (a bump of a missing version is skipped: no reader can hold people read
 * before that write under a version made after it), so deleting a tenant leaves nothing behind.
 * A process that dies between a write and its bump leaves other instances' copies stale; they are
 * read again after KEPT_FOR_MS at the latest.
 */
import type { Container, Item, ItemDefinition, OperationInput, PatchRequestBody, RequestOptions } from '@azure/cosmos';

export const DIRECTORY_VERSION_ID = 'directory-version';
const DIRECTORY_VERSION_TYPE = 'directoryVersion';
/** How long a kept directory may be served without a version read agreeing (a safety net, see above). */
const KEPT_FOR_MS = 5 * 60_000;
/** Tenants kept per instance (each up to a few MB at 10,000 people); the least recently read goes first. */
const KEPT_TENANTS = 16;

const statusOf = (error: unknown) => (error as { code?: unknown }).code;

async function bump(container: Container, tenantId: string): Promise<void> {
  try {
    await container.item(DIRECTORY_VERSION_ID, tenantId).patch([{ op: 'incr', path: '/writes', value: 1 }]);
  } catch (error) {
    if (statusOf(error) === 404) return;
    // Not thrown: the write's own outcome is what its caller needs; an old copy is served until KEPT_FOR_MS at most.
    console.warn(`Directory version of tenant ${tenantId} not moved after a write: ${(error as Error).message}`);
  }
}

/** What a proxy does with every property it doesn't track: the target's own, methods bound to it. */
function untracked(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}

/** The directory container, with every write followed by a bump of its tenant's version. */
export function trackDirectoryWrites(container: Container): Container {
  const after = async <T>(tenantId: unknown, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      // Also after a failed write: a timeout may still have written.
      if (typeof tenantId === 'string') await bump(container, tenantId);
    }
  };
  const trackedItems = new Proxy(container.items, {
    get(target, property) {
      if (property === 'create' || property === 'upsert') {
        return (body: ItemDefinition, options?: RequestOptions) => after(body?.id === DIRECTORY_VERSION_ID ? undefined : body?.tenantId, () => target[property](body, options));
      }
      if (property === 'batch') {
        return (operations: OperationInput[], partitionKey: string, options?: RequestOptions) => after(partitionKey, () => target.batch(operations, partitionKey, options));
      }
      if (property === 'bulk' || property === 'executeBulkOperations') {
        // Not used on this container; refused rather than left untracked.
        return () => Promise.reject(new Error(`items.${property} is not tracked on the directory container`));
      }
      return untracked(target, property);
    },
  });
  const trackedItem = (item: Item, partitionKey: string) =>
    new Proxy(item, {
      get(target, property) {
        if (property === 'replace') return (body: ItemDefinition, options?: RequestOptions) => after(partitionKey, () => target.replace(body, options));
        if (property === 'patch') return (body: PatchRequestBody, options?: RequestOptions) => after(partitionKey, () => target.patch(body, options));
        if (property === 'delete') return (options?: RequestOptions) => after(partitionKey, () => target.delete(options));
        return untracked(target, property);
      },
    });
  return new Proxy(container, {
    get(target, property) {
      if (property === 'items') return trackedItems;
      // Writes of the version document itself move nothing.
      if (property === 'item') return (id: string, partitionKey: string) => (id === DIRECTORY_VERSION_ID ? target.item(id, partitionKey) : trackedItem(target.item(id, partitionKey), partitionKey));
      return untracked(target, property);
    },
  });
}

/** The tenant's directory version (an etag), making the version document if the tenant has none yet. */
export async function readDirectoryVersion(container: Container, tenantId: string): Promise<string> {
  const { resource } = await container.item(DIRECTORY_VERSION_ID, tenantId).read<{ _etag: string }>();
  if (resource) return resource._etag;
  try {
    const { resource: created } = await container.items.create({ id: DIRECTORY_VERSION_ID, tenantId, type: DIRECTORY_VERSION_TYPE, writes: 0 });
    if (created) return created._etag;
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  const { resource: raced } = await container.item(DIRECTORY_VERSION_ID, tenantId).read<{ _etag: string }>();
  if (!raced) throw new Error(`Directory version of tenant ${tenantId} vanished while being made`);
  return raced._etag;
}

/**
 * `load(tenantId)` kept per tenant and read again only when the tenant's directory version moved
 * (or KEPT_FOR_MS passed). Concurrent reads of an unchanged version share one load.
 */
export function keptPerDirectoryVersion<T>(container: Container, load: (tenantId: string) => Promise<T>, clock: () => number = () => performance.now()) {
  const kept = new Map<string, { version: string; at: number; value: Promise<T> }>();
  return async (tenantId: string): Promise<T> => {
    // Taken before the load: a write after it moves the version, so what the load missed is read next time.
    const version = await readDirectoryVersion(container, tenantId);
    const entry = kept.get(tenantId);
    kept.delete(tenantId);
    if (entry && entry.version === version && clock() - entry.at < KEPT_FOR_MS) {
      kept.set(tenantId, entry);
      return entry.value;
    }
    const value = load(tenantId);
    kept.set(tenantId, { version, at: clock(), value });
    value.catch(() => kept.get(tenantId)?.value === value && kept.delete(tenantId));
    if (kept.size > KEPT_TENANTS) kept.delete(kept.keys().next().value as string);
    return value;
  };
}
