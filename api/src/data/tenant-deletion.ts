/**
 * Tenant deletions: the log (deletionLog container, one partition outside every tenant's data) and the
 * deletion itself, which the timer runs once a request's grace period has passed. Crash-safe: the entry
 * is marked `deleting` first (If-Match, so a cancel and the timer can't both win), the tenant document
 * goes next (from then on no route admits the tenant), then the tenant's documents page by page
 * (each page read afresh, so deleting never makes a scan skip anything; a document already gone counts
 * as deleted), and `done` is written last. A rerun after a crash goes on from wherever it stopped; a
 * rerun after `done` does nothing.
 */
import type { Container, Resource } from '@azure/cosmos';
import { isDue, latestOf, needsSweep, SWEEP_AFTER_DONE_MS, TENANT_DELETIONS_PARTITION, type TenantDeletionDocument } from '../domain/data-rights-deletion.js';
import type { CosmosContainers } from './cosmos-client.js';
import { deleteIfPresent, tenantDocumentPages, type DocumentPage } from './tenant-documents.js';

export type StoredTenantDeletion = TenantDeletionDocument & Resource;

export interface TenantDeletionLog {
  /** The tenant's latest request (any state), if it ever made one. */
  latestFor(tenantId: string): Promise<StoredTenantDeletion | undefined>;
  create(entry: TenantDeletionDocument): Promise<StoredTenantDeletion>;
  /** Replaces the entry if its etag still equals `ifMatch`; 'stale' when it changed. */
  replace(entry: TenantDeletionDocument, ifMatch: string): Promise<StoredTenantDeletion | 'stale'>;
  /** Every scheduled or started entry, and those done since `doneSince` (the timer filters what is due). */
  pending(doneSince: string): Promise<StoredTenantDeletion[]>;
}

const plain = (entry: TenantDeletionDocument): TenantDeletionDocument =>
  Object.fromEntries(Object.entries(entry).filter(([key]) => !key.startsWith('_'))) as unknown as TenantDeletionDocument;

export function createTenantDeletionLog(container: Container): TenantDeletionLog {
  const query = async (where: string, parameters: { name: string; value: string }[]) =>
    (
      await container.items
        .query<StoredTenantDeletion>({ query: `SELECT * FROM c WHERE c.tenantId = @partition AND ${where}`, parameters: [{ name: '@partition', value: TENANT_DELETIONS_PARTITION }, ...parameters] }, { partitionKey: TENANT_DELETIONS_PARTITION })
        .fetchAll()
    ).resources;
  return {
    async latestFor(tenantId) {
      return latestOf(await query('c.deletedTenantId = @tenantId', [{ name: '@tenantId', value: tenantId }]));
    },
    async create(entry) {
      const { resource } = await container.items.create<TenantDeletionDocument>(entry);
      return resource as StoredTenantDeletion;
    },
    async replace(entry, ifMatch) {
      try {
        const { resource } = await container.item(entry.id, TENANT_DELETIONS_PARTITION).replace<TenantDeletionDocument>(plain(entry), { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return resource as StoredTenantDeletion;
      } catch (error) {
        if ([404, 412].includes((error as { code?: number }).code ?? 0)) return 'stale';
        throw error;
      }
    },
    pending: (doneSince) => query("(c.state = 'scheduled' OR c.state = 'deleting' OR (c.state = 'done' AND c.doneAt >= @doneSince))", [{ name: '@doneSince', value: doneSince }]),
  };
}

/** Deletes every document of the tenant (the tenant document first), until a scan finds none. */
export async function deleteTenantDocuments(containers: CosmosContainers, tenantId: string): Promise<number> {
  await deleteIfPresent(containers.tenants, tenantId, tenantId);
  let deleted = 0;
  for (;;) {
    // Only the first page of a fresh scan: the next scan starts over, so nothing deleted meanwhile shifts a page.
    const next = await tenantDocumentPages(containers, tenantId).next();
    if (next.done) return deleted;
    const page: DocumentPage = next.value;
    const container = containers[page.container];
    for (const document of page.documents) await deleteIfPresent(container, document.id, document.tenantId);
    deleted += page.documents.length;
  }
}

export interface TenantDeletionRunOutcome {
  tenantId: string;
  deleted: number;
}

/**
 * Carries out every request whose grace period has passed (and finishes any a crash interrupted).
 * `onDeleted` runs after a tenant's documents are gone (in-memory caches forget it).
 */
export async function runDueTenantDeletions(containers: CosmosContainers, log: TenantDeletionLog, now: () => Date, onDeleted: (tenantId: string) => void): Promise<TenantDeletionRunOutcome[]> {
  const outcomes: TenantDeletionRunOutcome[] = [];
  for (const entry of await log.pending(new Date(now().getTime() - SWEEP_AFTER_DONE_MS).toISOString())) {
    if (needsSweep(entry, now())) {
      // Only what a late first request may have written; nothing once the tenant has signed up again.
      const { resource: tenant } = await containers.tenants.item(entry.deletedTenantId, entry.deletedTenantId).read();
      if (!tenant) {
        const deleted = await deleteTenantDocuments(containers, entry.deletedTenantId);
        if (deleted > 0) outcomes.push({ tenantId: entry.deletedTenantId, deleted });
      }
      continue;
    }
    if (!isDue(entry, now())) continue;
    let current: StoredTenantDeletion | 'stale' = entry;
    if (entry.state === 'scheduled') {
      current = await log.replace({ ...entry, state: 'deleting', startedAt: now().toISOString() }, entry._etag);
      // Cancelled (or taken by another run) meanwhile.
      if (current === 'stale') continue;
    }
    const deleted = await deleteTenantDocuments(containers, entry.deletedTenantId);
    onDeleted(entry.deletedTenantId);
    const done = await log.replace({ ...current, state: 'done', doneAt: now().toISOString() }, current._etag);
    if (done !== 'stale') outcomes.push({ tenantId: entry.deletedTenantId, deleted });
  }
  return outcomes;
}
