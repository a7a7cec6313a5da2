/** Each timer run is a root span (`timer <name>`) with its Cosmos and Graph calls beneath it. */
import { performance } from 'node:perf_hooks';
import type { TimerFunctionOptions } from '@azure/functions';
import { context as otelContext, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { meters, tracer } from './instruments.js';
import { runInTelemetryScope, type TelemetryScope } from './request-scope.js';

export function withTimerTelemetry(name: string, options: TimerFunctionOptions): TimerFunctionOptions {
  const inner = options.handler;
  return {
    ...options,
    handler: async (timer, invocation) => {
      const started = performance.now();
      const span = tracer().startSpan(`timer ${name}`, { kind: SpanKind.INTERNAL, attributes: { 'faas.trigger': 'timer', 'faas.name': name } }, ROOT_CONTEXT);
      const scope: TelemetryScope = { operation: `timer ${name}`, requestCharge: 0 };
      let failed = false;
      try {
        return await otelContext.with(trace.setSpan(ROOT_CONTEXT, span), () => runInTelemetryScope(scope, () => inner(timer, invocation)));
      } catch (error) {
        failed = true;
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.setAttribute('los.cosmos.request_charge', scope.requestCharge);
        span.end();
        meters().timerDuration.record((performance.now() - started) / 1000, { 'faas.name': name, failed });
      }
    },
  };
}
