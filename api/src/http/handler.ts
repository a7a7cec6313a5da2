/**
 * Wraps handlers so that every failure becomes problem+json: auth errors keep their
 * status and code (with WWW-Authenticate), anything unexpected is logged and answered 500
 * without internals. Authenticated routes are rate limited here, in one place.
 */
import { randomUUID } from 'node:crypto';
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { isAuthError } from '../auth/auth-error.js';
import { logUnhandledError } from '../telemetry/log.js';
import type { Caller } from '../auth/verify-token.js';
import { derivedId } from '../domain/idempotency.js';
import { authenticate, getServices, type Services } from '../services.js';
import { clientLocaleOf } from './first-request-person.js';
import { problem, problems } from './problem.js';
import { costOf } from './rate-limit-config.js';
import { clientAddress, rateLimitedResponse } from './rate-limit.js';
import { idempotentScopeOf } from './request-scope.js';
import { noteTenant } from '../telemetry/request-scope.js';

export interface AuthenticatedRequest {
  request: HttpRequest;
  context: InvocationContext;
  caller: Caller;
  services: Services;
  /**
   * The id of a document this request creates, named by `purpose` (e.g. 'task'). Random, except under
   * an Idempotency-Key: then derived from the key's record, so re-running the request after a crash
   * collides with what the first run wrote instead of creating a second document.
   */
  newId(purpose: string): string;
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
  logUnhandledError(context, error);
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
 * The token is checked before anything else, so unauthenticated requests learn nothing; then the rate
 * limits (admit). A request the idempotency wrapper runs comes with the caller it already admitted
 * (http/request-scope.ts).
 */
export interface HandlerOptions {
  /**
   * Admit callers whose tenant has not onboarded yet (sign-up only). Every other route refuses them
   * with 403 tenant_not_onboarded; a route that sets this checks the tenant's state itself.
   */
  admitsTenantsNotOnboarded?: true;
}

/** Marks a handler that admits tenants not onboarded, so the idempotency wrapper admits its callers alike. */
const ADMITS_NOT_ONBOARDED = Symbol('admitsTenantsNotOnboarded');

export function admitsTenantsNotOnboarded(handler: HttpHandler): boolean {
  return (handler as HttpHandler & { [ADMITS_NOT_ONBOARDED]?: true })[ADMITS_NOT_ONBOARDED] === true;
}

export function authenticatedHandler(handle: (input: AuthenticatedRequest) => Promise<HttpResponseInit>, options: HandlerOptions = {}): HttpHandler {
  const admission: AdmitOptions = { admitTenantNotOnboarded: options.admitsTenantsNotOnboarded === true };
  const handler = publicHandler(async (request, context) => {
    const services = getServices();
    const scope = idempotentScopeOf(request);
    let caller = scope?.caller;
    if (!caller) {
      const admitted = await admit(services, request, context, admission);
      if (!admitted.ok) return admitted.response;
      caller = admitted.caller;
    }
    const newId = (purpose: string) => (scope ? derivedId(scope.seed, purpose) : randomUUID());
    return handle({ request, context, caller, services, newId });
  });
  if (admission.admitTenantNotOnboarded) Object.defineProperty(handler, ADMITS_NOT_ONBOARDED, { value: true });
  return handler;
}

export type Admission = { ok: true; caller: Caller } | { ok: false; response: HttpResponseInit };

export interface AdmitOptions {
  admitTenantNotOnboarded?: boolean;
}

/**
 * Who may go on: an address that keeps failing to sign in is refused before its token is even checked;
 * then the token; then the person's and their tenant's rate limits for the route's cost class
 * (http/rate-limit-config.ts); then, on their first request, their person record (first-request-person.ts). Auth failures throw AuthError (401/403/503), as authenticate does.
 */
export async function admit(services: Services, request: HttpRequest, context: InvocationContext, options: AdmitOptions = {}): Promise<Admission> {
  const address = clientAddress(request);
  const addressVerdict = await services.rateLimits.checkAddress(address);
  if (!addressVerdict.ok) return { ok: false, response: rateLimitedResponse(addressVerdict) };
  let caller: Caller;
  try {
    caller = await authenticate(services, request.headers.get('authorization'), { admitTenantNotOnboarded: options.admitTenantNotOnboarded === true });
  } catch (error) {
    // 503 (keys unavailable) is not the caller's fault.
    if (isAuthError(error) && error.status !== 503) await services.rateLimits.recordAuthFailure(address);
    throw error;
  }
  noteTenant(caller.tenantId);
  const verdict = await services.rateLimits.admit(caller.tenantId, caller.userId, costOf(context.functionName));
  if (!verdict.ok) return { ok: false, response: rateLimitedResponse(verdict) };
  // Only now, for an admitted person of an onboarded tenant: their record, on their first request.
  await services.firstRequestPeople.ensure(caller, clientLocaleOf(request.headers.get('accept-language')));
  return { ok: true, caller };
}
