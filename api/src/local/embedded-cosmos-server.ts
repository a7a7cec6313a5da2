/**
 * The HTTPS front of the embedded Cosmos DB: @vercel/cosmosdb-server's own routes and handlers,
 * behind a request handler of ours instead of the package's (lib/index.js), so the local stack
 * owns three things the package keeps to itself:
 * - the in-memory account (to restore it from and save it to `.data/`),
 * - the moment a response is sent (it waits until the change it reports is durable),
 * - which handlers run (the batch and query handlers are replaced, see the patch modules),
 * plus the server's timeouts. Responses carry the same headers as the package's.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { requireFromServer, serverModule, type AccountModel, type ServerHandler } from './embedded-cosmos-internals.js';

type Route = [Record<string, string>, ServerHandler];

const Account = serverModule<new (host: string, port: number) => AccountModel>('account');
const routeOf = serverModule<(req: IncomingMessage) => Route | undefined>('routes');
/** The server's handlers by module name, to say which one to replace. */
export const serverHandler = (name: string) => serverModule<ServerHandler>(`handler/${name}`);

/**
 * Idle keep-alive connections are closed after 5 minutes only. Client and server share one process
 * here: when the server closed an idle socket (Node's default is after 5 s), a busy event loop could
 * hand that socket to a new request before the client had seen the close, and the request failed
 * with `read ECONNRESET` (seen in the notification drain tests on a loaded machine). The API's own
 * client closes its idle sockets after COSMOS_IDLE_SOCKET_MS (20 s), long before; the 5 minutes only
 * reap the sockets of clients that never close theirs (test and bench clients).
 */
export const EMBEDDED_KEEP_ALIVE_MS = 5 * 60_000;

export interface EmbeddedServerOptions {
  /** Handlers to run instead of the server's own (key: the server's handler). */
  replacements: ReadonlyMap<ServerHandler, ServerHandler>;
  /** Called once, when the server listens and its (empty) account exists. */
  onAccount(account: AccountModel): void;
  /** Settles once every change made so far is durable; each response waits for it. */
  durable?: () => Promise<void>;
}

const QUERY_METRICS =
  'totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;queryPhysicalPlanBuildTimeInMs=0.00;' +
  'queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;' +
  'userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=0;retrievedDocumentSize=0;outputDocumentCount=1;outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=0.00';

async function handle(account: AccountModel, req: IncomingMessage, res: ServerResponse, options: EmbeddedServerOptions): Promise<void> {
  const route = routeOf(req);
  let body: { message?: string; _etag?: string } | undefined;
  if (route) {
    const [params, own] = route;
    const handler = options.replacements.get(own) ?? own;
    try {
      body = (await handler(account, req, res, params)) as typeof body;
    } catch (error) {
      console.error(error);
      body = { message: (error as Error).message };
      res.statusCode = 500;
    }
    if (res.statusCode > 399 && body && !body.message) body.message = '';
  } else {
    res.statusCode = 400;
    body = { message: 'no route' };
  }
  try {
    await options.durable?.();
  } catch (error) {
    // The change is in memory but not on disk: never report it as done.
    console.error('The embedded Cosmos DB could not write its journal:', error);
    res.statusCode = 503;
    body = { message: `The local store could not save the change: ${(error as Error).message}` };
  }
  if (body?._etag) res.setHeader('etag', body._etag);
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-location', `https://${req.headers.host}${req.url}`);
  res.setHeader('x-ms-activity-id', randomUUID());
  res.setHeader('x-ms-request-charge', '1');
  if (req.headers['x-ms-documentdb-populatequerymetrics']) res.setHeader('x-ms-documentdb-query-metrics', QUERY_METRICS);
  if (req.headers['a-im'] && res.statusCode === 200) {
    if (req.headers['if-none-match']) res.statusCode = 304;
    res.setHeader('etag', '1');
  }
  res.end(JSON.stringify(body));
}

export function createEmbeddedCosmosServer(options: EmbeddedServerOptions): https.Server {
  const packageLib = dirname(requireFromServer.resolve('@vercel/cosmosdb-server'));
  let account: AccountModel | undefined;
  const server = https.createServer(
    {
      cert: readFileSync(join(packageLib, '..', 'cert.pem')),
      key: readFileSync(join(packageLib, '..', 'key.pem')),
      // HTTP keep-alive (Node's default; the package answered `connection: close` unless asked):
      // without it every request pays a TLS handshake and throughput drops ~7x.
      keepAliveTimeout: EMBEDDED_KEEP_ALIVE_MS,
      headersTimeout: 20_000,
      requestTimeout: 60_000,
    },
    (req, res) => {
      if (!account) {
        res.writeHead(503).end();
        return;
      }
      handle(account, req, res, options).catch((error: unknown) => {
        console.error(error);
        if (!res.writableEnded) res.writeHead(500).end('');
      });
    },
  );
  server.on('listening', () => {
    const address = server.address();
    if (!address || typeof address !== 'object') throw new Error(`Unexpected address: ${String(address)}`);
    const host = address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
    account = new Account(host, address.port);
    options.onAccount(account);
  });
  return server;
}
