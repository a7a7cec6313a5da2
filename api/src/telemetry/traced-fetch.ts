/**
 * fetch for Microsoft Graph and Entra ID: a client span per call and the W3C traceparent on the
 * request, so the call belongs to the request or timer run that made it. The span names the host and
 * a path template (ids replaced, query dropped): Graph paths and filters can hold names.
 */
import { performance } from 'node:perf_hooks';
import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { injectTraceContext, meters, tracer } from './instruments.js';

/** `/v1.0/users/3f2c…/memberOf` → `/v1.0/users/{id}/memberOf`: version and resource names only. */
export function pathTemplate(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (segment === '' || /^(v\d+(\.\d+)?|beta|[a-zA-Z]+)$/.test(segment) ? segment : '{id}'))
    .join('/');
}

export async function tracedFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url);
  const method = (init.method ?? 'GET').toUpperCase();
  const template = pathTemplate(target.pathname);
  const span = tracer().startSpan(`${method} ${target.host}${template}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'server.address': target.hostname, 'url.template': template },
  });
  const headers = new Headers(init.headers);
  injectTraceContext(trace.setSpan(otelContext.active(), span), headers);
  const started = performance.now();
  let status = 0;
  try {
    const response = await fetch(target, { ...init, headers });
    status = response.status;
    if (status === 429 || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    return response;
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
    throw error;
  } finally {
    span.setAttribute('http.response.status_code', status);
    span.end();
    meters().graphDuration.record((performance.now() - started) / 1000, { 'server.address': target.hostname, 'http.request.method': method, 'http.response.status_code': status });
  }
}
