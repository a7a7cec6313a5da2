/**
 * The app's tracer and metric instruments, and the W3C trace-context codec. They resolve through the
 * OpenTelemetry API's globals, so whichever provider telemetry/setup.ts (or a test) installed gets
 * the spans and measurements; before one is installed they are no-ops.
 */
import { metrics, trace, type Context, type SpanContext } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

export const INSTRUMENTATION_SCOPE = 'line-of-sight';

export const tracer = () => trace.getTracer(INSTRUMENTATION_SCOPE);

/** Our own codec, not the global propagator: traceparent is read and written even when exporting is off. */
export const traceContext = new W3CTraceContextPropagator();

let instruments: ReturnType<typeof createInstruments> | undefined;

function createInstruments() {
  const meter = metrics.getMeter(INSTRUMENTATION_SCOPE);
  return {
    httpDuration: meter.createHistogram('http.server.request.duration', { unit: 's', description: 'Duration of HTTP requests the API answered.' }),
    cosmosCharge: meter.createHistogram('los.cosmos.request_charge', { unit: '{RU}', description: 'Request units charged by each Cosmos DB request.' }),
    cosmosDuration: meter.createHistogram('db.client.operation.duration', { unit: 's', description: 'Duration of Cosmos DB requests.' }),
    graphDuration: meter.createHistogram('los.graph.request.duration', { unit: 's', description: 'Duration of Microsoft Graph and Entra ID calls.' }),
    timerDuration: meter.createHistogram('los.timer.duration', { unit: 's', description: 'Duration of timer-triggered runs.' }),
    clientErrors: meter.createCounter('los.client.errors', { description: 'Errors the tab reported.' }),
  };
}

/** Created on first use, after a meter provider may have been installed. */
export function meters(): ReturnType<typeof createInstruments> {
  instruments ??= createInstruments();
  return instruments;
}

/** The incoming trace context (traceparent/tracestate headers), on top of `base`. */
export function extractTraceContext(base: Context, headers: { get(name: string): string | null }): Context {
  return traceContext.extract(base, headers, {
    get: (carrier, key) => carrier.get(key) ?? undefined,
    keys: () => ['traceparent', 'tracestate'],
  });
}

/** Writes traceparent (and tracestate) of `context` into `headers`. */
export function injectTraceContext(context: Context, headers: Headers): void {
  traceContext.inject(context, headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

export function isValidSpanContext(spanContext: SpanContext | undefined): spanContext is SpanContext {
  return Boolean(spanContext && /^[0-9a-f]{32}$/.test(spanContext.traceId) && spanContext.traceId !== '0'.repeat(32));
}
