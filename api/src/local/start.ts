/**
 * `npm start`: the local stack on PORT (default 7071), with demo data and dev sign-in. The embedded
 * store and the dev signing key are kept in `.data/` (LOS_DATA_DIR names another folder), so data
 * and tokens survive a restart; `npm start -- --reset` starts afresh.
 */
import { relative, resolve } from 'node:path';
import { resetDataDir } from './local-data-dir.js';
import { seedIdentities } from './seed.js';
import { directoryIdentities } from './fake-m365/local-tenants.js';
import { startLocalStack, type LocalStack } from './stack.js';
import { findRepoRoot } from './static-files.js';
import { setRequestLogSink } from '../telemetry/request-log.js';

const USAGE = 'Usage: npm start [-- --reset]   (--reset deletes the kept data and starts afresh with the demo data)';

const port = Number(process.env.PORT ?? 7071);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--reset');
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(' ')}\n${USAGE}`);
  process.exit(1);
}

// COSMOS_ENDPOINT set: the emulator or an Azure account instead of the embedded store.
const externalCosmos = Boolean(process.env.COSMOS_ENDPOINT);
const repoRoot = findRepoRoot();
const dataDir = resolve(process.env.LOS_DATA_DIR?.trim() || resolve(repoRoot, '.data'));
const shownDataDir = relative(process.cwd(), dataDir).startsWith('..') ? dataDir : `${relative(process.cwd(), dataDir) || '.'}/`;

if (args.includes('--reset')) {
  const removed = await resetDataDir(dataDir);
  console.log(
    removed.length > 0
      ? `--reset: deleted ${removed.join(', ')} from ${shownDataDir}. Starting afresh: the demo data is written again and tokens issued before are no longer accepted.`
      : `--reset: ${shownDataDir} held no kept data. Starting afresh with the demo data.`,
  );
  if (externalCosmos) console.log(`  (COSMOS_ENDPOINT is set: the data in ${process.env.COSMOS_ENDPOINT} is not touched.)`);
}

let stack: LocalStack;
try {
  // Dev sign-in is an explicit opt-in: the stack sets LOS_DEV_AUTH=1 for it, and refuses on an Azure host or with NODE_ENV=production.
  stack = await startLocalStack({ port, externalCosmos, runTimers: true, devMode: true, dataDir, fakeM365: true });
} catch (error) {
  const code = (error as { code?: unknown }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop the other process or choose another port: PORT=7072 npm start`
      : `The local stack did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

function storeLine(started: LocalStack): string {
  const seeded = started.seededTenants.length > 0 ? `demo data written for ${started.seededTenants.join(' and ')}` : 'demo data already there, not rewritten';
  if (externalCosmos) return `${started.cosmos.endpoint} (external; ${seeded})`;
  const restored = started.cosmos.restoredDocuments ? `${started.cosmos.restoredDocuments} documents restored` : 'new store';
  return `${started.cosmos.endpoint} (embedded, kept in ${shownDataDir}: ${restored}; ${seeded})`;
}

const lines = [
  `Line of Sight is running at ${stack.url}`,
  `  Local Teams host page: ${stack.url}/`,
  `  Tab:                   ${stack.url}/tab/`,
  `  API:                   ${stack.url}/api/health`,
  `  Cosmos DB:             ${storeLine(stack)}`,
  `  Dev sign-in key:       kept in ${shownDataDir} (tokens stay valid across restarts)`,
  `  Fake Microsoft 365:    ${stack.fakeM365?.baseUrl ?? '-'} (Graph and Entra ID, local only; Northwind Traders has not set up the app yet)`,
  '  Start afresh:          npm start -- --reset',
  '',
  'Demo identities (pick one on the host page, or POST /dev/token {tenantId, userId}):',
  ...[...seedIdentities(), ...(stack.fakeM365 ? directoryIdentities(stack.fakeM365.directory) : [])].map(
    (identity) =>
      `  ${identity.displayName.padEnd(15)} ${identity.roles.join('/').padEnd(23)} ${identity.tenantName} · ${identity.teamName ?? '-'}  userId=${identity.userId}`,
  ),
  '',
  'Requests are logged below: method, route, status, duration, trace id. Spans and metrics: LOS_OTEL_EXPORTER=console (or otlp) npm start.',
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));
setRequestLogSink((line) => console.log(line));

// A clean stop finishes the requests in flight and writes a fresh snapshot of the store. Every
// acknowledged write is already on disk, so even a hard kill loses none.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping; the data stays in ${shownDataDir}`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('The local stack did not stop cleanly:', error);
        process.exit(1);
      },
    );
  });
}
