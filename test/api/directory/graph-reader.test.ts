/**
 * How the directory sync reads Graph's answers: pages with their links, 429/503 with Retry-After
 * (seconds or a date) or none, an expired delta state (400 syncStateNotFound, or 410 Gone), 404, and
 * links that point anywhere but Graph (the app token never leaves). Against a loopback server that
 * answers as Graph does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDirectoryGraph, type DirectoryGraph } from '../../../api/src/directory/graph-reader.js';

let server: Server;
let graph: DirectoryGraph;
const seenTokens: string[] = [];

const ANSWERS: Record<string, { status: number; body?: unknown; headers?: Record<string, string> }> = {
  '/v1.0/page': { status: 200, body: { value: [{ id: 'u1' }, 'not an object'], '@odata.nextLink': 'next-link' } },
  '/v1.0/last': { status: 200, body: { value: [], '@odata.deltaLink': 'delta-link' } },
  '/v1.0/throttled': { status: 429, body: { error: { code: 'TooManyRequests' } }, headers: { 'retry-after': '7' } },
  '/v1.0/busy': { status: 503, body: { error: { code: 'ServiceUnavailable' } } },
  '/v1.0/expired': { status: 400, body: { error: { code: 'syncStateNotFound', message: 'The sync state generation is not found.' } } },
  '/v1.0/gone': { status: 410, body: { error: { code: 'resyncRequired' } } },
  '/v1.0/bad': { status: 400, body: { error: { code: 'BadRequest' } } },
  '/v1.0/missing': { status: 404, body: { error: { code: 'Request_ResourceNotFound' } } },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seenTokens.push(req.headers.authorization ?? '');
    const answer = ANSWERS[req.url ?? ''] ?? { status: 500 };
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  graph = createDirectoryGraph(base, { get: async () => 'app-token', invalidate: () => undefined });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const read = (path: string) => graph.get('tenant-1', `${graph.baseUrl}${path}`);

describe('a directory sync read of Graph', () => {
  it('hands over a page’s objects with its next or delta link', async () => {
    expect(await read('/v1.0/page')).toMatchObject({ kind: 'ok', values: [{ id: 'u1' }], nextLink: 'next-link', deltaLink: undefined });
    expect(await read('/v1.0/last')).toMatchObject({ kind: 'ok', values: [], nextLink: undefined, deltaLink: 'delta-link' });
    expect(seenTokens.at(-1)).toBe('Bearer app-token');
  });

  it('tells throttling (with its wait), an expired delta state, a missing resource and other failures apart', async () => {
    expect(await read('/v1.0/throttled')).toEqual({ kind: 'throttled', retryAfterMs: 7_000 });
    expect(await read('/v1.0/busy')).toEqual({ kind: 'throttled', retryAfterMs: undefined });
    expect(await read('/v1.0/expired')).toEqual({ kind: 'expired' });
    expect(await read('/v1.0/gone')).toEqual({ kind: 'expired' });
    expect(await read('/v1.0/missing')).toEqual({ kind: 'not_found' });
    expect(await read('/v1.0/bad')).toEqual({ kind: 'failed', detail: 'Graph answered 400 BadRequest' });
  });

  it('never follows a link elsewhere, and reads nothing without Graph settings', async () => {
    const before = seenTokens.length;
    expect(await graph.get('tenant-1', 'https://evil.example/v1.0/users/delta')).toMatchObject({ kind: 'failed' });
    expect(seenTokens.length).toBe(before);
    const unconfigured = createDirectoryGraph(graph.baseUrl, undefined);
    expect(unconfigured.configured).toBe(false);
    expect(await unconfigured.get('tenant-1', `${graph.baseUrl}/v1.0/page`)).toMatchObject({ kind: 'failed' });
    expect(seenTokens.length).toBe(before);
  });
});
