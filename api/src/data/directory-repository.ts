import type { Container } from '@azure/cosmos';
import type { DirectoryDocument, PersonDocument, TeamDocument } from './documents.js';

export interface DirectoryRepository {
  getPerson(tenantId: string, userId: string): Promise<PersonDocument | undefined>;
  getTeam(tenantId: string, teamId: string): Promise<TeamDocument | undefined>;
  listPeople(tenantId: string): Promise<PersonDocument[]>;
  /** These people only (one query; unknown ids are left out): reads bounded by the list, not the directory. */
  listPeopleByIds(tenantId: string, userIds: readonly string[]): Promise<PersonDocument[]>;
  listTeams(tenantId: string): Promise<TeamDocument[]>;
  upsert(document: DirectoryDocument): Promise<void>;
}

export function createDirectoryRepository(container: Container): DirectoryRepository {
  async function readTyped<T extends DirectoryDocument>(tenantId: string, id: string, type: T['type']): Promise<T | undefined> {
    const { resource } = await container.item(id, tenantId).read<T>();
    return resource?.type === type ? resource : undefined;
  }

  async function listOfType<T extends DirectoryDocument>(tenantId: string, type: T['type'], ids?: readonly string[]): Promise<T[]> {
    // The tenant filter repeats the partition key on purpose: a second fence, and the local
    // embedded server does not scope queries by the partition key header.
    const { resources } = await container.items
      .query<T>(
        {
          query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type${ids ? ' AND ARRAY_CONTAINS(@ids, c.id)' : ''}`,
          parameters: [
            { name: '@tenantId', value: tenantId },
            { name: '@type', value: type },
            ...(ids ? [{ name: '@ids', value: [...ids] }] : []),
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources;
  }

  return {
    getPerson: (tenantId, userId) => readTyped<PersonDocument>(tenantId, userId, 'person'),
    getTeam: (tenantId, teamId) => readTyped<TeamDocument>(tenantId, teamId, 'team'),
    listPeople: (tenantId) => listOfType<PersonDocument>(tenantId, 'person'),
    listPeopleByIds: async (tenantId, userIds) => (userIds.length === 0 ? [] : listOfType<PersonDocument>(tenantId, 'person', userIds)),
    listTeams: (tenantId) => listOfType<TeamDocument>(tenantId, 'team'),
    async upsert(document) {
      await container.items.upsert(document);
    },
  };
}
