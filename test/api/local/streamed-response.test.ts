/**
 * The local host sends a handler's stream body as it is produced (the tenant export relies on it), as
 * Azure Functions does with HTTP streams on: the client reads the first piece while the handler is
 * still holding back the rest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { writeFunctionsResponse } from '../../../api/src/local/node-http-bridge.js';

let server: Server | undefined;
afterEach(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('streams a Readable body chunk by chunk, without Content-Length', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server = createServer((_, res) => {
    const body = Readable.from((async function* () {
      yield Buffer.from('{"first":true');
      await held;
      yield Buffer.from(',"last":true}');
    })());
    void writeFunctionsResponse(res, { status: 200, headers: { 'Content-Type': 'application/json' }, body });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  expect(response.headers.get('content-length')).toBeNull();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  // The first piece arrives while the rest is still held back: nothing waits for the whole body.
  expect(decoder.decode((await reader.read()).value)).toBe('{"first":true');
  release();
  let rest = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) rest += decoder.decode(read.value, { stream: true });
  expect(JSON.parse(`{"first":true${rest}`)).toEqual({ first: true, last: true });
});

it('still sends ordinary bodies whole, with Content-Length', async () => {
  server = createServer((_, res) => void writeFunctionsResponse(res, { status: 200, body: 'hello' }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  expect(response.headers.get('content-length')).toBe('5');
  expect(await response.text()).toBe('hello');
});
