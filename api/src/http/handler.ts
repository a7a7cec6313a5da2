/**
 * Wraps handlers so that every failure becomes problem+json: auth errors keep their
 * status and code (with WWW-Authenticate), anything unexpected is logged and answered 500
 * without internals. Authenticated routes are rate limited here, in one place.
 */
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { isAuthError } from '../auth/auth-error.js';
import type { Caller } from '../auth/verify-token.js';
import { authenticate, getServices, type Services } from '../services.js';
import { problem, problems } from './problem.js';
import { costOf } from './rate-limit-config.js';
import { clientAddress, rateLimitedResponse } from './rate-limit.js';

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

/**
 * The token is checked before anything else, so unauthenticated requests learn nothing. Then the
 * person's and their tenant's rate limits for the route's cost class (http/rate-limit-config.ts);
 * an address that keeps failing to sign in is refused before its tokens are even checked.
 */
export function authenticatedHandler(handle: (input: AuthenticatedRequest) => Promise<HttpResponseInit>): HttpHandler {
  return publicHandler(async (request, context) => {
    const services = getServices();
    const address = clientAddress(request);
    const addressVerdict = await services.rateLimits.checkAddress(address);
    if (!addressVerdict.ok) return rateLimitedResponse(addressVerdict);
    let caller: Caller;
    try {
      caller = await authenticate(services, request.headers.get('authorization'));
    } catch (error) {
      // 503 (keys unavailable) is not the caller's fault.
      if (isAuthError(error) && error.status !== 503) await services.rateLimits.recordAuthFailure(address);
      throw error;
    }
    const verdict = await services.rateLimits.admit(caller.tenantId, caller.userId, costOf(context.functionName));
    if (!verdict.ok) return rateLimitedResponse(verdict);
    return handle({ request, context, caller, services });
  });
}
