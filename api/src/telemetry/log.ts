/**
 * Structured logs: one JSON object per event with the tenant id, the trace id and fields that are
 * ids, counts, codes or durations. Never free text a person wrote (task titles, answers, comments)
 * and never an error's message, which can quote such text: errors are logged by name, code and stack
 * frames only. test/api/telemetry/log-privacy.test.ts scans a realistic flow's logs for seeded text.
 */
import type { InvocationContext } from '@azure/functions';
import { currentTelemetryScope, currentTraceId } from './request-scope.js';

export type LogField = string | number | boolean | undefined;

export interface LogRecord {
  event: string;
  tenantId?: string;
  traceId?: string;
  [field: string]: LogField;
}

export function logRecord(event: string, fields: Record<string, LogField> = {}): LogRecord {
  const scope = currentTelemetryScope();
  const record: LogRecord = { event, ...fields };
  if (scope?.tenantId && record.tenantId === undefined) record.tenantId = scope.tenantId;
  const traceId = currentTraceId();
  if (traceId) record.traceId = traceId;
  return record;
}

/** Name, code and where it happened: the message and any data on the error stay out of the logs. */
export function describeError(error: unknown): Record<string, LogField> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { errorName: error.name, ...(typeof code === 'string' || typeof code === 'number' ? { errorCode: code } : {}), stack: frames };
}

export function logUnhandledError(context: InvocationContext, error: unknown): void {
  context.error(JSON.stringify(logRecord('unhandled_error', { function: context.functionName, ...describeError(error) })));
}

export function logEvent(context: Pick<InvocationContext, 'log'>, event: string, fields: Record<string, LogField> = {}): void {
  context.log(JSON.stringify(logRecord(event, fields)));
}
