/**
 * Traces across the API: a request's server span continues the tab's traceparent, its Cosmos calls
 * are child spans carrying their request charge, problem+json quotes the trace id, timer runs are
 * root spans, and Graph calls (against the loopback fake) are spans whose traceparent Graph receives.
 */
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { installTestTelemetry, newTraceparent } from './telemetry-test-support.js';

const telemetry = installTestTelemetry();
let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack({ fakeM365: true });
});
afterAll(async () => api?.close());

const { tenant, people } = CONTOSO_IDS;
const serverSpan = (traceId: string) => telemetry.spans().find((span) => span.kind === SpanKind.SERVER && span.spanContext().traceId === traceId);
const childrenOf = (parent: ReadableSpan) => telemetry.spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('HTTP requests', () => {
  it('continue the caller’s trace, with child Cosmos spans that carry their RU and the tenant on the request span', async () => {
    const token = await api.tokenFor(tenant, people.aisha);
    const incoming = newTraceparent();
    const response = await api.request('GET', '/api/me/tasks', { token, headers: { traceparent: incoming.traceparent } });
    expect(response.status).toBe(200);

    const span = serverSpan(incoming.traceId);
    expect(span?.name).toBe('GET /api/me/tasks');
    expect(span?.parentSpanContext?.spanId).toBe(incoming.spanId);
    expect(span?.attributes['http.response.status_code']).toBe(200);
    expect(span?.attributes['http.route']).toBe('/api/me/tasks');
    expect(span?.attributes['los.tenant.id']).toBe(tenant);
    const cosmos = childrenOf(span!).filter((child) => child.attributes['db.system.name'] === 'azure.cosmosdb');
    expect(cosmos.length).toBeGreaterThan(0);
    for (const call of cosmos) {
      expect(call.spanContext().traceId).toBe(incoming.traceId);
      expect(call.kind).toBe(SpanKind.CLIENT);
      expect(call.attributes['azure.cosmosdb.operation.request_charge']).toBeGreaterThan(0);
    }
    const charged = cosmos.reduce((sum, call) => sum + Number(call.attributes['azure.cosmosdb.operation.request_charge']), 0);
    expect(span?.attributes['los.cosmos.request_charge']).toBe(charged);
  });

  it('record the request duration and the Cosmos charge by route as metrics', async () => {
    const token = await api.tokenFor(tenant, people.ben);
    expect((await api.request('GET', '/api/me/line-of-sight', { token })).status).toBe(200);
    const durations = await telemetry.histogram('http.server.request.duration');
    expect(durations.some((point) => point.attributes['http.route'] === '/api/me/line-of-sight' && point.attributes['http.response.status_code'] === 200)).toBe(true);
    const charges = await telemetry.histogram('los.cosmos.request_charge');
    const forRoute = charges.filter((point) => point.attributes['los.operation'] === '/api/me/line-of-sight');
    expect(forRoute.reduce((sum, point) => sum + (point.value.sum ?? 0), 0)).toBeGreaterThan(0);
  });

  it('quote the incoming trace id in problem+json, for refusals and for bad input alike', async () => {
    const unsigned = newTraceparent();
    const refused = await api.request<{ traceId?: string }>('GET', '/api/me/tasks', { headers: { traceparent: unsigned.traceparent } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.traceId).toBe(unsigned.traceId);

    const token = await api.tokenFor(tenant, people.chiara);
    const bad = newTraceparent();
    const invalid = await api.request<{ traceId?: string; code: string }>('POST', '/api/me/tasks', { token, json: { title: '' }, headers: { traceparent: bad.traceparent } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.traceId).toBe(bad.traceId);
  });

  it('start a trace of their own when the caller sent none (or a malformed one), and still quote it', async () => {
    const response = await api.request<{ traceId?: string }>('GET', '/api/me/tasks', { headers: { traceparent: 'not-a-traceparent' } });
    expect(response.status).toBe(401);
    expect(response.body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(serverSpan(response.body.traceId!)?.parentSpanContext).toBeUndefined();
  });
});

describe('timer runs and Graph calls', () => {
  it('are a root span per run, with Graph client spans whose traceparent the fake Graph received', async () => {
    const graph = api.stack.fakeM365!;
    const before = graph.requests.length;
    const timer = api.stack.timers.find((candidate) => candidate.name === 'directory-sync-timer')!;
    await timer.run();

    const run = telemetry.spans().filter((span) => span.name === 'timer directory-sync-timer').at(-1);
    expect(run).toBeDefined();
    expect(run?.parentSpanContext).toBeUndefined();
    const traceId = run!.spanContext().traceId;
    const graphSpans = telemetry.spans().filter((span) => span.spanContext().traceId === traceId && span.attributes['url.template'] !== undefined);
    expect(graphSpans.length).toBeGreaterThan(0);
    // Path templates only: no ids (or names in filters) in span names.
    for (const span of graphSpans) expect(span.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const received = graph.requests.slice(before).map((entry) => entry.traceparent);
    expect(received.length).toBeGreaterThan(0);
    const spanIds = new Set(graphSpans.map((span) => span.spanContext().spanId));
    for (const traceparent of received) {
      const [, receivedTraceId, parentId] = (traceparent ?? '').split('-');
      expect(receivedTraceId).toBe(traceId);
      expect(spanIds.has(parentId ?? '')).toBe(true);
    }
    // The run's Cosmos calls belong to the same trace.
    expect(telemetry.spans().some((span) => span.spanContext().traceId === traceId && span.attributes['db.system.name'] === 'azure.cosmosdb')).toBe(true);
  });

  it('put the drain’s figures on the outbox timer’s span (the dead-letter query reads them)', async () => {
    await api.stack.timers.find((candidate) => candidate.name === 'notifications-drain-timer')!.run();
    const run = telemetry.spans().filter((span) => span.name === 'timer notifications-drain-timer').at(-1);
    expect(run?.attributes['los.outbox.dead']).toBe(0);
    expect(typeof run?.attributes['los.outbox.sent']).toBe('number');
  });
});
