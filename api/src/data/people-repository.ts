/**
 * People of the directory as Admins manage them: person documents with etags, granted roles
 * changed together with their audit entry (same container and tenant partition, one batch),
 * and the person's last visit of the home view.
 */
import type { Container, Resource } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { writeInBatch, type BatchResult } from './audited-batch.js';
import type { PersonDocument } from './documents.js';

export type StoredPerson = PersonDocument & Resource;

export interface PeopleRepository {
  readPerson(tenantId: string, userId: string): Promise<StoredPerson | undefined>;
  listPeople(tenantId: string): Promise<StoredPerson[]>;
  /** Replaces the person if the etag matches, with the audit entry in the same batch. */
  replaceWithAudit(tenantId: string, person: PersonDocument, ifMatch: string, audit: AuditDocument): Promise<BatchResult<PersonDocument>>;
  /** Records when the person last saw the home view's changes; false when there is no such person. */
  recordVisit(tenantId: string, userId: string, at: string): Promise<boolean>;
}

export function createPeopleRepository(container: Container): PeopleRepository {
  return {
    async readPerson(tenantId, userId) {
      const { resource } = await container.item(userId, tenantId).read<StoredPerson>();
      return resource?.type === 'person' ? resource : undefined;
    },
    async listPeople(tenantId) {
      // Tenant filter repeats the partition key (the embedded server ignores it on queries).
      const { resources } = await container.items
        .query<StoredPerson>(
          { query: "SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = 'person'", parameters: [{ name: '@tenantId', value: tenantId }] },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    },
    replaceWithAudit: (tenantId, person, ifMatch, audit) =>
      writeInBatch<PersonDocument>(container, tenantId, [{ kind: 'replace', document: person, ifMatch }], [audit]),
    async recordVisit(tenantId, userId, at) {
      try {
        // A patch, not a replace: it cannot undo a concurrent role grant on the same document.
        await container.item(userId, tenantId).patch([{ op: 'set', path: '/lastVisitAt', value: at }]);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 404) return false;
        throw error;
      }
    },
  };
}
