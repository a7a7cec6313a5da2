/**
 * The embedded store's equality index (owner, kind) answers partition-scoped queries with exactly the
 * rows and order a walk over the whole partition gives: narrowing never changes a result, only its cost.
 */
import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topLevelConjuncts } from '../../../api/src/local/embedded-cosmos-equality-index.js';
import { startScratchContainer, type ScratchContainer } from './scratch-container.js';

const T = 'tenant-index';
let scratch: ScratchContainer;
let container: Container;

beforeAll(async () => {
  scratch = await startScratchContainer('index');
  container = scratch.container;
  for (let index = 0; index < 60; index += 1) {
    await container.items.create({ id: `task-${index}`, tenantId: T, type: index % 10 === 0 ? 'note' : undefined, ownerId: `owner-${index % 6}`, n: index });
  }
  await container.items.create({ id: 'other-tenant', tenantId: 'elsewhere', ownerId: 'owner-1', n: -1 });
});
afterAll(async () => scratch?.close());

const ids = async (query: string, parameters: { name: string; value: string | string[] }[] = []) =>
  (await container.items.query<{ id: string }>({ query, parameters }, { partitionKey: T }).fetchAll()).resources.map((row) => row.id);

describe('the equality index', () => {
  it('splits a WHERE into its top-level conjuncts, and gives up on a top-level OR', () => {
    expect(topLevelConjuncts("SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'a AND b' AND (c.x = 1 OR c.y = 2) ORDER BY c.n")).toEqual([
      'c.tenantId = @t',
      "c.type = 'a AND b'",
      '(c.x = 1 OR c.y = 2)',
    ]);
    expect(topLevelConjuncts('SELECT * FROM c WHERE c.ownerId = @o OR c.n = 3')).toEqual([]);
  });

  it('answers owner, owners and kind filters with the rows and order of a full walk', async () => {
    // The same filter behind a top-level OR is never narrowed: the store walks the whole partition.
    const walk = (where: string) => `SELECT * FROM c WHERE (${where}) OR c.n = -99`;
    const owner = [{ name: '@o', value: 'owner-2' }];
    const byOwner = await ids('SELECT * FROM c WHERE c.tenantId = @t AND c.ownerId = @o', [{ name: '@t', value: T }, ...owner]);
    expect([...byOwner].sort()).toEqual(Array.from({ length: 10 }, (_, index) => `task-${index * 6 + 2}`).sort());
    expect(byOwner).toEqual(await ids(walk('c.ownerId = @o'), owner));

    const owners = [{ name: '@owners', value: ['owner-5', 'owner-1'] }];
    const byOwners = await ids('SELECT * FROM c WHERE ARRAY_CONTAINS(@owners, c.ownerId) AND c.n < 20', owners);
    expect([...byOwners].sort()).toEqual(['task-1', 'task-11', 'task-13', 'task-17', 'task-19', 'task-5', 'task-7']);
    expect(byOwners).toEqual(await ids(walk('ARRAY_CONTAINS(@owners, c.ownerId) AND c.n < 20'), owners));

    const notes = await ids("SELECT * FROM c WHERE c.type = 'note'");
    expect([...notes].sort()).toEqual(['task-0', 'task-10', 'task-20', 'task-30', 'task-40', 'task-50']);
    expect(notes).toEqual(await ids(walk("c.type = 'note'")));
    // Never another partition's documents (one of owner-1's lives in another tenant).
    expect(byOwners).not.toContain('other-tenant');
  });

  it('follows replaces (a changed owner moves) and deletes', async () => {
    await container.item('task-2', T).replace({ id: 'task-2', tenantId: T, ownerId: 'owner-3', n: 2 });
    await container.item('task-8', T).delete();
    const query = 'SELECT * FROM c WHERE c.ownerId = @o';
    const unindexed = (owner: string) => ids('SELECT * FROM c WHERE c.ownerId = @o OR c.n = -99', [{ name: '@o', value: owner }]);
    const owner2 = await ids(query, [{ name: '@o', value: 'owner-2' }]);
    expect([...owner2].sort()).toEqual(['task-14', 'task-20', 'task-26', 'task-32', 'task-38', 'task-44', 'task-50', 'task-56']);
    expect(owner2).toEqual(await unindexed('owner-2'));
    const owner3 = await ids(query, [{ name: '@o', value: 'owner-3' }]);
    expect(owner3).toContain('task-2');
    expect(owner3).toEqual(await unindexed('owner-3'));
  });
});
