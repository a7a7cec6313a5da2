/**
 * `npm start`: the local stack on PORT (default 7071), with demo data and dev sign-in.
 */
import { seedIdentities } from './seed.js';
import { startLocalStack, type LocalStack } from './stack.js';

const port = Number(process.env.PORT ?? 7071);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}

// COSMOS_ENDPOINT set: the emulator or an Azure account instead of the embedded store.
const externalCosmos = Boolean(process.env.COSMOS_ENDPOINT);

let stack: LocalStack;
try {
  // Dev sign-in is an explicit opt-in: the stack sets LOS_DEV_AUTH=1 for it, and refuses on an Azure host or with NODE_ENV=production.
  stack = await startLocalStack({ port, externalCosmos, runTimers: true, devMode: true });
} catch (error) {
  const code = (error as { code?: unknown }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use. Stop the other process or choose another port: PORT=7072 npm start`
      : `The local stack did not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const lines = [
  `Line of Sight is running at ${stack.url}`,
  `  Local Teams host page: ${stack.url}/`,
  `  Tab:                   ${stack.url}/tab/`,
  `  API:                   ${stack.url}/api/health`,
  `  Cosmos DB:             ${stack.cosmos.endpoint} (${externalCosmos ? '' : 'embedded, in memory; '}demo data written at every start)`,
  '',
  'Demo identities (pick one on the host page, or POST /dev/token {tenantId, userId}):',
  ...seedIdentities().map(
    (identity) =>
      `  ${identity.displayName.padEnd(15)} ${identity.roles.join('/').padEnd(23)} ${identity.tenantName} · ${identity.teamName ?? '-'}  userId=${identity.userId}`,
  ),
  '',
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stack.close().then(() => process.exit(0));
  });
}
