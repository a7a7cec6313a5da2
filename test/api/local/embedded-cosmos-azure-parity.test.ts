/**
 * The embedded Cosmos DB behaves as Azure Cosmos DB where the app depends on it, checked through
 * the real @azure/cosmos client: transactional batches are all or nothing (207, failed operation
 * with its status, the others 424, nothing written) and queries stay inside their partition key.
 */
import { type Container, type OperationInput } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeInBatch } from '../../../api/src/data/audited-batch.js';
import { startScratchContainer, type ScratchContainer } from './scratch-container.js';

const A = 'tenant-a';
const B = 'tenant-b';

let scratch: ScratchContainer;
let container: Container;

beforeAll(async () => {
  scratch = await startScratchContainer('parity');
  container = scratch.container;
});
afterAll(async () => scratch?.close());

interface Doc {
  id: string;
  tenantId: string;
  title: string;
}

async function stored(id: string, tenantId = A): Promise<(Doc & { _etag: string }) | undefined> {
  return (await container.item(id, tenantId).read<Doc & { _etag: string }>()).resource;
}

async function created(id: string, title: string, tenantId = A): Promise<Doc & { _etag: string }> {
  const { resource } = await container.items.create<Doc>({ id, tenantId, title });
  return resource as Doc & { _etag: string };
}

describe('transactional batch', () => {
  it('[replace (good etag), replace (stale etag), create] writes nothing and answers as Azure does', async () => {
    const first = await created('batch-1', 'first, as created');
    const second = await created('batch-2', 'second, as created');
    const operations: OperationInput[] = [
      { operationType: 'Replace', id: first.id, ifMatch: first._etag, resourceBody: { id: first.id, tenantId: A, title: 'first, replaced' } },
      { operationType: 'Replace', id: second.id, ifMatch: '"stale"', resourceBody: { id: second.id, tenantId: A, title: 'second, replaced' } },
      { operationType: 'Create', resourceBody: { id: 'batch-3', tenantId: A, title: 'third' } },
    ];
    const response = await container.items.batch(operations, A);

    expect(response.code).toBe(207);
    expect(response.result?.map((result) => result.statusCode)).toEqual([424, 412, 424]);
    expect(await stored(first.id)).toMatchObject({ title: 'first, as created', _etag: first._etag });
    expect(await stored(second.id)).toMatchObject({ title: 'second, as created', _etag: second._etag });
    expect(await stored('batch-3')).toBeUndefined();
  });

  it('puts back a deleted and a replaced document, with their etags, when a later create conflicts', async () => {
    const kept = await created('rollback-kept', 'kept');
    const deleted = await created('rollback-deleted', 'to be deleted');
    await created('rollback-existing', 'already there');
    const response = await container.items.batch(
      [
        { operationType: 'Replace', id: kept.id, resourceBody: { id: kept.id, tenantId: A, title: 'changed' } },
        { operationType: 'Delete', id: deleted.id },
        { operationType: 'Create', resourceBody: { id: 'rollback-new', tenantId: A, title: 'new' } },
        { operationType: 'Create', resourceBody: { id: 'rollback-existing', tenantId: A, title: 'duplicate' } },
      ],
      A,
    );
    expect(response.code).toBe(207);
    expect(response.result?.map((result) => result.statusCode)).toEqual([424, 424, 424, 409]);
    expect(await stored(kept.id)).toMatchObject({ title: 'kept', _etag: kept._etag });
    expect(await stored(deleted.id)).toMatchObject({ title: 'to be deleted', _etag: deleted._etag });
    expect(await stored('rollback-new')).toBeUndefined();
    expect(await stored('rollback-existing')).toMatchObject({ title: 'already there' });
  });

  it('applies every operation of a batch that succeeds', async () => {
    const doc = await created('commit-1', 'before');
    const response = await container.items.batch(
      [
        { operationType: 'Replace', id: doc.id, ifMatch: doc._etag, resourceBody: { id: doc.id, tenantId: A, title: 'after' } },
        { operationType: 'Create', resourceBody: { id: 'commit-2', tenantId: A, title: 'new' } },
      ],
      A,
    );
    expect(response.code).toBe(200);
    expect(response.result?.map((result) => result.statusCode)).toEqual([200, 201]);
    expect(response.result?.[0]?.eTag).toBe((await stored(doc.id))?._etag);
    expect(await stored(doc.id)).toMatchObject({ title: 'after' });
    expect(await stored('commit-2')).toMatchObject({ title: 'new' });
  });

  it('refuses an operation for another partition and writes nothing', async () => {
    const response = await container.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'cross-1', tenantId: A, title: 'mine' } },
        { operationType: 'Create', resourceBody: { id: 'cross-2', tenantId: B, title: 'theirs' } },
      ],
      A,
    );
    expect(response.result?.map((result) => result.statusCode)).toEqual([424, 400]);
    expect(await stored('cross-1')).toBeUndefined();
    expect(await stored('cross-2', B)).toBeUndefined();
  });

  it('makes the app\u2019s audited batch (a create, then a stale replace) save nothing, audit entry included', async () => {
    const doc = await created('audited-1', 'before');
    const audit = { id: 'audit-of-audited-1', tenantId: A, type: 'audit' as const, entityType: 'test', entityId: doc.id, action: 'update' as const, actor: { id: 'u', displayName: 'U' }, at: '2030-01-01T00:00:00.000Z', before: null, after: null };
    const result = await writeInBatch<Doc>(
      container,
      A,
      [
        { kind: 'create', document: { id: 'audited-2', tenantId: A, title: 'new' } },
        { kind: 'replace', document: { id: doc.id, tenantId: A, title: 'after' }, ifMatch: '"stale"' },
      ],
      [audit],
    );
    expect(result).toEqual({ status: 'stale' });
    expect(await stored('audited-2')).toBeUndefined();
    expect(await stored(doc.id)).toMatchObject({ title: 'before', _etag: doc._etag });
    expect(await stored(audit.id)).toBeUndefined();
  });
});

describe('queries with a partition key', () => {
  it('never return another partition\u2019s documents, even without a WHERE on the key', async () => {
    await created('query-a', 'in A', A);
    await created('query-b', 'in B', B);
    const inA = await container.items.query<Doc>('SELECT * FROM c', { partitionKey: A }).fetchAll();
    expect(inA.resources.map((doc) => doc.tenantId)).not.toContain(B);
    expect(inA.resources.map((doc) => doc.id)).toContain('query-a');
    const inB = await container.items.query<Doc>({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: 'query-a' }] }, { partitionKey: B }).fetchAll();
    expect(inB.resources).toEqual([]);
    const counted = await container.items.query<number>('SELECT VALUE COUNT(1) FROM c', { partitionKey: B }).fetchAll();
    expect(counted.resources).toEqual([1]);
  });

  it('still read across partitions when no key is given', async () => {
    await created('across-a', 'in A', A);
    await created('across-b', 'in B', B);
    const all = await container.items.query<Doc>("SELECT * FROM c WHERE STARTSWITH(c.id, 'across-')").fetchAll();
    expect(all.resources.map((doc) => doc.id).sort()).toEqual(['across-a', 'across-b']);
  });
});
