/**
 * The embedded Cosmos DB itself, started in the calling thread (embedded-cosmos.ts runs it in a
 * worker thread). In memory by default; with a data folder every acknowledged write survives a
 * restart, even `kill -9`.
 *
 * Patched where the app depends on Azure's behaviour (each patch module says what and why):
 * linear-time queries, all-or-nothing transactional batches, queries scoped to their partition key.
 * The differences that remain are listed in the README ("Local store").
 */
import type { AddressInfo } from 'node:net';
import { atomicBatchHandler } from './embedded-cosmos-atomic-batch.js';
import type { AccountModel, ServerHandler } from './embedded-cosmos-internals.js';
import { installContainerReplaceKeepsDocuments } from './embedded-cosmos-container-replace.js';
import { installLinearQueries } from './embedded-cosmos-linear-queries.js';
import { partitionScopedQueryHandler } from './embedded-cosmos-partition-queries.js';
import { openPersistence, type PersistedAccount } from './embedded-cosmos-persistence.js';
import { createEmbeddedCosmosServer, serverHandler } from './embedded-cosmos-server.js';

/** The official emulator's well-known key; the embedded server accepts any key. Not a secret. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmosOptions {
  /** Keep the store in this folder across restarts; without it the store lives in memory only. */
  dataDir?: string;
}

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** Documents read back from the data folder at start (undefined: in memory). */
  restoredDocuments?: number;
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

export async function startEmbeddedCosmosInThisThread(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  // Without this, every query costs time quadratic in the container's size (see the module).
  installLinearQueries();
  installContainerReplaceKeepsDocuments();
  const persistence = options.dataDir ? await openPersistence(options.dataDir) : undefined;
  let persisted: PersistedAccount | undefined;
  let account: AccountModel | undefined;
  const server = createEmbeddedCosmosServer({
    replacements: replacements(),
    onAccount: (created) => {
      account = created;
    },
    durable: () => persisted?.durable() ?? Promise.resolve(),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  // Nobody knows the port yet, so no request can see the account before it is restored.
  if (persistence && account) {
    try {
      persisted = await persistence.attach(account);
    } catch (error) {
      await closeServer();
      throw error;
    }
  }
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    key: EMULATOR_KEY,
    ...(persisted ? { restoredDocuments: persisted.restoredDocuments } : {}),
    openConnections: () => new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count))),
    async close() {
      await closeServer();
      await persisted?.close();
    },
  };
}
