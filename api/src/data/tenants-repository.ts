import type { Container } from '@azure/cosmos';
import type { TenantDocument } from './documents.js';

/** How long a positive "tenant has onboarded" answer is trusted before asking Cosmos again. */
const ONBOARDED_CACHE_MS = 5 * 60 * 1000;

export interface TenantsRepository {
  get(tenantId: string): Promise<TenantDocument | undefined>;
  /** Called on every authenticated request, so positive answers are cached in memory. */
  isOnboarded(tenantId: string): Promise<boolean>;
  upsert(tenant: TenantDocument): Promise<void>;
  /** Drops the cached "onboarded" answer (after the tenant is deleted, in this instance; others ask again within 5 minutes). */
  forget(tenantId: string): void;
  /**
   * Every onboarded tenant's id, for background jobs (the notification timer) only. The one query that
   * crosses partitions, on purpose: one small document per tenant; all work after it is per tenant partition.
   */
  listIds(): Promise<string[]>;
}

export function createTenantsRepository(container: Container, now: () => number = Date.now): TenantsRepository {
  const onboardedUntil = new Map<string, number>();

  async function get(tenantId: string): Promise<TenantDocument | undefined> {
    const { resource } = await container.item(tenantId, tenantId).read<TenantDocument>();
    return resource;
  }

  return {
    get,
    async isOnboarded(tenantId) {
      const cachedUntil = onboardedUntil.get(tenantId);
      if (cachedUntil !== undefined && cachedUntil > now()) return true;
      const tenant = await get(tenantId);
      if (!tenant) return false;
      onboardedUntil.set(tenantId, now() + ONBOARDED_CACHE_MS);
      return true;
    },
    async listIds() {
      const { resources } = await container.items.query<string>('SELECT VALUE c.tenantId FROM c').fetchAll();
      return [...new Set(resources)];
    },
    forget(tenantId) {
      onboardedUntil.delete(tenantId);
    },
    async upsert(tenant) {
      // The SDK takes the partition key from the document's tenantId.
      await container.items.upsert<TenantDocument>(tenant);
    },
  };
}
