import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { CLIENT_ERROR_LIMITS, clientErrorReportSchema } from '../shared/client-error-contracts.js';
import { meters } from '../telemetry/instruments.js';
import { logEvent } from '../telemetry/log.js';

/**
 * POST /api/client-errors → 202. Logs the tab's report (tenant id, trace id, kind, name, code, route,
 * stack frames; nothing a person wrote) and counts it. Stores nothing: a retried report is one more
 * log line, so the route is exempt from Idempotency-Key (http/idempotency.ts). Rate limited as any
 * signed-in route.
 */
export const clientErrorsCreate = authenticatedHandler(async ({ request, context, caller }) => {
  const parsed = await parseJsonBody(request, clientErrorReportSchema, CLIENT_ERROR_LIMITS.maxBodyBytes);
  if (!parsed.ok) return parsed.response;
  const report = parsed.value;
  logEvent(context, 'client_error', { tenantId: caller.tenantId, ...report, reportedTraceId: report.traceId });
  meters().clientErrors.add(1, { kind: report.kind, name: report.name, ...(report.code ? { code: report.code } : {}) });
  return json(202, { accepted: true });
});
