/**
 * The notification outbox in the `onboarding` container. Every state change is a replace
 * conditioned on the etag the caller read, so two drains can never both claim one entry, and
 * a drain whose lease was taken over cannot overwrite the newer owner's outcome.
 * Queries also filter c.tenantId (the embedded server ignores the partition key on queries).
 */
import type { Container, JSONObject, OperationInput, Resource } from '@azure/cosmos';
import type { OutboxDocument } from '../notifications/outbox.js';
import type { AuditDocument } from './audit.js';
import { writeInBatch } from './audited-batch.js';

export type StoredOutboxDocument = OutboxDocument & Resource;

export interface OutboxRepository {
  /** Creates each entry unless one with the same id (= idempotency key) exists. */
  createMany(tenantId: string, documents: readonly OutboxDocument[]): Promise<{ created: number; alreadyQueued: number }>;
  /** Creates the entry unless its id exists; answers the entry as stored either way. */
  createIfAbsent(document: OutboxDocument): Promise<StoredOutboxDocument>;
  get(tenantId: string, id: string): Promise<StoredOutboxDocument | undefined>;
  /** Entries that may be claimed now: pending/failed and due, or sending with an expired lease. */
  listClaimable(tenantId: string, now: Date, limit: number): Promise<StoredOutboxDocument[]>;
  /** pending|failed|expired sending → sending, leased to `owner`; undefined when someone else got there first. */
  claim(entry: StoredOutboxDocument, owner: string, leaseUntil: Date, now: Date): Promise<StoredOutboxDocument | undefined>;
  /** Applies `changes` if the entry is still exactly as the caller last wrote it; false when it is not. */
  update(entry: StoredOutboxDocument, changes: Partial<OutboxDocument>, now: Date): Promise<StoredOutboxDocument | undefined>;
  /**
   * claim for entries of one tenant: one transactional batch per ≤ 100 when every claim still holds
   * (the usual case: one request instead of a hundred), one by one when any does not. Same order.
   */
  claimMany(entries: readonly StoredOutboxDocument[], owner: string, leaseUntil: Date, now: Date): Promise<(StoredOutboxDocument | undefined)[]>;
  /** update for entries of one tenant, batched the same way. Same order. */
  updateMany(entries: readonly StoredOutboxDocument[], changes: Partial<OutboxDocument>, now: Date): Promise<(StoredOutboxDocument | undefined)[]>;
  /** Dead entries, newest first: offset + limit of them read at most, and how many there are. */
  listDead(tenantId: string, offset?: number, limit?: number): Promise<{ entries: StoredOutboxDocument[]; total: number }>;
  /**
   * dead → pending with a fresh attempt count, with the audit entry `audit` builds in the same
   * transactional batch. Undefined when missing or not dead.
   */
  retryDead(tenantId: string, id: string, now: Date, audit?: (before: OutboxDocument, after: OutboxDocument) => AuditDocument): Promise<StoredOutboxDocument | undefined>;
  listForAssignment(tenantId: string, assignmentId: string): Promise<StoredOutboxDocument[]>;
  /** For GET /api/health/ready: entries not yet sent or dead, when the oldest of them was queued, dead letters. */
  backlog(tenantId: string): Promise<{ pending: number; oldestPendingCreatedAt?: string; dead: number }>;
}

function cosmosStatus(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Bounded parallelism keeps big enqueues from opening hundreds of sockets at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

export function createOutboxRepository(container: Container): OutboxRepository {
  async function replaceIfUnchanged(entry: StoredOutboxDocument, next: OutboxDocument): Promise<StoredOutboxDocument | undefined> {
    try {
      const { resource } = await container
        .item(entry.id, entry.tenantId)
        .replace<OutboxDocument>(next, { accessCondition: { type: 'IfMatch', condition: entry._etag } });
      return resource as StoredOutboxDocument;
    } catch (error) {
      if (cosmosStatus(error) === 412 || cosmosStatus(error) === 404) return undefined;
      throw error;
    }
  }

  /**
   * Etag-conditional replaces of one tenant's entries: all in one atomic batch, or — when one of them
   * no longer holds, so the batch wrote nothing — each on its own (the stale ones answer undefined).
   */
  async function replaceMany(pairs: readonly { entry: StoredOutboxDocument; next: OutboxDocument }[]): Promise<(StoredOutboxDocument | undefined)[]> {
    const oneByOne = async (chunk: readonly { entry: StoredOutboxDocument; next: OutboxDocument }[]) => {
      const stored: (StoredOutboxDocument | undefined)[] = new Array(chunk.length);
      await forEachLimited(chunk.map((pair, index) => ({ pair, index })), 16, async ({ pair, index }) => void (stored[index] = await replaceIfUnchanged(pair.entry, pair.next)));
      return stored;
    };
    const results: (StoredOutboxDocument | undefined)[] = [];
    for (let start = 0; start < pairs.length; start += 100) {
      const chunk = pairs.slice(start, start + 100);
      const tenantId = chunk[0]!.entry.tenantId;
      if (chunk.length < 2 || chunk.some((pair) => pair.entry.tenantId !== tenantId)) {
        results.push(...(await oneByOne(chunk)));
        continue;
      }
      const operations: OperationInput[] = chunk.map(({ entry, next }) => ({ operationType: 'Replace', id: entry.id, partitionKey: tenantId, ifMatch: entry._etag, resourceBody: { ...next } as unknown as JSONObject }));
      let written: (StoredOutboxDocument | undefined)[] | undefined;
      try {
        const response = await container.items.batch(operations, tenantId);
        const answers = response.result ?? [];
        if (answers.length === operations.length && answers.every((answer) => answer.statusCode < 400)) written = answers.map((answer) => answer.resourceBody as unknown as StoredOutboxDocument);
      } catch {
        written = undefined;
      }
      results.push(...(written ?? (await oneByOne(chunk))));
    }
    return results;
  }

  function strip(entry: StoredOutboxDocument): OutboxDocument {
    const { _etag: _e, _rid: _r, _self: _s, _ts: _t, ...document } = entry as StoredOutboxDocument & Record<string, unknown>;
    return document as unknown as OutboxDocument;
  }

  async function query(tenantId: string, where: string, parameters: { name: string; value: string }[], page?: { top: number; orderBy: string }) {
    const { resources } = await container.items
      .query<StoredOutboxDocument>(
        {
          query:
            `SELECT ${page ? `TOP ${Math.max(1, Math.floor(page.top))} ` : ''}* FROM c ` +
            `WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND (${where})${page ? ` ORDER BY ${page.orderBy}` : ''}`,
          parameters: [{ name: '@tenantId', value: tenantId }, ...parameters],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }

  return {
    async createMany(tenantId, documents) {
      let created = 0;
      let alreadyQueued = 0;
      await forEachLimited(documents, 16, async (document) => {
        if (document.tenantId !== tenantId) throw new Error('outbox entry for another tenant');
        try {
          await container.items.create<OutboxDocument>(document);
          created += 1;
        } catch (error) {
          if (cosmosStatus(error) !== 409) throw error;
          alreadyQueued += 1;
        }
      });
      return { created, alreadyQueued };
    },

    async createIfAbsent(document) {
      try {
        const { resource } = await container.items.create<OutboxDocument>(document);
        return resource as StoredOutboxDocument;
      } catch (error) {
        if (cosmosStatus(error) !== 409) throw error;
        const { resource } = await container.item(document.id, document.tenantId).read<StoredOutboxDocument>();
        if (!resource) throw new Error(`outbox entry ${document.id} conflicted but cannot be read`);
        return resource;
      }
    },

    async get(tenantId, id) {
      const { resource } = await container.item(id, tenantId).read<StoredOutboxDocument>();
      return resource?.type === 'outbox' && resource.tenantId === tenantId ? resource : undefined;
    },

    async listClaimable(tenantId, now, limit) {
      const at = now.toISOString();
      // One page, oldest due first: memory stays bounded however large the backlog.
      return query(
        tenantId,
        `((c.state = 'pending' OR c.state = 'failed') AND c.nextAttemptAt <= @now) OR (c.state = 'sending' AND c.leaseUntil <= @now)`,
        [{ name: '@now', value: at }],
        { top: limit, orderBy: 'c.nextAttemptAt' },
      );
    },

    async claim(entry, owner, leaseUntil, now) {
      const at = now.toISOString();
      const claimable =
        ((entry.state === 'pending' || entry.state === 'failed') && entry.nextAttemptAt <= at) ||
        (entry.state === 'sending' && (entry.leaseUntil ?? '') <= at);
      if (!claimable) return undefined;
      return replaceIfUnchanged(entry, { ...strip(entry), state: 'sending', leaseOwner: owner, leaseUntil: leaseUntil.toISOString(), updatedAt: at });
    },

    async update(entry, changes, now) {
      return replaceIfUnchanged(entry, { ...strip(entry), ...changes, updatedAt: now.toISOString() });
    },

    async claimMany(entries, owner, leaseUntil, now) {
      const at = now.toISOString();
      const claimable = entries.map((entry) =>
        ((entry.state === 'pending' || entry.state === 'failed') && entry.nextAttemptAt <= at) || (entry.state === 'sending' && (entry.leaseUntil ?? '') <= at),
      );
      const pairs = entries.filter((_, index) => claimable[index]).map((entry) => ({ entry, next: { ...strip(entry), state: 'sending' as const, leaseOwner: owner, leaseUntil: leaseUntil.toISOString(), updatedAt: at } }));
      const stored = await replaceMany(pairs);
      let next = 0;
      return claimable.map((isClaimable) => (isClaimable ? stored[next++] : undefined));
    },

    async updateMany(entries, changes, now) {
      return replaceMany(entries.map((entry) => ({ entry, next: { ...strip(entry), ...changes, updatedAt: now.toISOString() } })));
    },

    async listDead(tenantId, offset = 0, limit = 100) {
      const [entries, { resources: counts }] = await Promise.all([
        query(tenantId, `c.state = 'dead'`, [], { top: offset + limit, orderBy: 'c.deadAt DESC' }),
        container.items
          .query<number>(
            { query: `SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND c.state = 'dead'`, parameters: [{ name: '@tenantId', value: tenantId }] },
            { partitionKey: tenantId },
          )
          .fetchAll(),
      ]);
      return { entries: entries.slice(offset, offset + limit), total: counts[0] ?? 0 };
    },

    async retryDead(tenantId, id, now, audit) {
      const { resource } = await container.item(id, tenantId).read<StoredOutboxDocument>();
      if (!resource || resource.type !== 'outbox' || resource.tenantId !== tenantId || resource.state !== 'dead') return undefined;
      const at = now.toISOString();
      const before = strip(resource);
      const { deadAt: _deadAt, leaseOwner: _owner, leaseUntil: _lease, ...rest } = before;
      const next: OutboxDocument = { ...rest, state: 'pending', attempts: 0, nextAttemptAt: at, updatedAt: at };
      const result = await writeInBatch(container, tenantId, [{ kind: 'replace', document: next, ifMatch: resource._etag }], audit ? [audit(before, next)] : []);
      return result.status === 'ok' ? (result.documents[0] as StoredOutboxDocument) : undefined;
    },

    async backlog(tenantId) {
      const waiting = `c.state IN ('pending', 'failed', 'sending')`;
      const count = async (where: string) => {
        const { resources } = await container.items
          .query<number>(
            { query: `SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @tenantId AND c.type = 'outbox' AND ${where}`, parameters: [{ name: '@tenantId', value: tenantId }] },
            { partitionKey: tenantId },
          )
          .fetchAll();
        return resources[0] ?? 0;
      };
      const [pending, dead, oldest] = await Promise.all([count(waiting), count(`c.state = 'dead'`), query(tenantId, waiting, [], { top: 1, orderBy: 'c.createdAt ASC' })]);
      const oldestPendingCreatedAt = oldest[0]?.createdAt;
      return { pending, dead, ...(oldestPendingCreatedAt ? { oldestPendingCreatedAt } : {}) };
    },
    async listForAssignment(tenantId, assignmentId) {
      return query(tenantId, `c.assignmentId = @assignmentId`, [{ name: '@assignmentId', value: assignmentId }]);
    },
  };
}
