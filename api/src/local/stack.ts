/**
 * The whole product on one port, in one process: the Functions app's real registrations behind
 * a local host, an embedded Cosmos DB seeded with demo data, dev sign-in, the built tab at /tab/
 * and the local Teams host page at /. Used by `npm start`, the tests (port 0) and the benchmark.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pLimit from 'p-limit';
import { azureHostMarker, devSignInRefusal } from '../auth/auth-config.js';
import { COSMOS_CONNECTION_DEFAULTS, ensureContainers, positiveIntegerFrom, waitForCosmos } from '../data/cosmos-client.js';
import { problems } from '../http/problem.js';
import { getServices, resetServices, setServicesClock, type Clock } from '../services.js';
import { createDevEndpoints } from './dev-endpoints.js';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos.js';
import { createFunctionHost } from './function-host.js';
import { keptDevSigningKeyFile } from './local-data-dir.js';
import { installFunctionsCoreStandIn, registeredHttpFunctions } from './functions-core-stand-in.js';
import { writeFunctionsResponse } from './node-http-bridge.js';
import { seedDemoData, seedIdentities } from './seed.js';
import { localTimers, scheduleTimers, type LocalTimer } from './timer-runner.js';
import { findRepoRoot, localSites, serveStatic } from './static-files.js';
import type { FakeGraph } from './fake-m365/fake-graph.js';
import { directoryIdentities } from './fake-m365/local-tenants.js';
import { startLocalFakeM365, type StartedFakeM365 } from './fake-m365/local-fake-m365.js';

export interface LocalStackOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Write the demo tenants that are not in the store yet (default true). */
  seed?: boolean;
  /**
   * Keep the embedded store and the dev signing key in this folder across restarts (`npm start`
   * passes `.data/`). Default: none, a fresh in-memory store each time (tests, the benchmark).
   */
  dataDir?: string;
  /** Dev sign-in (/dev/* and locally signed tokens) and the local Teams host page; default true. */
  devMode?: boolean;
  /**
   * Use the Cosmos DB already named by COSMOS_ENDPOINT (+ COSMOS_KEY for the emulator, else Entra ID)
   * instead of starting the embedded one. `npm start` sets this when COSMOS_ENDPOINT is set.
   */
  externalCosmos?: boolean;
  /** Run timer-triggered functions on their schedule (`npm start`); default false (tests call `timers[i].run()`). */
  runTimers?: boolean;
  /** The API's clock (tests pass one with a fixed origin, so no outcome depends on today's date); default the system clock. */
  now?: Clock;
  /** Requests handled at once; more wait in arrival order (default DEFAULT_MAX_CONCURRENT_REQUESTS). */
  maxConcurrentRequests?: number;
  /**
   * Run the fake Microsoft 365 (Graph and Entra ID, fake-m365/) with the demo tenants and Northwind
   * Traders, and point the API's Graph settings at it (`npm start`). Default false: tests that need
   * Graph start their own fake.
   */
  fakeM365?: boolean;
}

/**
 * The local counterpart of the Functions host's per-instance HTTP concurrency: requests beyond it
 * wait in arrival order. Few requests in progress keep event-loop turns short, and Node accepts one
 * new connection per turn: with 32 in progress, 200 clients connecting at once waited up to ~17 s to
 * be accepted and some timed out; with 8, ~5-10 s on a loaded machine and none did, at the same
 * throughput (`npm run bench`, figures in the README).
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 8;

export interface LocalStack {
  url: string;
  cosmos: {
    endpoint: string;
    key: string;
    /** Documents read back from the data folder at start; undefined for an in-memory or external store. */
    restoredDocuments?: number;
    /** Connections open to the embedded store right now (benchmark); undefined for an external store. */
    openConnections?(): Promise<number>;
  };
  /** The demo tenants written at this start (none when the store already had them). */
  seededTenants: string[];
  /** The app's timer-triggered functions, e.g. the notification outbox drain. */
  timers: LocalTimer[];
  /** The fake Microsoft 365 the API talks to, when started with `fakeM365`. */
  fakeM365?: FakeGraph;
  close(): Promise<void>;
}

async function loadFunctionsApp() {
  // The stand-in must be in place before @azure/functions looks for the host (at the first app.http).
  installFunctionsCoreStandIn();
  await import('../index.js');
  return registeredHttpFunctions();
}

function externalCosmos(): EmbeddedCosmos {
  const endpoint = process.env.COSMOS_ENDPOINT;
  if (!endpoint) throw new Error('externalCosmos needs COSMOS_ENDPOINT');
  return { endpoint, key: process.env.COSMOS_KEY ?? '', close: async () => undefined };
}

/**
 * Timeouts of the local HTTP server: an idle keep-alive connection is closed after 10 s, a client
 * must send its headers within 15 s and its whole request within 60 s, so slow or stuck clients
 * cannot hold sockets forever.
 */
const LOCAL_SERVER_TIMEOUTS = { keepAliveTimeout: 10_000, headersTimeout: 15_000, requestTimeout: 60_000 };

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const devMode = options.devMode ?? true;
  const marker = azureHostMarker(process.env);
  if (marker) throw new Error(`The local stack refuses to run on an Azure host (${marker} is set).`);
  const refusal = devMode ? devSignInRefusal(process.env) : undefined;
  if (refusal) throw new Error(`The local stack refuses dev sign-in: ${refusal}. Start it without dev mode, or unset NODE_ENV.`);
  const cosmos = options.externalCosmos ? externalCosmos() : await startEmbeddedCosmos({ dataDir: options.dataDir });
  let fakeM365: StartedFakeM365 | undefined;
  try {
    if (options.fakeM365) fakeM365 = await startLocalFakeM365(options.dataDir);
    if (!options.externalCosmos) {
      process.env.COSMOS_ENDPOINT = cosmos.endpoint;
      process.env.COSMOS_KEY = cosmos.key;
      // The embedded server's certificate is self-signed; only this stack trusts it.
      process.env.LOS_COSMOS_ALLOW_SELF_SIGNED = '1';
    }
    if (devMode) process.env.LOS_DEV_AUTH = '1';
    else delete process.env.LOS_DEV_AUTH;
    // Tokens signed before a restart stay valid when the key is kept in the data folder.
    if (devMode && options.dataDir) process.env.LOS_DEV_SIGNING_KEY_FILE = await keptDevSigningKeyFile(options.dataDir);
    else delete process.env.LOS_DEV_SIGNING_KEY_FILE;
    setServicesClock(options.now);
    const services = getServices();
    // A store that accepts connections but never answers fails start-up with a message, not a hang.
    const startupTimeoutMs = positiveIntegerFrom(process.env, 'COSMOS_STARTUP_TIMEOUT_MS', COSMOS_CONNECTION_DEFAULTS.startupTimeoutMs);
    await waitForCosmos(services.cosmos, cosmos.endpoint, startupTimeoutMs);
    // In Azure the containers come from infra/ and the identity has data-plane rights only.
    if (!options.externalCosmos || process.env.COSMOS_KEY) await ensureContainers(services.cosmos);
    const seededTenants = (options.seed ?? true) ? await seedDemoData(services.cosmos, services.now()) : [];

    const registrations = await loadFunctionsApp();
    const functionHost = createFunctionHost(registrations);
    const timers = localTimers(registrations);
    const issuer = services.auth.devTokenIssuer;
    // The fake Entra ID's on-behalf-of grant accepts the SSO tokens this API accepts, and only those.
    if (fakeM365 && issuer) fakeM365.graph.trustUserTokens({ jwks: issuer.jwks, issuerTemplate: issuer.issuerTemplate, audience: issuer.clientId });
    const fakeDirectory = fakeM365?.graph.directory;
    const identities = () => [...seedIdentities(), ...(fakeDirectory ? directoryIdentities(fakeDirectory) : [])];
    const devEndpoints = devMode && issuer ? createDevEndpoints(identities, issuer) : undefined;
    const sites = localSites(findRepoRoot());

    const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = (req.method ?? 'GET').toUpperCase();
      if (path === '/api' || path.startsWith('/api/')) return functionHost(req, res, path.slice('/api'.length));
      if (path.startsWith('/dev/')) {
        if (devEndpoints) return devEndpoints(req, res, path);
        return writeFunctionsResponse(res, problems.notFound());
      }
      if (path === '/tab') {
        res.writeHead(308, { Location: '/tab/' }).end();
        return;
      }
      if (path.startsWith('/tab/')) return serveStatic(res, sites.tab, path.slice('/tab/'.length), method, req.headers['accept-encoding']);
      if (devMode) return serveStatic(res, sites.devHost, path.slice(1), method, req.headers['accept-encoding']);
      return writeFunctionsResponse(res, problems.notFound());
    };

    // At most this many requests are handled at once; the others wait their turn in arrival order.
    const admit = pLimit(options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS);
    // Requests still being handled when close() is called finish before Cosmos goes away.
    const inFlight = new Set<Promise<void>>();
    const server = createServer(LOCAL_SERVER_TIMEOUTS, (req, res) => {
      // A client that left while its request waited gets nothing: no work, no error.
      const clientGone = () => req.socket.destroyed;
      const handling = admit(() => (clientGone() ? Promise.resolve() : route(req, res)))
        .catch((error: unknown) => {
          if (clientGone()) return;
          console.error('Local host error', error);
          if (!res.headersSent) void writeFunctionsResponse(res, problems.internal());
          else res.destroy();
        })
        .finally(() => inFlight.delete(handling));
      inFlight.add(handling);
    });
    // Loopback only: dev sign-in must never be reachable from the network.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const stopTimers = options.runTimers ? scheduleTimers(timers) : async () => undefined;

    return {
      url: `http://localhost:${port}`,
      cosmos: {
        endpoint: cosmos.endpoint,
        key: cosmos.key,
        ...(cosmos.restoredDocuments === undefined ? {} : { restoredDocuments: cosmos.restoredDocuments }),
        ...(cosmos.openConnections ? { openConnections: cosmos.openConnections } : {}),
      },
      seededTenants,
      timers,
      ...(fakeM365 ? { fakeM365: fakeM365.graph } : {}),
      async close() {
        await stopTimers();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await closed;
        resetServices();
        await cosmos.close();
        await fakeM365?.close();
      },
    };
  } catch (error) {
    resetServices();
    await cosmos.close();
    await fakeM365?.close();
    throw error;
  }
}
