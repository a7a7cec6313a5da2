/**
 * The worker-thread side of the embedded Cosmos DB (see embedded-cosmos.ts): starts the store in
 * this thread with the options it was given, reports its endpoint, and answers the main thread's
 * requests (open connections, close) until it is closed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEmbeddedCosmosInThisThread, type EmbeddedCosmosOptions } from './embedded-cosmos-in-thread.js';

export type ToWorker = { id: number; kind: 'openConnections' | 'close' };
export type FromWorker =
  | { kind: 'ready'; endpoint: string; key: string; restoredDocuments?: number }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; value?: number; error?: string };

export async function runEmbeddedCosmosWorker(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('embedded-cosmos-worker runs in a worker thread only');
  const post = (message: FromWorker) => port.postMessage(message);
  let cosmos: Awaited<ReturnType<typeof startEmbeddedCosmosInThisThread>>;
  try {
    cosmos = await startEmbeddedCosmosInThisThread(workerData as EmbeddedCosmosOptions);
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (message: ToWorker) => {
    const answer = message.kind === 'close' ? cosmos.close().then(() => undefined) : (cosmos.openConnections?.() ?? Promise.resolve(0));
    answer.then(
      (value) => {
        post({ kind: 'answer', id: message.id, ...(value === undefined ? {} : { value }) });
        if (message.kind === 'close') port.close();
      },
      (error: unknown) => post({ kind: 'answer', id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  post({ kind: 'ready', endpoint: cosmos.endpoint, key: cosmos.key, ...(cosmos.restoredDocuments === undefined ? {} : { restoredDocuments: cosmos.restoredDocuments }) });
}
