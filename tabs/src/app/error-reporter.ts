/**
 * Reports the tab's errors to POST /api/client-errors with the trace id of the failed call, so they
 * sit next to the API's traces: uncaught errors and rejections, and API calls that failed on the
 * server's side (5xx, no answer, an answer we could not read). Never a message or anything on screen:
 * kinds, names, codes, the route and stack frames only. At most MAX_REPORTS per page, each once.
 */
import type { ClientErrorReport } from '../../../api/src/shared/client-error-contracts';
import { ApiError, onApiError, type ApiClient } from './api-client';
import { newTraceId } from './trace-context';

export const MAX_REPORTS = 10;
const REPORT_PATH = '/api/client-errors';

/** Stack frames without the message line and without query strings; capped. */
export function framesOf(stack: string | undefined): string | undefined {
  const frames = (stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at ') || /@\S+:\d+/.test(line))
    .map((line) => line.replace(/\?[^\s):]*/g, ''));
  return frames.length > 0 ? frames.join('\n').slice(0, 2000) : undefined;
}

const safeToken = (value: string, max: number) => value.replace(/[^A-Za-z0-9_.:\-/#]/g, '').slice(0, max);

export function reportOf(kind: ClientErrorReport['kind'], error: unknown, route: string): ClientErrorReport {
  const report: ClientErrorReport = { kind, name: safeToken(error instanceof Error ? error.name : typeof error, 64) || 'Error', route: safeToken(route, 200) };
  if (error instanceof ApiError) {
    report.code = safeToken(error.code, 64);
    report.status = error.status;
    if (error.traceId) report.traceId = error.traceId;
  }
  const frames = framesOf(error instanceof Error ? error.stack : undefined);
  if (frames) report.stack = frames;
  return report;
}

/** Starts reporting; returns stop(). `target` and `routeOf` default to the page. */
export function installErrorReporter(client: ApiClient, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window, routeOf = () => location.pathname + location.hash): () => void {
  const sent = new Set<string>();
  const send = (report: ClientErrorReport) => {
    const key = `${report.kind}|${report.name}|${report.code ?? ''}|${report.route ?? ''}`;
    if (sent.size >= MAX_REPORTS || sent.has(key)) return;
    sent.add(key);
    // Reported in the failed call's trace; a report that fails is not reported again.
    client.send(REPORT_PATH, { method: 'POST', body: report, traceId: report.traceId ?? newTraceId() }).catch(() => undefined);
  };
  const onError = (event: Event) => send(reportOf('unhandled', (event as ErrorEvent).error, routeOf()));
  const onRejection = (event: Event) => send(reportOf('unhandled', (event as PromiseRejectionEvent).reason, routeOf()));
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  onApiError((error, path) => {
    if (path !== REPORT_PATH && error.kind !== 'sign-in' && (error.kind !== 'http' || error.status >= 500)) send(reportOf('api', error, routeOf()));
  });
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
    onApiError(undefined);
  };
}
