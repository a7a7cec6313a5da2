/**
 * A Cosmos DB endpoint that accepts connections and never answers fails start-up with a clear
 * message (instead of hanging silently). The wait is shortened with COSMOS_STARTUP_TIMEOUT_MS.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../../api/src/local/stack.js';

const VARIABLES = ['COSMOS_ENDPOINT', 'COSMOS_KEY', 'COSMOS_STARTUP_TIMEOUT_MS', 'COSMOS_REQUEST_TIMEOUT_MS', 'LOS_COSMOS_ALLOW_SELF_SIGNED'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
const sockets = new Set<Socket>();
let silent: Server;
let accepted = 0;

beforeAll(async () => {
  // Accepts every connection, reads nothing, answers nothing (not even the TLS handshake).
  silent = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe('start-up against a Cosmos DB that never answers', () => {
  it('fails with a message naming the endpoint and what to check', async () => {
    const endpoint = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    process.env.COSMOS_ENDPOINT = endpoint;
    process.env.COSMOS_KEY = 'not-a-real-key';
    process.env.LOS_COSMOS_ALLOW_SELF_SIGNED = '1';
    process.env.COSMOS_STARTUP_TIMEOUT_MS = '1500';

    await expect(startLocalStack({ port: 0, externalCosmos: true })).rejects.toThrow(
      `Cosmos DB at ${endpoint} did not answer within 1.5 s. Check that COSMOS_ENDPOINT names a running Cosmos DB`,
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
