import https from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf, ensureContainers } from '../../../api/src/data/cosmos-client.js';
import { createTeamsRepository } from '../../../api/src/data/teams-repository.js';
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

const person = (tenantId: string, id: string, displayName: string) => ({ id, tenantId, type: 'person', displayName, teamId: null, roles: ['Employee'] });

describe('directory version', () => {
  it('serves the kept directory until any write to the tenant\u2019s directory, whichever way it is written', async () => {
    const tenantId = '0d0d0d0d-0000-4000-8000-000000000001';
    const directory = containersOf(client).directory;
    const teams = createTeamsRepository(directory);
    await directory.items.create(person(tenantId, 'p1', 'Ada Park'));
    const first = await teams.listPeopleAndInactive(tenantId);
    expect(first.people.map((p) => p.displayName)).toEqual(['Ada Park']);
    expect(await teams.listPeopleAndInactive(tenantId)).toBe(first);

    await directory.items.upsert(person(tenantId, 'p2', 'Ben Carter'));
    const afterUpsert = await teams.listPeopleAndInactive(tenantId);
    expect(afterUpsert.people.map((p) => p.id).sort()).toEqual(['p1', 'p2']);

    await directory.item('p1', tenantId).patch([{ op: 'set', path: '/accountEnabled', value: false }]);
    const afterPatch = await teams.listPeopleAndInactive(tenantId);
    expect(afterPatch.inactiveIds).toEqual(['p1']);

    await directory.item('p2', tenantId).delete();
    expect((await teams.listPeopleAndInactive(tenantId)).people).toEqual([]);
    // Another tenant's write moves nothing here.
    const kept = await teams.listPeopleAndInactive(tenantId);
    await directory.items.create(person('0d0d0d0d-0000-4000-8000-000000000002', 'p3', 'Chiara Rossi'));
    expect(await teams.listPeopleAndInactive(tenantId)).toBe(kept);
  });
});
