/**
 * A real loopback HTTP server publishing a JSON Web Key Set, standing in for Entra ID's
 * `discovery/v2.0/keys` endpoint. Tests can rotate the published keys, count fetches
 * and make the endpoint answer an error status.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

export interface TestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK as Entra publishes it: RSA, use=sig, a kid, no alg. */
  publicJwk: JWK;
}

export function createTestSigningKey(kid: string = `test-${randomUUID()}`): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicJwk: JWK = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

export interface JwksServer {
  /** Full URL of the key set, e.g. http://127.0.0.1:PORT/common/discovery/v2.0/keys */
  readonly url: string;
  /** Requests served for the key set so far (including failed ones). */
  readonly fetchCount: number;
  /** Replaces the published keys (key rotation). */
  publish(keys: readonly TestSigningKey[]): void;
  /** Answer every request with this status (e.g. 503) until called with null. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

const KEYS_PATH = '/common/discovery/v2.0/keys';

export async function startJwksServer(initialKeys: readonly TestSigningKey[]): Promise<JwksServer> {
  let published: readonly TestSigningKey[] = initialKeys;
  let failureStatus: number | null = null;
  let fetchCount = 0;

  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== KEYS_PATH) {
      response.writeHead(404).end();
      return;
    }
    fetchCount += 1;
    if (failureStatus !== null) {
      response.writeHead(failureStatus, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    const body = JSON.stringify({ keys: published.map((key) => key.publicJwk) });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  });
  // Fetch keeps connections alive; don't let an idle socket hold close() open.
  server.keepAliveTimeout = 1;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${KEYS_PATH}`,
    get fetchCount() {
      return fetchCount;
    },
    publish(keys) {
      published = keys;
    },
    failWith(status) {
      failureStatus = status;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
