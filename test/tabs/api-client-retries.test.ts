import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createActionKeys, newIdempotencyKey } from '../../tabs/src/app/action-keys';
import { ApiError, createApiClient, type ApiClient } from '../../tabs/src/app/api-client';
import { DEFAULT_RETRY_POLICY, isRetryable, retryAfterMs, retryDelayMs } from '../../tabs/src/app/retry-policy';

// A real HTTP server that plays a script per path (one answer per request, the last one repeating):
// the client's retries and Idempotency-Keys are checked over the wire.
type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'drop';
let server: Server;
let baseUrl: string;
let scripts: Record<string, Answer[]> = {};
let seen: { method: string; url: string; key: string | undefined; body: string }[] = [];

const problem = (status: number, code: string) => ({ type: `https://lineofsight.app/problems/${code}`, title: code, status, code });

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const header = request.headers['idempotency-key'];
      seen.push({ method: request.method ?? '', url: request.url ?? '', key: Array.isArray(header) ? header[0] : header, body });
      const script = scripts[request.url ?? ''] ?? [{ status: 404 }];
      const answer = script.length > 1 ? script.shift()! : script[0]!;
      if (answer === 'drop') return request.socket.destroy();
      const isProblem = answer.status >= 400;
      response.writeHead(answer.status, { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...answer.headers });
      response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let waits: number[];
let client: ApiClient;
beforeEach(() => {
  scripts = {};
  seen = [];
  waits = [];
  // Its own action memory and a wait that records instead of sleeping: no test depends on timing.
  client = createApiClient({ baseUrl, getToken: async () => 'token', actionKeys: createActionKeys(), wait: async (ms) => void waits.push(ms) });
});

const created = { status: 201, body: { id: 't1' } };
const keysOf = (url: string) => seen.filter((request) => request.url === url).map((request) => request.key);

describe('Idempotency-Key on POST', () => {
  it('sends a fresh key with each action, and none with other methods', async () => {
    scripts['/api/things'] = [created];
    await client.send('/api/things', { method: 'POST', body: { name: 'A' } });
    await client.send('/api/things', { method: 'POST', body: { name: 'A' } });
    await client.send('/api/things', { method: 'PATCH', body: { name: 'A' } });
    const [first, second, patch] = keysOf('/api/things');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(patch).toBeUndefined();
  });

  it('sends the key a caller passes', async () => {
    scripts['/api/things'] = [created];
    await client.send('/api/things', { method: 'POST', body: {}, idempotencyKey: 'my-action-1' });
    expect(keysOf('/api/things')).toEqual(['my-action-1']);
  });

  it('retries a dropped connection, a 503 and a 409 idempotency_in_progress with the same key', async () => {
    scripts['/api/things'] = ['drop', { status: 503, body: problem(503, 'unavailable') }, created];
    await client.send('/api/things', { method: 'POST', body: { name: 'A' } });
    scripts['/api/others'] = [{ status: 409, headers: { 'retry-after': '1' }, body: problem(409, 'idempotency_in_progress') }, created];
    await client.send('/api/others', { method: 'POST', body: {} });

    const keys = keysOf('/api/things');
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(new Set(keysOf('/api/others')).size).toBe(1);
    expect(keysOf('/api/others')).toHaveLength(2);
  });

  it('honours Retry-After of a 429, and backs off by itself otherwise', async () => {
    scripts['/api/limited'] = [{ status: 429, headers: { 'retry-after': '2' }, body: problem(429, 'rate_limited') }, { status: 503 }, created];
    await client.send('/api/limited', { method: 'POST', body: {} });
    expect(waits).toEqual([2000, DEFAULT_RETRY_POLICY.baseDelayMs * 2]);
  });

  it('gives up after three tries, or at once when Retry-After is longer than it waits', async () => {
    scripts['/api/down'] = [{ status: 503, body: problem(503, 'unavailable') }];
    const error = await client.send('/api/down', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(keysOf('/api/down')).toHaveLength(3);

    scripts['/api/later'] = [{ status: 429, headers: { 'retry-after': '3600' }, body: problem(429, 'rate_limited') }];
    expect(await client.send('/api/later', { method: 'POST', body: {} }).catch((e: unknown) => e)).toMatchObject({ status: 429 });
    expect(keysOf('/api/later')).toHaveLength(1);
  });

  it('does not repeat a change that may have run (PATCH after a 503), nor a refusal', async () => {
    scripts['/api/task'] = [{ status: 503, body: problem(503, 'unavailable') }, created];
    expect(await client.send('/api/task', { method: 'PATCH', body: {}, ifMatch: '"1"' }).catch((e: unknown) => e)).toBeInstanceOf(ApiError);
    scripts['/api/invalid'] = [{ status: 400, body: problem(400, 'validation_failed') }, created];
    expect(await client.send('/api/invalid', { method: 'POST', body: {} }).catch((e: unknown) => e)).toMatchObject({ status: 400 });
    expect(seen.map((request) => request.url)).toEqual(['/api/task', '/api/invalid']);
  });
});

describe('the key of an action that got no definite answer', () => {
  it('is reused when the person sends the same request again, until it succeeds', async () => {
    scripts['/api/things'] = ['drop'];
    await expect(client.send('/api/things', { method: 'POST', body: { name: 'A' } })).rejects.toMatchObject({ kind: 'network' });
    scripts['/api/things'] = [created];
    await client.send('/api/things', { method: 'POST', body: { name: 'A' } }); // the resubmit: same action
    await client.send('/api/things', { method: 'POST', body: { name: 'A' } }); // after success: a new action
    const keys = keysOf('/api/things');
    expect(keys).toHaveLength(5);
    expect(new Set(keys.slice(0, 4)).size).toBe(1);
    expect(keys[4]).not.toBe(keys[0]);
  });

  it('is not reused for a different request, nor after a definite refusal', async () => {
    scripts['/api/things'] = ['drop'];
    await expect(client.send('/api/things', { method: 'POST', body: { name: 'A' } })).rejects.toMatchObject({ kind: 'network' });
    scripts['/api/things'] = [{ status: 400, body: problem(400, 'validation_failed') }];
    await expect(client.send('/api/things', { method: 'POST', body: { name: 'B' } })).rejects.toMatchObject({ status: 400 });
    await expect(client.send('/api/things', { method: 'POST', body: { name: 'B' } })).rejects.toMatchObject({ status: 400 });
    const keys = keysOf('/api/things');
    expect(keys).toHaveLength(5);
    expect(keys[3]).not.toBe(keys[0]);
    expect(keys[4]).not.toBe(keys[3]);
  });

  it('is shared by two identical requests at once (a double click)', async () => {
    scripts['/api/things'] = [created];
    await Promise.all([client.send('/api/things', { method: 'POST', body: { name: 'A' } }), client.send('/api/things', { method: 'POST', body: { name: 'A' } })]);
    expect(new Set(keysOf('/api/things')).size).toBe(1);
  });
});

describe('retry policy', () => {
  it('retries reads and POSTs when there was no definite answer, any method after 429', () => {
    expect(isRetryable('GET', { kind: 'network' })).toBe(true);
    expect(isRetryable('POST', { kind: 'status', status: 504, code: 'http', retryAfter: null })).toBe(true);
    expect(isRetryable('PUT', { kind: 'status', status: 429, code: 'rate_limited', retryAfter: '1' })).toBe(true);
    expect(isRetryable('DELETE', { kind: 'network' })).toBe(false);
    expect(isRetryable('POST', { kind: 'status', status: 409, code: 'busy', retryAfter: null })).toBe(false);
    expect(isRetryable('POST', { kind: 'status', status: 500, code: 'internal_error', retryAfter: null })).toBe(false);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('stops after the last try', () => {
    const failure = { kind: 'network' } as const;
    expect([2, 3, 4].map((attempt) => retryDelayMs(DEFAULT_RETRY_POLICY, 'POST', failure, attempt, 0))).toEqual([300, 600, undefined]);
  });

  it('makes keys that are UUIDs, also without crypto.randomUUID', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const randomUUID = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
