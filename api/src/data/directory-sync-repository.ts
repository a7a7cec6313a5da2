/**
 * Where each tenant's directory sync stands (directory container, tenant partition, one document):
 * the /users/delta link to read next — the @odata.nextLink of a round in progress, else the
 * @odata.deltaLink that starts the next round — so a crash or a throttled run resumes exactly there.
 * Written after every page the sync has applied.
 */
import type { Container } from '@azure/cosmos';

export const DIRECTORY_SYNC_STATE_ID = 'directory-sync';

export interface DirectorySyncState {
  id: typeof DIRECTORY_SYNC_STATE_ID;
  tenantId: string;
  type: 'directorySync';
  users: {
    /** The next page of the round in progress. */
    nextLink?: string | null;
    /** The start of the next round, once a round has finished. */
    deltaLink?: string | null;
    /** Set while a full round (everyone listed) is in progress: people not seen since are gone. */
    fullRoundStartedAt?: string | null;
    /** When the last round finished. */
    completedAt?: string | null;
    /** The `$select` the links were made with (users-sync.ts USERS_DELTA_SELECT); another one starts a full round. */
    select?: string;
  };
  updatedAt: string;
}

export interface DirectorySyncRepository {
  get(tenantId: string): Promise<DirectorySyncState | undefined>;
  save(state: DirectorySyncState): Promise<void>;
}

export function createDirectorySyncRepository(container: Container): DirectorySyncRepository {
  return {
    async get(tenantId) {
      const { resource } = await container.item(DIRECTORY_SYNC_STATE_ID, tenantId).read<DirectorySyncState>();
      return resource?.type === 'directorySync' ? resource : undefined;
    },
    async save(state) {
      // One writer: the sync timer runs as a singleton (the Functions host holds a lease per timer).
      await container.items.upsert<DirectorySyncState>(state);
    },
  };
}
