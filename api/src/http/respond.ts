import type { HttpResponseInit } from '@azure/functions';
import { API_SECURITY_HEADERS } from './security-headers.js';

/** A JSON success response with the API security headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    headers: { ...API_SECURITY_HEADERS, ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

export function noContent(): HttpResponseInit {
  return { status: 204, headers: { ...API_SECURITY_HEADERS } };
}
