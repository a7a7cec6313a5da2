/**
 * The tab's trace context and error reports, over real HTTP: every call sends a W3C traceparent
 * (its tries share the trace, each with a new span), a failed call's ApiError carries the trace id,
 * and the error reporter posts what failed — with that trace id, no message, once, capped per page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { taskListSchema } from '@contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from '../../tabs/src/app/api-client';
import { framesOf, installErrorReporter, MAX_REPORTS } from '../../tabs/src/app/error-reporter';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
let server: Server;
let baseUrl: string;
let seen: { url: string; traceparent: string; body: string }[] = [];
let flakyTries = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const traceparent = String(request.headers.traceparent ?? '');
      seen.push({ url: request.url ?? '', traceparent, body });
      const traceId = TRACEPARENT.exec(traceparent)?.[1];
      const problem = (status: number, code: string) => {
        response.writeHead(status, { 'content-type': 'application/problem+json' });
        // As the API does: the incoming trace id in problem+json.
        response.end(JSON.stringify({ type: `https://lineofsight.app/problems/${code}`, title: code, status, code, traceId }));
      };
      if (request.url === '/api/flaky' && (flakyTries += 1) === 1) return problem(503, 'unavailable');
      if (request.url === '/api/fail') return problem(500, 'internal_error');
      if (request.url === '/api/refused') return problem(403, 'forbidden');
      response.writeHead(request.url === '/api/client-errors' ? 202 : 200, { 'content-type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  flakyTries = 0;
});

const client = () => createApiClient({ baseUrl, getToken: async () => 't', wait: async () => undefined });
const reports = () => seen.filter((request) => request.url === '/api/client-errors').map((request) => ({ ...request, report: JSON.parse(request.body) as Record<string, unknown> }));

describe('traceparent', () => {
  it('is sent with every call: a new trace per call, one trace across its retries with a new span each try', async () => {
    await client().send('/api/ok');
    await client().send('/api/ok');
    const [first, second] = seen.map((request) => TRACEPARENT.exec(request.traceparent));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(first![1]).not.toBe(second![1]);

    seen = [];
    await client().send('/api/flaky');
    expect(seen).toHaveLength(2);
    const tries = seen.map((request) => TRACEPARENT.exec(request.traceparent)!);
    expect(tries[0]![1]).toBe(tries[1]![1]);
    expect(tries[0]![2]).not.toBe(tries[1]![2]);
  });

  it('is the trace id a failed call’s ApiError carries', async () => {
    const error = (await client().send('/api/fail').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    const sentTraceIds = new Set(seen.map((request) => TRACEPARENT.exec(request.traceparent)![1]));
    expect(sentTraceIds.size).toBe(1);
    expect(error.traceId).toBe([...sentTraceIds][0]);
    expect(error.problem?.traceId).toBe(error.traceId);

    // An answer the tab cannot read carries the trace of the call too.
    seen = [];
    const unreadable = (await client().request('/api/ok', taskListSchema).catch((e: unknown) => e)) as ApiError;
    expect(unreadable.kind).toBe('response');
    expect(unreadable.traceId).toBe(TRACEPARENT.exec(seen[0]!.traceparent)![1]);
  });
});

describe('the error reporter', () => {
  it('reports a server-side failure in the failed call’s trace, without any message, and not a refusal', async () => {
    const api = client();
    const page = new EventTarget();
    const stop = installErrorReporter(api, page as unknown as Window, () => '/tab/#/home');
    try {
      const failed = (await api.send('/api/fail').catch((e: unknown) => e)) as ApiError;
      await api.send('/api/refused').catch(() => undefined);
      await expect.poll(() => reports().length).toBe(1);
      const [sent] = reports();
      expect(sent!.report).toMatchObject({ kind: 'api', name: 'ApiError', code: 'internal_error', status: 500, route: '/tab/#/home', traceId: failed.traceId });
      expect(TRACEPARENT.exec(sent!.traceparent)![1]).toBe(failed.traceId);
      expect(sent!.body).not.toContain('internal_error"}'); // no problem body echoed
      expect(Object.keys(sent!.report)).not.toContain('message');
    } finally {
      stop();
    }
  });

  it('reports uncaught errors by name and frames only, each once, at most MAX_REPORTS per page', async () => {
    const page = new EventTarget();
    const stop = installErrorReporter(client(), page as unknown as Window, () => '/tab/#/home');
    try {
      const error = new TypeError('Cannot read the title "Aisha’s secret plan"');
      error.stack = `TypeError: Cannot read the title "Aisha’s secret plan"\n    at render (https://app.example/tab/assets/home.js?v=1:1:200)`;
      const uncaught = Object.assign(new Event('error'), { error });
      page.dispatchEvent(uncaught);
      page.dispatchEvent(uncaught);
      await expect.poll(() => reports().length).toBe(1);
      expect(reports()[0]!.report).toEqual({ kind: 'unhandled', name: 'TypeError', route: '/tab/#/home', stack: 'at render (https://app.example/tab/assets/home.js:1:200)' });
      expect(reports()[0]!.body).not.toContain('secret');

      for (let i = 0; i < MAX_REPORTS + 5; i += 1) {
        const distinct = new RangeError('x');
        distinct.name = `Error${i}`;
        page.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: distinct }));
      }
      await expect.poll(() => reports().length).toBe(MAX_REPORTS);
    } finally {
      stop();
    }
  });

  it('keeps stack frames only', () => {
    expect(framesOf('Error: a message\n    at f (a.js:1:2)\n    at g (b.js?x=1:3:4)')).toBe('at f (a.js:1:2)\nat g (b.js:3:4)');
    expect(framesOf(undefined)).toBeUndefined();
  });
});
