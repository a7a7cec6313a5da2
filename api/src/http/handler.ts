/**
 * Wraps handlers so that every failure becomes problem+json: auth errors keep their
 * status and code (with WWW-Authenticate), anything unexpected is logged and answered 500
 * without internals.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { isAuthError } from '../auth/auth-error.js';
import type { Caller } from '../auth/verify-token.js';
import { authenticate, getServices, type Services } from '../services.js';
import { problem, problems } from './problem.js';

export interface AuthenticatedRequest {
  request: HttpRequest;
  context: InvocationContext;
  caller: Caller;
  services: Services;
}

const AUTH_TITLES: Record<number, string> = {
  401: 'Sign in again',
  403: 'You are not allowed to do this',
  503: 'Sign-in is unavailable right now',
};

export function errorResponse(error: unknown, context: InvocationContext): HttpResponseInit {
  if (isAuthError(error)) {
    const challenge = error.wwwAuthenticate();
    return problem(error.status, error.code, AUTH_TITLES[error.status] ?? 'Not allowed', {
      detail: error.detail,
      ...(challenge ? { headers: { 'WWW-Authenticate': challenge } } : {}),
    });
  }
  context.error('Unhandled error', error);
  return problems.internal();
}

export function publicHandler(handle: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>): HttpHandler {
  return async (request, context) => {
    try {
      return await handle(request, context);
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}

/** The token is checked before anything else, so unauthenticated requests learn nothing. */
export function authenticatedHandler(handle: (input: AuthenticatedRequest) => Promise<HttpResponseInit>): HttpHandler {
  return publicHandler(async (request, context) => {
    const services = getServices();
    const caller = await authenticate(services, request.headers.get('authorization'));
    return handle({ request, context, caller, services });
  });
}
