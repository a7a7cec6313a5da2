/**
 * Microsoft Graph tokens on a person's behalf: the on-behalf-of (OBO) flow.
 *   POST {authority}/{tenant}/oauth2/v2.0/token
 *     grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, requested_token_use=on_behalf_of,
 *     assertion=<the person's Teams SSO token, whose audience is this API>,
 *     scope=https://graph.microsoft.com/Tasks.Read (or Tasks.ReadWrite for write-back),
 *     client_id=<app registration>, client_assertion_type=…jwt-bearer,
 *     client_assertion=<the managed identity's token>  (federated credential: no secret anywhere)
 * Entra answers 400 invalid_grant with AADSTS65001 (suberror consent_required) — or
 * interaction_required — when the person has not consented: ConsentRequiredError, which the routes
 * turn into a 403 `consent_required` problem telling the tab to ask. A refused assertion (another
 * audience, expired, another issuer: AADSTS500131 / AADSTS50013) is an OboRefusedError.
 *
 * Tokens are cached per (tenant, person, scope) until 5 minutes before expiry, in this instance's
 * memory only: the timer sync reaches people whose token is still cached; others sync when they
 * next open the tab.
 */

import { tracedFetch } from '../telemetry/traced-fetch.js';

export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
  constructor(readonly scopes: string[]) {
    super(`The person has not consented to ${scopes.join(', ')}`);
  }
}

export class OboRefusedError extends Error {
  override readonly name = 'OboRefusedError';
}

/** No cached token and no SSO token to exchange (a timer sync for someone who has not opened the tab lately). */
export class NoUserTokenError extends Error {
  override readonly name = 'NoUserTokenError';
}

export interface DelegatedTokens {
  /** A Graph token for the person with `scope`; `assertion` is their SSO token (absent on timer runs). */
  get(tenantId: string, userId: string, scope: DelegatedScope, assertion?: string): Promise<string>;
  /** Whether a token for the person is cached (the timer syncs only them). */
  has(tenantId: string, userId: string, scope: DelegatedScope): boolean;
  /** Forget the person's tokens (disconnect, or Graph answered 401/403). */
  forget(tenantId: string, userId: string): void;
  /** Token endpoint calls made (bench and tests). */
  readonly exchanges: number;
}

export type DelegatedScope = 'Tasks.Read' | 'Tasks.ReadWrite';

export interface OboConfig {
  authority: string;
  clientId: string;
  clientAssertion: () => Promise<string>;
  now?: () => number;
  timeoutMs?: number;
}

const RENEW_BEFORE_MS = 5 * 60_000;

export function createDelegatedTokens(config: OboConfig): DelegatedTokens {
  const now = config.now ?? Date.now;
  const cache = new Map<string, { token: string; expiresOnMs: number }>();
  let exchanges = 0;
  const key = (tenantId: string, userId: string, scope: string) => `${tenantId}|${userId}|${scope}`;
  const fresh = (entry: { expiresOnMs: number } | undefined) => entry !== undefined && entry.expiresOnMs - now() > RENEW_BEFORE_MS;

  async function exchange(tenantId: string, scope: DelegatedScope, assertion: string) {
    exchanges += 1;
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: config.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await config.clientAssertion(),
      assertion,
      scope: `https://graph.microsoft.com/${scope}`,
    });
    const url = `${config.authority.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const response = await tracedFetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string; suberror?: string };
    if (response.ok && body.access_token && typeof body.expires_in === 'number') return { token: body.access_token, expiresOnMs: now() + body.expires_in * 1000 };
    const description = body.error_description ?? '';
    if (body.error === 'interaction_required' || body.suberror === 'consent_required' || description.startsWith('AADSTS65001')) throw new ConsentRequiredError([scope]);
    if (body.error === 'invalid_grant') throw new OboRefusedError(description.split('\n')[0] || 'The sign-in token was refused');
    throw new Error(`token endpoint answered ${response.status}${body.error ? ` (${body.error})` : ''}`);
  }

  return {
    async get(tenantId, userId, scope, assertion) {
      const cached = cache.get(key(tenantId, userId, scope));
      if (cached && fresh(cached)) return cached.token;
      if (!assertion) throw new NoUserTokenError('No token for this person: they sync when they next open the tab.');
      const issued = await exchange(tenantId, scope, assertion);
      cache.set(key(tenantId, userId, scope), issued);
      return issued.token;
    },
    has(tenantId, userId, scope) {
      return fresh(cache.get(key(tenantId, userId, scope)));
    },
    forget(tenantId, userId) {
      for (const name of [...cache.keys()]) if (name.startsWith(`${tenantId}|${userId}|`)) cache.delete(name);
    },
    get exchanges() {
      return exchanges;
    },
  };
}
