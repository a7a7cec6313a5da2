/**
 * Every HTTP function runs inside a server span: its parent is the caller's W3C traceparent (the tab
 * sends one), so the trace that starts in the tab goes on through the API to Cosmos DB and Graph and
 * its id is in every problem+json (`traceId`, http/problem.ts). Records the request duration metric
 * and writes the local request log line.
 */
import { performance } from 'node:perf_hooks';
import type { HttpFunctionOptions, HttpHandler, HttpResponseInit } from '@azure/functions';
import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { extractTraceContext, meters, tracer } from './instruments.js';
import { logRequest } from './request-log.js';
import { runInTelemetryScope, type TelemetryScope } from './request-scope.js';

export function withHttpTelemetry(options: HttpFunctionOptions): HttpFunctionOptions {
  const route = `/api/${options.route ?? ''}`;
  const inner = options.handler;
  const handler: HttpHandler = async (request, invocation) => {
    const started = performance.now();
    const method = request.method.toUpperCase();
    // The caller's traceparent; without one, the Functions host's own trace context (Azure), if any.
    const hostTraceparent = invocation.traceContext?.traceParent;
    const carrier = request.headers.get('traceparent') || !hostTraceparent ? request.headers : new Headers({ traceparent: hostTraceparent });
    const parent = extractTraceContext(ROOT_CONTEXT, carrier);
    const span = tracer().startSpan(
      `${method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': route, 'faas.trigger': 'http', 'faas.name': invocation.functionName } },
      parent,
    );
    const scope: TelemetryScope = { operation: route, requestCharge: 0 };
    let status = 500;
    try {
      const response = await otelContext.with(trace.setSpan(parent, span), () => runInTelemetryScope(scope, () => inner(request, invocation)));
      status = (response as HttpResponseInit | undefined)?.status ?? 200;
      return response;
    } catch (error) {
      span.recordException(error instanceof Error ? { name: error.name, message: error.name } : String(typeof error));
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      span.setAttribute('http.response.status_code', status);
      span.setAttribute('los.cosmos.request_charge', scope.requestCharge);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const attributes = { 'http.request.method': method, 'http.route': route, 'http.response.status_code': status };
      meters().httpDuration.record(seconds, attributes);
      logRequest({ method, route, status, ms: seconds * 1000, traceId: span.spanContext().traceId });
    }
  };
  return { ...options, handler };
}
