/**
 * An embedded Cosmos DB (`@vercel/cosmosdb-server`, patched: see embedded-cosmos-in-thread.ts) for
 * the local stack and tests. The API talks to it with the real `@azure/cosmos` client, exactly as it
 * talks to Azure. In memory by default; with a data folder (`npm start`) every acknowledged write
 * survives a restart, even `kill -9`.
 *
 * It runs in a worker thread of its own. On one thread with the API, every store request and query
 * lengthened the API's event-loop turns; Node accepts one new connection per turn, so 200 clients
 * connecting at once waited seconds to be accepted. Apart from the thread it is the same store.
 */
import { Worker } from 'node:worker_threads';
import type { EmbeddedCosmos, EmbeddedCosmosOptions } from './embedded-cosmos-in-thread.js';
import type { FromWorker, ToWorker } from './embedded-cosmos-worker.js';

export { EMULATOR_KEY, type EmbeddedCosmos, type EmbeddedCosmosOptions } from './embedded-cosmos-in-thread.js';

/**
 * The worker's entry: imports embedded-cosmos-worker and runs it. From TypeScript sources (tests,
 * `tsx`) the worker registers tsx first; the built JavaScript needs nothing.
 */
function workerSource(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  const moduleUrl = new URL(`./embedded-cosmos-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  const load = `import(${JSON.stringify(moduleUrl)}).then((worker) => worker.runEmbeddedCosmosWorker())`;
  return fromSources ? `import('tsx/esm/api').then(({ register }) => { register(); return ${load}; })` : load;
}

export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions = {}): Promise<EmbeddedCosmos> {
  const worker = new Worker(workerSource(), { eval: true, workerData: options });
  const answers = new Map<number, { resolve(value: number | undefined): void; reject(error: Error): void }>();
  let nextId = 0;
  let closed = false;
  const ready = new Promise<Extract<FromWorker, { kind: 'ready' }>>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') resolve(message);
      else if (message.kind === 'failed') reject(new Error(message.message));
      else {
        const pending = answers.get(message.id);
        answers.delete(message.id);
        if (message.error) pending?.reject(new Error(message.error));
        else pending?.resolve(message.value);
      }
    });
    worker.on('error', (error) => {
      console.error('The embedded Cosmos DB failed:', error);
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!closed) console.error(`The embedded Cosmos DB stopped unexpectedly (exit code ${code}).`);
      reject(new Error(`The embedded Cosmos DB stopped (exit code ${code})`));
      for (const pending of answers.values()) pending.reject(new Error('The embedded Cosmos DB stopped'));
    });
  });
  const ask = (kind: ToWorker['kind']) =>
    new Promise<number | undefined>((resolve, reject) => {
      const id = (nextId += 1);
      answers.set(id, { resolve, reject });
      worker.postMessage({ id, kind } satisfies ToWorker);
    });

  let started: Extract<FromWorker, { kind: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    closed = true;
    await worker.terminate();
    throw error;
  }
  return {
    endpoint: started.endpoint,
    key: started.key,
    ...(started.restoredDocuments === undefined ? {} : { restoredDocuments: started.restoredDocuments }),
    openConnections: async () => (await ask('openConnections')) ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await ask('close');
      } finally {
        await worker.terminate();
      }
    },
  };
}
