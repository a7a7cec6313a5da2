/**
 * Demo data for the local stack: two tenants with fixed GUIDs, so tests and the local Teams
 * host page can refer to the same people, strategies and tasks.
 */
import type { CosmosClient } from '@azure/cosmos';
import { containersOf } from '../data/cosmos-client.js';
import { ORGANISATION_DOCUMENT_ID, type TaskDocument } from '../data/documents.js';
import type { DevIdentity } from '../shared/contracts.js';
import { CONTOSO, CONTOSO_IDS } from './seed-contoso.js';
import { FABRIKAM, FABRIKAM_IDS } from './seed-fabrikam.js';
import { seedAuditEntries, seedStrategyDocument } from './seed-strategy-editing.js';
import { seedOnboardingDocuments } from './seed-onboarding.js';
import { seedUpn, type SeedTenant } from './seed-types.js';

export { CONTOSO_IDS, FABRIKAM_IDS };
export const SEED_TENANTS: readonly SeedTenant[] = [CONTOSO, FABRIKAM];

/** Fixed creation times a minute apart, so task order is stable. */
const SEED_EPOCH = Date.parse('2026-01-05T08:00:00.000Z');

/** Everyone a developer can sign in as on the local stack (GET /dev/identities). */
export function seedIdentities(): DevIdentity[] {
  return SEED_TENANTS.flatMap((tenant) =>
    tenant.people.map((person) => ({
      tenantId: tenant.id,
      tenantName: tenant.name,
      userId: person.id,
      displayName: person.displayName,
      teamName: tenant.teams.find((team) => team.id === person.teamId)?.name ?? null,
      roles: person.roles,
      upn: person.upn ?? seedUpn(person.displayName, tenant.name),
    })),
  );
}

/**
 * Writes one demo tenant. Its tenant document goes last: once it exists the tenant is complete, so
 * a seed cut short (the process stopped half way) is finished at the next start.
 */
async function seedTenant(client: CosmosClient, tenant: SeedTenant, now: Date): Promise<void> {
  const containers = containersOf(client);
  const tenantId = tenant.id;
  const writes: Promise<unknown>[] = [
    containers.strategy.items.upsert({ ...tenant.organisation, id: ORGANISATION_DOCUMENT_ID, tenantId, type: 'organisation' }),
    ...tenant.strategies.map((strategy) => containers.strategy.items.upsert(seedStrategyDocument(tenantId, strategy))),
    ...seedAuditEntries(tenant).map((entry) => containers.strategy.items.upsert(entry)),
    ...tenant.teams.map((team) => containers.directory.items.upsert({ ...team, tenantId, type: 'team' })),
    ...tenant.people.map((person) => {
      const upn = person.upn ?? seedUpn(person.displayName, tenant.name);
      return containers.directory.items.upsert({ ...person, upn, email: upn, tenantId, type: 'person' });
    }),
    ...seedOnboardingDocuments(tenant, now).map((document) => containers.onboarding.items.upsert(document)),
    ...tenant.tasks.map((task, index) => {
      const timestamp = new Date(SEED_EPOCH + index * 60_000).toISOString();
      const document: TaskDocument = { ...task, tenantId, createdAt: timestamp, updatedAt: timestamp };
      return containers.tasks.items.upsert(document);
    }),
  ];
  await Promise.all(writes);
  await containers.tenants.items.upsert({ id: tenantId, tenantId, name: tenant.name, onboardedAt: new Date(SEED_EPOCH).toISOString() });
}

async function isSeeded(client: CosmosClient, tenant: SeedTenant): Promise<boolean> {
  const { resource } = await containersOf(client).tenants.item(tenant.id, tenant.id).read();
  return resource !== undefined;
}

/**
 * Writes the demo tenants that are not in the store yet (all of them into an empty store); a tenant
 * already there is left as it is, edits included. Containers must exist (ensureContainers).
 * `now` sets the demo due dates. Returns the names of the tenants written.
 */
export async function seedDemoData(client: CosmosClient, now: Date = new Date()): Promise<string[]> {
  const written: string[] = [];
  for (const tenant of SEED_TENANTS) {
    if (await isSeeded(client, tenant)) continue;
    await seedTenant(client, tenant, now);
    written.push(tenant.name);
  }
  return written;
}
