/**
 * What the idempotency wrapper hands to the handler it runs, attached to the request object it
 * created for that handler: the caller it already authenticated (so the token is verified once) and
 * the seed of the key's record (so new ids are derived, not random). A WeakMap keyed by that very
 * object: nothing outside the process can set it, and it goes when the request goes.
 */
import type { HttpRequest } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';

export interface IdempotentScope {
  caller: Caller;
  seed: string;
}

const scopes = new WeakMap<HttpRequest, IdempotentScope>();

export function attachIdempotentScope(request: HttpRequest, scope: IdempotentScope): void {
  scopes.set(request, scope);
}

export function idempotentScopeOf(request: HttpRequest): IdempotentScope | undefined {
  return scopes.get(request);
}
