/**
 * RFC 9457 problem details. Every error the API returns goes through here, so each has a stable
 * `type` URI and `code` the tab can rely on, the request's `traceId`, and the same security headers as any response.
 */
import type { HttpResponseInit } from '@azure/functions';
import type { Problem, RecentChange, Task } from '../shared/contracts.js';
import { currentTraceId } from '../telemetry/request-scope.js';
import { API_SECURITY_HEADERS } from './security-headers.js';

export const PROBLEM_TYPE_BASE = 'https://lineofsight.app/problems/';

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  /** For 412: the document as it is now, so the tab can show it and let the person retry. */
  current?: Task | Record<string, unknown>;
  /** For 412 on the strategy map: who changed the document lately (newest first), from its audit trail. */
  recentChanges?: RecentChange[];
  /** For 403 consent_required: what to ask the person for. */
  consent?: { scopes: string[]; source: string; authorizeUrl?: string };
  headers?: Record<string, string>;
}

export function problem(status: number, code: string, title: string, options: ProblemOptions = {}): HttpResponseInit {
  const body: Problem = { type: PROBLEM_TYPE_BASE + code, title, status, code };
  if (options.detail !== undefined) body.detail = options.detail;
  if (options.errors !== undefined) body.errors = options.errors;
  if (options.current !== undefined) body.current = options.current;
  if (options.recentChanges !== undefined) body.recentChanges = options.recentChanges;
  if (options.consent !== undefined) body.consent = options.consent;
  // The trace this request belongs to (the tab's traceparent when it sent one): quote it to find the logs.
  const traceId = currentTraceId();
  if (traceId !== undefined) body.traceId = traceId;
  return {
    status,
    headers: { ...API_SECURITY_HEADERS, ...options.headers, 'Content-Type': 'application/problem+json' },
    body: JSON.stringify(body),
  };
}

export const problems = {
  validation: (errors: FieldError[]) =>
    problem(400, 'validation_failed', 'The request has invalid fields', { errors, detail: 'Fix the fields listed in errors.' }),
  malformedJson: (detail: string) => problem(400, 'malformed_json', 'The request body is not valid JSON', { detail }),
  unsupportedMediaType: () =>
    problem(415, 'unsupported_media_type', 'Send the body as application/json', {
      detail: 'Set Content-Type: application/json.',
    }),
  payloadTooLarge: (maxBytes: number) =>
    problem(413, 'payload_too_large', 'The request body is too large', { detail: `The limit is ${maxBytes} bytes.` }),
  notFound: (detail = 'Nothing here, or it is not yours.') => problem(404, 'not_found', 'Not found', { detail }),
  methodNotAllowed: (allowed: readonly string[]) =>
    problem(405, 'method_not_allowed', 'Method not allowed', {
      detail: `Use ${allowed.join(', ')}.`,
      headers: { Allow: allowed.join(', ') },
    }),
  /** 428 for any editable document, e.g. preconditionRequiredFor('strategy'). */
  preconditionRequiredFor: (what: string) =>
    problem(428, 'precondition_required', `Send If-Match with the ${what} etag`, {
      detail: `Changing a ${what} needs the etag you last saw, so nobody overwrites a newer version unseen.`,
    }),
  /** 412 for any editable document, with the current version (which carries its new etag). */
  staleDocument: (what: string, current: Record<string, unknown>, recentChanges?: RecentChange[]) =>
    problem(412, 'precondition_failed', `The ${what} changed since you loaded it`, {
      detail: `Someone changed this ${what} meanwhile. Review the current version and try again.`,
      current,
      ...(recentChanges ? { recentChanges } : {}),
    }),
  internal: () => problem(500, 'internal_error', 'Something went wrong on our side', { detail: 'Try again in a moment.' }),
} as const;
