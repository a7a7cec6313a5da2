/**
 * What the telemetry of one HTTP request or timer run gathers while it runs: the route (so Cosmos
 * charges can be counted per route), the tenant once the token is checked, and the request units
 * spent. Kept in AsyncLocalStorage so the Cosmos and Graph layers need no extra parameters.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { context, trace } from '@opentelemetry/api';
import { isValidSpanContext } from './instruments.js';

export interface TelemetryScope {
  /** Route template (`me/tasks/{id}`) or timer name. */
  readonly operation: string;
  tenantId?: string;
  requestCharge: number;
}

const scopes = new AsyncLocalStorage<TelemetryScope>();

export function runInTelemetryScope<T>(scope: TelemetryScope, run: () => T): T {
  return scopes.run(scope, run);
}

export function currentTelemetryScope(): TelemetryScope | undefined {
  return scopes.getStore();
}

/** The trace id of the span in progress, if any: what problem+json carries as `traceId`. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getSpanContext(context.active());
  return isValidSpanContext(spanContext) ? spanContext.traceId : undefined;
}

/**
 * Called once the caller's token is validated: the request's span and logs carry the tenant id
 * (never a person's name or anything they wrote).
 */
export function noteTenant(tenantId: string): void {
  const scope = scopes.getStore();
  if (scope) scope.tenantId = tenantId;
  trace.getActiveSpan()?.setAttribute('los.tenant.id', tenantId);
}
