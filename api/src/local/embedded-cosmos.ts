/**
 * An in-process, in-memory Cosmos DB (`@vercel/cosmosdb-server`) for the local stack and tests.
 * The API talks to it with the real `@azure/cosmos` client, exactly as it talks to Azure.
 */
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { installLinearQueries } from './embedded-cosmos-linear-queries.js';

/** The official emulator's well-known key; the embedded server accepts any key. Not a secret. */
export const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

export async function startEmbeddedCosmos(): Promise<EmbeddedCosmos> {
  // Without this, every query costs time quadratic in the container's size (see the module).
  installLinearQueries();
  // keepAlive: without it every request pays a TLS handshake and throughput drops ~7x.
  const server = createHttpsServer({ keepAlive: true } as Parameters<typeof createHttpsServer>[0]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    key: EMULATOR_KEY,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
