/**
 * A span per Cosmos DB network request (a throttled request retried is two spans, the first with
 * status 429), with its request charge in RU as an attribute and as a metric by route: an
 * @azure/cosmos request plugin, so every repository is covered without touching it.
 */
import { performance } from 'node:perf_hooks';
import type { PluginConfig } from '@azure/cosmos';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { meters, tracer } from './instruments.js';
import { currentTelemetryScope } from './request-scope.js';

/** The container named in a resource path `/dbs/<db>/colls/<container>/…`, or the resource type. */
export function containerOfPath(path: string | undefined): string | undefined {
  const match = /\/colls\/([^/]+)/.exec(path ?? '');
  return match?.[1];
}

function chargeOf(headers: Record<string, unknown> | undefined): number {
  const value = Number(headers?.['x-ms-request-charge'] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

export const cosmosTelemetryPlugin: PluginConfig = {
  on: 'request',
  plugin: async (request, _diagnostics, next) => {
    const operation = String(request.operationType ?? 'request');
    const container = containerOfPath(request.path);
    const started = performance.now();
    const span = tracer().startSpan(`cosmos ${operation}${container ? ` ${container}` : ''}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'azure.cosmosdb',
        'db.operation.name': operation,
        ...(container ? { 'db.collection.name': container } : {}),
        'cosmosdb.resource_type': String(request.resourceType ?? ''),
      },
    });
    let status = 0;
    let charge = 0;
    try {
      const response = await next(request);
      status = response.code ?? 200;
      charge = chargeOf(response.headers as Record<string, unknown>);
      return response;
    } catch (error) {
      const failure = error as { code?: unknown; headers?: Record<string, unknown> };
      status = typeof failure.code === 'number' ? failure.code : 0;
      charge = chargeOf(failure.headers);
      // 404 and 412 are answers the app expects (not found, stale etag); others are failures.
      if (status === 0 || status === 429 || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.setAttribute('db.response.status_code', String(status));
      span.setAttribute('azure.cosmosdb.operation.request_charge', charge);
      span.end();
      const scope = currentTelemetryScope();
      if (scope) scope.requestCharge += charge;
      const attributes = { 'db.operation.name': operation, 'db.collection.name': container ?? '', 'los.operation': scope?.operation ?? 'none', 'db.response.status_code': String(status) };
      meters().cosmosCharge.record(charge, attributes);
      meters().cosmosDuration.record((performance.now() - started) / 1000, attributes);
    }
  },
};
