/**
 * People of the directory as Admins manage them: person documents with etags, granted roles
 * changed together with their audit entry (same container and tenant partition, one batch),
 * and the person's last visit of the home view; and what the notifications need to know of people
 * (their language tags).
 */
import type { Container, Resource } from '@azure/cosmos';
import type { AuditDocument } from './audit.js';
import { writeInBatch, type BatchResult } from './audited-batch.js';
import type { PersonDocument } from './documents.js';
import { keysetClauses, topOf, type KeysetPageRequest } from './keyset-query.js';


export type StoredPerson = PersonDocument & Resource;

export interface PeopleRepository {
  readPerson(tenantId: string, userId: string): Promise<StoredPerson | undefined>;
  listPeople(tenantId: string): Promise<StoredPerson[]>;
  /**
   * Up to `limit + 1` people still in the tenant whose name contains `q`, after `after`, ordered by
   * (displayName, id): one query in the tenant partition, however large the directory.
   */
  pagePeople(tenantId: string, request: KeysetPageRequest): Promise<StoredPerson[]>;
  /** Replaces the person if the etag matches, with the audit entry in the same batch. */
  replaceWithAudit(tenantId: string, person: PersonDocument, ifMatch: string, audit: AuditDocument): Promise<BatchResult<PersonDocument>>;
  /** Records when the person last saw the home view's changes; false when there is no such person. */
  recordVisit(tenantId: string, userId: string, at: string): Promise<boolean>;
  /** Creates the person unless a document with their id exists (which is then left as it is). */
  createIfAbsent(person: PersonDocument): Promise<'created' | 'exists'>;
  /** Sets these top-level fields (undefined is stored as null), leaving every other field as it is; false when there is no such person. */
  patchFields(tenantId: string, userId: string, fields: Partial<Record<keyof PersonDocument, unknown>>): Promise<boolean>;
  /** Replaces the whole person if its etag still equals `ifMatch`. */
  replace(person: PersonDocument, ifMatch: string): Promise<'ok' | 'stale'>;
  /** These people's language tags (the notification drain's, per page of due entries): one query in the tenant partition. */
  languageTags(tenantId: string, userIds: readonly string[]): Promise<Map<string, Pick<PersonDocument, 'clientLocale' | 'preferredLanguage'>>>;
}

const statusOf = (error: unknown) => (error as { code?: unknown }).code;

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
    async pagePeople(tenantId, request) {
      const keyset = keysetClauses('c.displayName', request);
      const where = ['c.tenantId = @tenantId', "c.type = 'person'", '(NOT IS_DEFINED(c.removedAt) OR IS_NULL(c.removedAt))', ...keyset.where];
      const parameters = [{ name: '@tenantId', value: tenantId }, ...keyset.parameters];
      const top = topOf(request.limit);
      const { resources } = await container.items
        .query<StoredPerson>(
          // ORDER BY (displayName, id) is served by the directory container's composite index (containers.ts).
          { query: `SELECT TOP ${top} * FROM c WHERE ${where.join(' AND ')} ORDER BY c.displayName, c.id`, parameters },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return resources;
    },
    replaceWithAudit: (tenantId, person, ifMatch, audit) =>
      writeInBatch<PersonDocument>(container, tenantId, [{ kind: 'replace', document: person, ifMatch }], [audit]),
    async recordVisit(tenantId, userId, at) {
      try {
        // A patch, not a replace: it cannot undo a concurrent role grant on the same document.
        await container.item(userId, tenantId).patch([{ op: 'set', path: '/lastVisitAt', value: at }]);
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async createIfAbsent(person) {
      try {
        await container.items.create<PersonDocument>(person);
        return 'created';
      } catch (error) {
        if (statusOf(error) === 409) return 'exists';
        throw error;
      }
    },
    async patchFields(tenantId, userId, fields) {
      const operations = Object.entries(fields).map(([name, value]) => ({ op: 'set' as const, path: `/${name}`, value: value ?? null }));
      try {
        // Cosmos takes at most 10 operations per patch; each patch is atomic on its own.
        for (let index = 0; index < operations.length; index += 10) await container.item(userId, tenantId).patch(operations.slice(index, index + 10));
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async languageTags(tenantId, userIds) {
      if (userIds.length === 0) return new Map();
      type Tags = Pick<PersonDocument, 'id' | 'clientLocale' | 'preferredLanguage'>;
      const { resources } = await container.items
        .query<Tags>(
          {
            query: "SELECT c.id, c.clientLocale, c.preferredLanguage FROM c WHERE c.tenantId = @tenantId AND c.type = 'person' AND ARRAY_CONTAINS(@ids, c.id)",
            parameters: [{ name: '@tenantId', value: tenantId }, { name: '@ids', value: [...userIds] }],
          },
          { partitionKey: tenantId },
        )
        .fetchAll();
      return new Map(resources.map(({ id, ...tags }) => [id, tags]));
    },
    async replace(person, ifMatch) {
      try {
        await container.item(person.id, person.tenantId).replace(person, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
        return 'ok';
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) return 'stale';
        throw error;
      }
    },
  };
}
