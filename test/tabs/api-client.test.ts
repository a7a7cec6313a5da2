import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { taskListSchema } from '@contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../tabs/src/app/api-client';
import { loadOutcomeOf } from '../../tabs/src/features/line-of-sight/hooks/use-line-of-sight';

// A real HTTP server with canned answers: the client is exercised over the wire, headers and all.
let server: Server;
let baseUrl: string;
let lastRequest: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string } | undefined;

const answers: Record<string, { status: number; type: string; body: string }> = {
  '/api/me/tasks': { status: 200, type: 'application/json', body: JSON.stringify({ tasks: [] }) },
  '/api/invalid': {
    status: 400,
    type: 'application/problem+json',
    body: JSON.stringify({
      type: 'https://line-of-sight.example/problems/validation_failed',
      title: 'The request is not valid',
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'title', message: 'Keep this under 200 characters' }],
    }),
  },
  '/api/stale': {
    status: 412,
    type: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'The task changed', status: 412, code: 'precondition_failed' }),
  },
  '/api/broken': { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' },
  '/api/odd': { status: 200, type: 'application/json', body: JSON.stringify({ tasks: 'not a list' }) },
  '/api/gone': { status: 204, type: 'text/plain', body: '' },
  '/api/export': { status: 200, type: 'text/csv', body: 'type,title\nstrategy,A\n' },
  '/api/stale-strategy': {
    status: 412,
    type: 'application/problem+json',
    body: JSON.stringify({ type: 'about:blank', title: 'Changed', status: 412, code: 'precondition_failed', current: { id: 's1', title: 'Theirs', etag: '"7"' } }),
  },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      lastRequest = { method: request.method, url: request.url, headers: request.headers, body };
      const answer = answers[request.url ?? ''] ?? { status: 404, type: 'text/plain', body: 'no' };
      const attachment = request.url === '/api/export' ? { 'content-disposition': 'attachment; filename="strategy-map.csv"' } : {};
      response.writeHead(answer.status, { 'content-type': answer.type, ...attachment });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createApiClient({ baseUrl, getToken: async () => 'token-123' });

describe('createApiClient', () => {
  it('sends the Teams token as a bearer token and parses the answer with the contract schema', async () => {
    await expect(client().request('/api/me/tasks', taskListSchema)).resolves.toEqual({ tasks: [] });
    expect(lastRequest?.headers.authorization).toBe('Bearer token-123');
  });

  it('sends JSON bodies and If-Match for changes', async () => {
    await client().send('/api/gone', { method: 'PATCH', body: { title: 'New title' }, ifMatch: '"etag-1"' });
    expect(lastRequest).toMatchObject({ method: 'PATCH', body: '{"title":"New title"}' });
    expect(lastRequest?.headers['if-match']).toBe('"etag-1"');
    expect(lastRequest?.headers['content-type']).toBe('application/json');
  });

  it('turns problem details into an ApiError with field errors', async () => {
    const error = await client().send('/api/invalid', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'validation_failed', fieldErrors: { title: 'Keep this under 200 characters' } });
  });

  it('keeps the status of a stale change so the tab can say someone else changed it', async () => {
    const error = await client().send('/api/stale', { method: 'DELETE', ifMatch: '"old"' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed' });
  });

  it('copes with an error page that is not problem details', async () => {
    const error = await client().send('/api/broken').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'http', status: 502, code: 'http' });
  });

  it('rejects a 2xx answer that breaks the contract', async () => {
    const error = await client().request('/api/odd', taskListSchema).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'response', status: 200 });
  });

  it('reports a missing token as a sign-in failure, without calling the API', async () => {
    lastRequest = undefined;
    const noToken = createApiClient({ baseUrl, getToken: () => Promise.reject(new Error('consent_required')) });
    const error = await noToken.send('/api/me/tasks').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'sign-in' });
    expect(lastRequest).toBeUndefined();
    expect(loadOutcomeOf(error as ApiError)).toMatchObject({ ok: false, reason: 'auth' });
  });

  it('reports an unreachable API as a network failure', async () => {
    const nowhere = createApiClient({ baseUrl: 'http://127.0.0.1:1', getToken: async () => 't' });
    const error = await nowhere.send('/api/me/tasks').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(loadOutcomeOf(error as ApiError)).toMatchObject({ ok: false, reason: 'other' });
  });

  it('sends a file as is with its own content type, and downloads an attachment under its name', async () => {
    await client().send('/api/gone', { method: 'POST', rawBody: { contentType: 'text/csv', text: 'type,title\n' } });
    expect(lastRequest).toMatchObject({ method: 'POST', body: 'type,title\n' });
    expect(lastRequest?.headers['content-type']).toBe('text/csv');
    const file = await client().download('/api/export');
    expect(file.filename).toBe('strategy-map.csv');
    expect(await file.blob.text()).toBe('type,title\nstrategy,A\n');
  });

  it('keeps the current version a 412 answers with, whatever kind of document it is', async () => {
    const error = await client().send('/api/stale-strategy', { method: 'PATCH', body: {}, ifMatch: '"1"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).current).toEqual({ id: 's1', title: 'Theirs', etag: '"7"' });
  });
});
