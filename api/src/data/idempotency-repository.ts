/**
 * Idempotency records (idempotency container, tenant partition): one per (user, Idempotency-Key),
 * holding the request's fingerprint and, once it succeeded, its answer. The container's defaultTtl
 * removes records after 24 h in Azure; `expiresAt` says the same on the document, because the local
 * embedded store never expires anything. Every write is conditional, so two requests racing for one
 * key cannot both believe they own it.
 */
import type { Container, Resource } from '@azure/cosmos';

/** The answer kept for replay. Bodies are text (every API answer is JSON or empty). */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export interface IdempotencyRecord {
  /** idem-<hash of user and key> (see domain/idempotency.ts). */
  id: string;
  tenantId: string;
  type: 'idempotency';
  userId: string;
  key: string;
  /** Hash of the route, method, path, query, content type and body of the request that claimed the key. */
  fingerprint: string;
  /** Random per first claim; the ids a handler creates are derived from it. */
  seed: string;
  state: 'running' | 'done';
  /** While running: after this instant the run is presumed dead and a retry may take it over. */
  leaseUntil: string;
  /** When done: the first answer, replayed to every retry. */
  response?: StoredResponse;
  createdAt: string;
  /** createdAt + 24 h, checked on every read. */
  expiresAt: string;
}

export type StoredIdempotencyRecord = IdempotencyRecord & Resource;

export interface IdempotencyRepository {
  read(tenantId: string, id: string): Promise<StoredIdempotencyRecord | undefined>;
  /** Creates the record; undefined when one with that id exists already. */
  create(record: IdempotencyRecord): Promise<StoredIdempotencyRecord | undefined>;
  /** Replaces the record if its etag is still `ifMatch`; undefined when it changed or is gone. */
  replace(record: IdempotencyRecord, ifMatch: string): Promise<StoredIdempotencyRecord | undefined>;
  /** Deletes the record if its etag is still `ifMatch` (a changed or missing record is left alone). */
  remove(tenantId: string, id: string, ifMatch: string): Promise<void>;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Only our fields: Cosmos system properties of a read record are not written back. */
function fieldsOf(record: IdempotencyRecord): IdempotencyRecord {
  const { id, tenantId, type, userId, key, fingerprint, seed, state, leaseUntil, response, createdAt, expiresAt } = record;
  return { id, tenantId, type, userId, key, fingerprint, seed, state, leaseUntil, ...(response ? { response } : {}), createdAt, expiresAt };
}

export function createIdempotencyRepository(container: Container): IdempotencyRepository {
  return {
    async read(tenantId, id) {
      const { resource } = await container.item(id, tenantId).read<StoredIdempotencyRecord>();
      return resource?.type === 'idempotency' && resource.tenantId === tenantId ? resource : undefined;
    },
    async create(record) {
      try {
        const { resource } = await container.items.create(fieldsOf(record));
        return resource as StoredIdempotencyRecord;
      } catch (error) {
        if (statusOf(error) === 409) return undefined;
        throw error;
      }
    },
    async replace(record, ifMatch) {
      try {
        const { resource } = await container
          .item(record.id, record.tenantId)
          .replace(fieldsOf(record), { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return resource as StoredIdempotencyRecord;
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async remove(tenantId, id, ifMatch) {
      try {
        await container.item(id, tenantId).delete({ accessCondition: { type: 'IfMatch', condition: ifMatch } });
      } catch (error) {
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
      }
    },
  };
}
