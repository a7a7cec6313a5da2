import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf, ensureContainers } from '../../../api/src/data/cosmos-client.js';
import { createTenantsRepository } from '../../../api/src/data/tenants-repository.js';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../api/src/local/embedded-cosmos.js';

let cosmos: EmbeddedCosmos;
let client: CosmosClient;
beforeAll(async () => {
  cosmos = await startEmbeddedCosmos();
  client = new CosmosClient({ endpoint: cosmos.endpoint, key: cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  await ensureContainers(client);
});
afterAll(async () => {
  client?.dispose();
  await cosmos?.close();
});

describe('tenants repository', () => {
  it('caches a positive onboarding answer for a few minutes, and never a negative one', async () => {
    const container = containersOf(client).tenants;
    let now = 1_000_000;
    const tenants = createTenantsRepository(container, () => now);
    const tenantId = '0e0e0e0e-0000-4000-8000-000000000001';

    expect(await tenants.isOnboarded(tenantId)).toBe(false);
    await tenants.upsert({ id: tenantId, tenantId, name: 'Onboarding Ltd', onboardedAt: new Date(now).toISOString() });
    expect(await tenants.isOnboarded(tenantId)).toBe(true);

    await container.item(tenantId, tenantId).delete();
    now += 60_000;
    expect(await tenants.isOnboarded(tenantId)).toBe(true);
    now += 10 * 60_000;
    expect(await tenants.isOnboarded(tenantId)).toBe(false);
  });
});
