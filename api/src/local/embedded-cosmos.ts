/**
 * An in-process Cosmos DB (`@vercel/cosmosdb-server`) for the local stack and tests. The API talks
 * to it with the real `@azure/cosmos` client, exactly as it talks to Azure. In memory.
 *
 * Patched where the app depends on Azure's behaviour (each patch module says what and why):
 * linear-time queries, all-or-nothing transactional batches, queries scoped to their partition key.
 * The differences that remain are listed in the README ("Local store").
 */
import type { AddressInfo } from 'node:net';
import { atomicBatchHandler } from './embedded-cosmos-atomic-batch.js';
import type { ServerHandler } from './embedded-cosmos-internals.js';
import { installLinearQueries } from './embedded-cosmos-linear-queries.js';
import { partitionScopedQueryHandler } from './embedded-cosmos-partition-queries.js';
import { createEmbeddedCosmosServer, serverHandler } from './embedded-cosmos-server.js';

/** The official emulator's well-known key; the embedded server accepts any key. Not a secret. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** Connections open to the server right now (for the benchmark). */
  openConnections?(): Promise<number>;
  close(): Promise<void>;
}

function replacements(): Map<ServerHandler, ServerHandler> {
  const batch = serverHandler('batch-documents');
  const query = serverHandler('query-documents');
  return new Map([
    [batch, atomicBatchHandler(batch)],
    [query, partitionScopedQueryHandler(query)],
  ]);
}

export async function startEmbeddedCosmos(): Promise<EmbeddedCosmos> {
  // Without this, every query costs time quadratic in the container's size (see the module).
  installLinearQueries();
  const server = createEmbeddedCosmosServer({ replacements: replacements(), onAccount: () => undefined });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    key: EMULATOR_KEY,
    openConnections: () => new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count))),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
