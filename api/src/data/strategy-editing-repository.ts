/**
 * The strategy container as leaders edit it: documents with their etags, conditional writes that
 * carry their audit entries in the same transactional batch, and the audit log itself (read only:
 * nothing here updates or deletes an entry).
 */
import type { Container, Resource } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { ORGANISATION_DOCUMENT_ID, type OrganisationDocument, type StrategyContainerDocument, type StrategyDocument } from './documents.js';
import { writeInBatch, type BatchResult, type DocumentWrite } from './audited-batch.js';

export type StoredOrganisation = OrganisationDocument & Resource;
export type StoredStrategy = StrategyDocument & Resource;

export interface StrategyEditingRepository {
  readOrganisation(tenantId: string): Promise<StoredOrganisation | undefined>;
  readStrategy(tenantId: string, strategyId: string): Promise<StoredStrategy | undefined>;
  /** All strategies (active and archived), in display order. */
  listStrategies(tenantId: string): Promise<StoredStrategy[]>;
  /** Documents and their audit entries, all or nothing. */
  commit(
    tenantId: string,
    writes: readonly DocumentWrite<StrategyContainerDocument>[],
    audits: readonly AuditDocument[],
  ): Promise<BatchResult<StrategyContainerDocument>>;
  /** Audit entries of one entity, newest first: at most `limit`, after (older than) `after` when given. */
  history(tenantId: string, entityType: string, entityId: string, page: { limit: number; after?: { at: string; id: string } }): Promise<AuditDocument[]>;
  readAuditEntry(tenantId: string, entryId: string): Promise<AuditDocument | undefined>;
  /** Organisation entries and entries of the given strategies newer than `since`, newest first, at most `limit`. */
  changesSince(tenantId: string, since: string, strategyIds: readonly string[], limit: number): Promise<AuditDocument[]>;
}

export function createStrategyEditingRepository(container: Container): StrategyEditingRepository {
  async function read<T>(tenantId: string, id: string): Promise<(T & Resource) | undefined> {
    const { resource } = await container.item(id, tenantId).read<T & Resource>();
    return resource ?? undefined;
  }

  async function query<T>(text: string, parameters: { name: string; value: string | number | string[] }[], tenantId: string): Promise<T[]> {
    // The tenant filter (in every query text) repeats the partition key on purpose: a second fence,
    // and the local embedded server does not scope queries by the partition key header.
    const { resources } = await container.items.query<T>({ query: text, parameters }, { partitionKey: tenantId }).fetchAll();
    return resources;
  }

  return {
    async readOrganisation(tenantId) {
      const document = await read<OrganisationDocument>(tenantId, ORGANISATION_DOCUMENT_ID);
      return document?.type === 'organisation' ? document : undefined;
    },
    async readStrategy(tenantId, strategyId) {
      const document = await read<StrategyDocument>(tenantId, strategyId);
      return document?.type === 'strategy' ? document : undefined;
    },
    async listStrategies(tenantId) {
      const documents = await query<StoredStrategy>(
        "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'strategy'",
        [{ name: '@tenantId', value: tenantId }],
        tenantId,
      );
      return documents.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },
    commit: (tenantId, writes, audits) => writeInBatch(container, tenantId, writes, audits),
    async history(tenantId, entityType, entityId, page) {
      // Keyset paging on (at, id), newest first; needs the composite index (at DESC, id DESC) in Azure.
      const after = page.after ? 'AND (c.at < @at OR (c.at = @at AND c.id < @id)) ' : '';
      return query<AuditDocument>(
        `SELECT TOP ${Math.max(1, Math.floor(page.limit))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' ` +
          `AND c.entityType = @entityType AND c.entityId = @entityId ${after}ORDER BY c.at DESC, c.id DESC`,
        [
          { name: '@tenantId', value: tenantId },
          { name: '@entityType', value: entityType },
          { name: '@entityId', value: entityId },
          ...(page.after ? [{ name: '@at', value: page.after.at }, { name: '@id', value: page.after.id }] : []),
        ],
        tenantId,
      );
    },
    async readAuditEntry(tenantId, entryId) {
      const document = await read<AuditDocument>(tenantId, entryId);
      return document?.type === 'audit' ? document : undefined;
    },
    async changesSince(tenantId, since, strategyIds, limit) {
      return query<AuditDocument>(
        `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.tenantId = @tenantId AND c.type = 'audit' AND c.at > @since ` +
          // Strategies added, archived or restored are news for everyone; other changes only for the strategies served.
          "AND (c.entityType = 'organisation' OR (c.entityType = 'strategy' AND (ARRAY_CONTAINS(@strategyIds, c.entityId) " +
          "OR c.action IN ('create', 'archive', 'restore', 'import')))) " +
          'ORDER BY c.at DESC',
        [
          { name: '@tenantId', value: tenantId },
          { name: '@since', value: since },
          { name: '@strategyIds', value: [...strategyIds] },
        ],
        tenantId,
      );
    },
  };
}
