/**
 * Issue 13: the strategy editor never loads the whole directory to show names. The map carries each
 * owner's name, and a page of history carries the names of the people its values name (owners
 * before and after) and each actor as the directory has them now, from one read of just those
 * people. A person removed from the directory, or erased (no record left), reads "Former colleague".
 * Over a generated tenant of its own, through real HTTP and the embedded Cosmos store.
 */
import https from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINERS, DATABASE_ID } from '../../../api/src/data/containers.js';
import { anonymisedPerson } from '../../../api/src/domain/directory-people.js';
import { getServices } from '../../../api/src/services.js';
import { editableStrategyMapSchema, historySchema, importResultSchema } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
let org: GeneratedOrganisation;
let client: CosmosClient;
let directory: Container;
let leader: string;
let admin: string;

beforeAll(async () => {
  api = await startApiTestStack();
  org = generateOrganisation({ people: 30, tasks: 5, strategies: 2, seed: 71, tenantIndex: 71 });
  client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  directory = client.database(DATABASE_ID).container(CONTAINERS.directory.id);
  await writeOrganisation(client, org);
  const issuer = getServices().auth.devTokenIssuer!;
  const tokenOf = (id: string) => {
    const person = org.people.find((candidate) => candidate.id === id)!;
    return issuer.issueDevToken({ tenantId: org.tenantId, userId: person.id, roles: person.roles, displayName: person.displayName });
  };
  [leader, admin] = await Promise.all([tokenOf(org.leaderId), tokenOf(org.adminId)]);
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await api?.close();
});

const person = (n: number) => org.people[n - 1]!;

async function map(token: string) {
  const response = await api.request('GET', '/api/strategy-map', { token });
  expect(response.status).toBe(200);
  return editableStrategyMapSchema.parse(response.body);
}

/** Gives the strategy a new owner, based on its current version. */
async function setOwner(token: string, strategyId: string, ownerId: string | null) {
  const current = (await map(token)).strategies.find((strategy) => strategy.id === strategyId)!;
  const saved = await api.request('PATCH', `/api/strategies/${strategyId}`, { token, headers: { 'if-match': current.etag }, json: { ownerId } });
  expect(saved.status).toBe(200);
}

async function history(strategyId: string, query = '') {
  const response = await api.request('GET', `/api/strategies/${strategyId}/history${query}`, { token: leader });
  expect(response.status).toBe(200);
  return historySchema.parse(response.body);
}

describe('the editor gets names with the data that needs them', () => {
  const strategyId = () => org.strategies[0]!.id;

  it('the map names each owner; a page of history names exactly the owners it mentions and each actor', async () => {
    await setOwner(admin, strategyId(), person(5).id);
    await setOwner(leader, strategyId(), person(6).id);
    await setOwner(leader, strategyId(), person(7).id);

    const strategy = (await map(leader)).strategies.find((candidate) => candidate.id === strategyId())!;
    expect(strategy).toMatchObject({ ownerId: person(7).id, ownerName: 'Person 7' });

    const page = await history(strategyId());
    // Newest first: the leader's two changes (person 1), then the admin's (person 2).
    expect(page.entries.map((entry) => [entry.actor.displayName, entry.before?.ownerId ?? null, entry.after?.ownerId])).toEqual([
      ['Person 1', person(6).id, person(7).id],
      ['Person 1', person(5).id, person(6).id],
      ['Person 2', null, person(5).id],
    ]);
    // Only the people the page names: never the rest of the 30.
    expect(page.names).toEqual({ [person(5).id]: 'Person 5', [person(6).id]: 'Person 6', [person(7).id]: 'Person 7' });

    // A page names only its own people: the oldest entry alone names person 5 only.
    const first = await history(strategyId(), '?limit=2');
    expect(first.names).toEqual({ [person(5).id]: 'Person 5', [person(6).id]: 'Person 6', [person(7).id]: 'Person 7' });
    const older = await history(strategyId(), `?limit=2&cursor=${encodeURIComponent(first.next!)}`);
    expect(older.entries).toHaveLength(1);
    expect(older.names).toEqual({ [person(5).id]: 'Person 5' });
  });

  it('someone removed from the directory, or erased with no record left, reads “Former colleague” — as owner and as actor', async () => {
    const removedAt = '2026-03-01T00:00:00.000Z';
    // Person 6 was deleted from the tenant (the directory sync keeps an anonymous record); person 7's record is gone.
    await directory.items.upsert(anonymisedPerson(person(6), removedAt));
    await directory.item(person(7).id, org.tenantId).delete();
    // The admin (person 2), the actor of the first change, is removed too.
    await directory.items.upsert(anonymisedPerson(person(2), removedAt));

    const strategy = (await map(leader)).strategies.find((candidate) => candidate.id === strategyId())!;
    expect(strategy).toMatchObject({ ownerId: person(7).id, ownerName: 'Former colleague' });

    const page = await history(strategyId());
    expect(page.names).toEqual({ [person(5).id]: 'Person 5', [person(6).id]: 'Former colleague', [person(7).id]: 'Former colleague' });
    expect(page.entries.map((entry) => entry.actor.displayName)).toEqual(['Person 1', 'Person 1', 'Former colleague']);
    expect(JSON.stringify(page)).not.toContain('Person 6');
  });

  it('a history without owner changes names nobody; the organisation’s history likewise', async () => {
    const other = org.strategies[1]!.id;
    const current = (await map(leader)).strategies.find((strategy) => strategy.id === other)!;
    expect((await api.request('PATCH', `/api/strategies/${other}`, { token: leader, headers: { 'if-match': current.etag }, json: { why: 'A sharper reason' } })).status).toBe(200);
    expect((await history(other)).names).toEqual({});
    const organisation = await api.request('GET', '/api/organisation/history', { token: leader });
    expect(organisation.status).toBe(200);
    expect(historySchema.parse(organisation.body).names).toEqual({});
  });

  it('an import preview names the owners it changes, and only those (one gone from the directory as “Former colleague”)', async () => {
    const strategies = (await map(leader)).strategies.filter((strategy) => strategy.status === 'active');
    const file = {
      strategies: strategies.map((strategy) => ({
        id: strategy.id,
        title: strategy.title,
        why: strategy.why,
        customerImpact: strategy.customerImpact,
        // Strategy 1 is owned by person 7, whose record is gone: the file hands it to person 8.
        ownerId: strategy.id === org.strategies[1]!.id ? person(9).id : person(8).id,
        progress: strategy.progress,
        measures: strategy.measures,
      })),
    };
    const response = await api.request('POST', '/api/strategy-map/import?dryRun=true', { token: leader, json: file });
    expect(response.status).toBe(200);
    const preview = importResultSchema.parse(response.body);
    expect(preview.errors).toEqual([]);
    expect(preview.names).toEqual({ [person(7).id]: 'Former colleague', [person(8).id]: 'Person 8', [person(9).id]: 'Person 9' });
  });
});
