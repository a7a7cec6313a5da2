/**
 * @azure/cosmos asks for a query plan beside every query. The embedded store answers a plan request
 * without reading any document (it used to run the query over the whole container, every tenant's
 * documents, on the thread the real query waits for); the queries themselves answer as before.
 */
import type { IncomingMessage } from 'node:http';
import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQueryPlanRequest } from '../../../api/src/local/embedded-cosmos-partition-queries.js';
import { startScratchContainer, type ScratchContainer } from './scratch-container.js';

let scratch: ScratchContainer;
let container: Container;

beforeAll(async () => {
  scratch = await startScratchContainer('plans');
  container = scratch.container;
  for (const tenantId of ['plan-a', 'plan-b']) for (let index = 0; index < 5; index += 1) await container.items.create({ id: `${tenantId}-${index}`, tenantId, n: index });
});
afterAll(async () => scratch?.close());

const requestWith = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('query plan requests in the embedded store', () => {
  it('are told apart by the header the SDK sends, whatever its case', () => {
    expect(isQueryPlanRequest(requestWith({ 'x-ms-cosmos-is-query-plan-request': 'True' }))).toBe(true);
    expect(isQueryPlanRequest(requestWith({ 'x-ms-cosmos-is-query-plan-request': 'true' }))).toBe(true);
    expect(isQueryPlanRequest(requestWith({ 'x-ms-documentdb-isquery': 'true' }))).toBe(false);
  });

  it('leave scoped and cross-partition queries answering every row they did', async () => {
    const scoped = await container.items.query<{ id: string }>('SELECT c.id FROM c WHERE c.n >= 3', { partitionKey: 'plan-a' }).fetchAll();
    expect(scoped.resources.map((row) => row.id).sort()).toEqual(['plan-a-3', 'plan-a-4']);
    const across = await container.items.query<{ id: string }>('SELECT c.id FROM c WHERE c.n = 0').fetchAll();
    expect(across.resources.map((row) => row.id).sort()).toEqual(['plan-a-0', 'plan-b-0']);
  });
});
