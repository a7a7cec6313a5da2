/**
 * App-only tokens for Microsoft Graph, one per customer tenant (the app is multi-tenant).
 * Client credentials flow against {authority}/{tenantId}/oauth2/v2.0/token with scope
 * https://graph.microsoft.com/.default. The app proves itself with a client assertion, never a
 * secret in the repo: in Azure the assertion is a token of the Function App's managed identity
 * (a federated identity credential on the app registration, audience api://AzureADTokenExchange).
 *
 * The bulk send refuses tokens with less than 45 minutes left (412), so a cached token is renewed
 * once fewer than 45 minutes remain (plus a safety margin for the request itself).
 */
import { ManagedIdentityCredential } from '@azure/identity';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export interface AccessToken {
  token: string;
  expiresOnMs: number;
}

export type TokenSource = (tenantId: string) => Promise<AccessToken>;

export interface GraphTokenProvider {
  get(tenantId: string): Promise<string>;
  /** Drop the cached token (e.g. after Graph answered 401 or 412 to it). */
  invalidate(tenantId: string): void;
}

export const MIN_TOKEN_REMAINING_MS = 45 * 60_000;
const SAFETY_MARGIN_MS = 60_000;

export function createTokenCache(source: TokenSource, now: () => number = Date.now): GraphTokenProvider {
  const cached = new Map<string, AccessToken>();
  const inFlight = new Map<string, Promise<AccessToken>>();
  return {
    async get(tenantId) {
      const current = cached.get(tenantId);
      if (current && current.expiresOnMs - now() > MIN_TOKEN_REMAINING_MS + SAFETY_MARGIN_MS) return current.token;
      // Concurrent senders share one token request instead of stampeding the token endpoint.
      let pending = inFlight.get(tenantId);
      if (!pending) {
        pending = source(tenantId).finally(() => inFlight.delete(tenantId));
        inFlight.set(tenantId, pending);
      }
      const fresh = await pending;
      cached.set(tenantId, fresh);
      return fresh.token;
    },
    invalidate(tenantId) {
      cached.delete(tenantId);
    },
  };
}

/**
 * The token endpoint refused. `aadsts` is Entra's error code, e.g. AADSTS7000229 ("missing service
 * principal": the tenant's admin has not consented to the app yet) or AADSTS90002 (unknown tenant).
 */
export class TokenEndpointError extends Error {
  override readonly name = 'TokenEndpointError';
  constructor(
    readonly status: number,
    readonly error: string | undefined,
    readonly aadsts: string | undefined,
  ) {
    super(`token endpoint answered ${status}${error ? ` (${error}${aadsts ? ` ${aadsts}` : ''})` : ''}`);
  }
}

/** Entra's answer for a tenant whose admin has not consented: the app has no service principal there. */
export const NOT_CONSENTED_AADSTS = ['AADSTS7000229'];

export function isNotConsented(error: unknown): boolean {
  return error instanceof TokenEndpointError && error.aadsts !== undefined && NOT_CONSENTED_AADSTS.includes(error.aadsts);
}

export interface ClientCredentialsConfig {
  /** e.g. https://login.microsoftonline.com (GRAPH_TENANT_AUTHORITY) */
  authority: string;
  clientId: string;
  clientAssertion: () => Promise<string>;
  scope?: string;
  now?: () => number;
  timeoutMs?: number;
}

export function clientCredentialsTokenSource(config: ClientCredentialsConfig): TokenSource {
  const now = config.now ?? Date.now;
  return async (tenantId) => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      scope: config.scope ?? 'https://graph.microsoft.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await config.clientAssertion(),
    });
    const url = `${config.authority.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const response = await tracedFetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
    if (!response.ok || !body.access_token || typeof body.expires_in !== 'number') {
      throw new TokenEndpointError(response.status, body.error, /\bAADSTS\d+/.exec(body.error_description ?? '')?.[0]);
    }
    return { token: body.access_token, expiresOnMs: now() + body.expires_in * 1000 };
  };
}

/** The managed identity's token for the federated credential exchange: the client assertion in Azure. */
export function managedIdentityAssertion(managedIdentityClientId?: string): () => Promise<string> {
  const credential = managedIdentityClientId ? new ManagedIdentityCredential({ clientId: managedIdentityClientId }) : new ManagedIdentityCredential();
  return async () => {
    const token = await credential.getToken('api://AzureADTokenExchange/.default');
    return token.token;
  };
}
