/**
 * Has this tenant's administrator consented to the app's application permissions? Asks Entra for an
 * app-only Microsoft Graph token for the tenant, fresh (never from a cache, so a consent given a
 * minute ago counts): no token with AADSTS7000229 means no consent yet; a token's `roles` claim lists
 * the application permissions granted, which are compared with those the app needs. The shared token
 * cache is then dropped for the tenant, so Graph readers pick up the new permissions.
 */
import { decodeJwt } from 'jose';
import { isNotConsented, TokenEndpointError, type GraphTokenProvider, type TokenSource } from '../notifications/graph-token.js';
import { missingPermissions } from '../domain/signup-consent.js';

export type ConsentCheckResult =
  | { ok: true; state: 'granted'; roles: string[]; missing: [] }
  | { ok: true; state: 'not_consented' | 'missing_permissions'; roles: string[]; missing: string[] }
  | { ok: false; reason: 'not_configured' | 'unavailable'; detail: string };

export interface AppConsentChecker {
  check(tenantId: string): Promise<ConsentCheckResult>;
}

export function createAppConsentChecker(source: TokenSource | undefined, required: readonly string[], sharedTokens?: GraphTokenProvider): AppConsentChecker {
  return {
    async check(tenantId) {
      if (!source) return { ok: false, reason: 'not_configured', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' };
      let token: string;
      try {
        token = (await source(tenantId)).token;
      } catch (error) {
        if (isNotConsented(error)) return { ok: true, state: 'not_consented', roles: [], missing: [...required] };
        const detail = error instanceof TokenEndpointError ? error.message : `No answer from Microsoft Entra ID: ${(error as Error).message}`;
        return { ok: false, reason: 'unavailable', detail };
      }
      sharedTokens?.invalidate(tenantId);
      let roles: string[] = [];
      try {
        const claim = decodeJwt(token).roles;
        roles = Array.isArray(claim) ? claim.filter((role): role is string => typeof role === 'string') : [];
      } catch {
        // Not a JWT we can read: treat as no permissions rather than guess.
      }
      const missing = missingPermissions(required, roles);
      return missing.length === 0 ? { ok: true, state: 'granted', roles, missing: [] } : { ok: true, state: 'missing_permissions', roles, missing };
    },
  };
}
