/**
 * The fake Entra ID's delegated side: what the app needs to act for a signed-in person.
 * - The on-behalf-of grant at POST /{tenant}/oauth2/v2.0/token (grant_type jwt-bearer,
 *   requested_token_use=on_behalf_of): the `assertion` is the person's SSO token for the app. Like
 *   Entra, the fake verifies it (signature, issuer, audience, expiry) against the issuer the API
 *   trusts (`trust()`, set by whoever starts the API: the dev issuer locally and in tests), refuses a
 *   token for another audience (AADSTS500131) or not issued by that issuer (AADSTS50013), and refuses
 *   scopes the person never consented to (AADSTS65001, suberror consent_required), as Entra does.
 * - The consent page GET/POST /{tenant}/oauth2/v2.0/authorize: the person grants the scopes
 *   (login_hint names them); "Accept" redirects to `redirect_uri` with `code` and `state`.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { GraphRequest } from './graph-context.js';

/** The SSO tokens the API accepts, and therefore the only assertions the OBO grant takes. */
export interface TrustedUserTokens {
  jwks: JSONWebKeySet;
  /** `{tid}` stands for the tenant id. */
  issuerTemplate: string;
  /** The API's client id (the audience of the tab's SSO token). */
  audience: string;
}

export type IssueDelegated = (tenantId: string, userId: string, scopes: string[]) => { access_token: string; expires_in: number; token_type: string; scope: string };

const GRAPH_RESOURCE = 'https://graph.microsoft.com/';
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const grantError = (code: string, text: string, suberror?: string) => ({
  error: 'invalid_grant',
  error_description: `${code}: ${text}`,
  error_codes: [Number(code.replace('AADSTS', ''))],
  ...(suberror ? { suberror } : {}),
});

/** Graph scopes named in a `scope` parameter ("https://graph.microsoft.com/Tasks.Read offline_access"); undefined if another resource is asked for. */
export function graphScopesOf(scope: string): string[] | undefined {
  const scopes: string[] = [];
  for (const entry of scope.split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(entry)) continue;
    if (!entry.startsWith(GRAPH_RESOURCE)) return undefined;
    scopes.push(entry.slice(GRAPH_RESOURCE.length));
  }
  return scopes;
}

export function createDelegatedEntra(clientId: string) {
  let trusted: TrustedUserTokens | undefined;

  async function exchange(request: GraphRequest, tenantId: string, form: URLSearchParams, issue: IssueDelegated): Promise<void> {
    if (form.get('requested_token_use') !== 'on_behalf_of' || !form.get('assertion')) {
      return request.send(400, { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain the assertion and requested_token_use=on_behalf_of.' });
    }
    const tenant = request.directory.tenant(tenantId);
    if (!tenant) return request.send(400, { error: 'invalid_request', error_description: `AADSTS90002: Tenant '${tenantId}' not found.` });
    const requested = graphScopesOf(form.get('scope') ?? '');
    if (!requested || requested.length === 0) return request.send(400, { error: 'invalid_scope', error_description: 'AADSTS70011: The provided value for the input parameter \'scope\' is not valid.' });

    if (!trusted) return request.send(400, grantError('AADSTS50013', 'Assertion failed signature validation.'));
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(form.get('assertion')!, createLocalJWKSet(trusted.jwks), { issuer: trusted.issuerTemplate.replaceAll('{tid}', tenantId) });
      claims = verified.payload as Record<string, unknown>;
    } catch {
      return request.send(400, grantError('AADSTS50013', 'Assertion failed signature validation, is expired or was not issued for this tenant.'));
    }
    if (claims.aud !== trusted.audience) {
      return request.send(400, grantError('AADSTS500131', `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${String(claims.aud)}' and the expected audience is '${trusted.audience}'.`));
    }
    const userId = String(claims.oid ?? '');
    const consented = tenant.delegatedConsent.get(userId) ?? new Set<string>();
    const scopes = requested.includes('.default') ? [...consented] : requested;
    if (scopes.length === 0 || scopes.some((scope) => !consented.has(scope))) {
      return request.send(400, grantError('AADSTS65001', `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`, 'consent_required'));
    }
    request.send(200, issue(tenantId, userId, scopes));
  }

  /** The consent page a person sees in the Teams authentication pop-up. */
  async function consentPage(request: GraphRequest, tenantId: string): Promise<void> {
    const params = request.method === 'POST' ? new URLSearchParams(await request.readBody()) : request.url.searchParams;
    const html = (status: number, body: string) => {
      // form-action also governs the redirect after "Accept": back to the (loopback) tab.
      request.res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*" });
      request.res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Permissions requested</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto">${body}</body></html>`);
    };
    const tenant = request.directory.tenant(tenantId);
    if (!tenant) return html(400, `<h1>Sign-in error</h1><p>AADSTS90002: Tenant '${escapeHtml(tenantId)}' not found.</p>`);
    if (params.get('client_id') !== clientId) return html(400, '<h1>Sign-in error</h1><p>AADSTS700016: Application not found.</p>');
    const hint = params.get('login_hint') ?? '';
    const user = [...tenant.users.values()].find((candidate) => candidate.id === hint || candidate.userPrincipalName.toLowerCase() === hint.toLowerCase());
    if (!user) return html(400, `<h1>Sign-in error</h1><p>AADSTS50034: The user account ${escapeHtml(hint)} does not exist in this directory.</p>`);
    const scopes = graphScopesOf(params.get('scope') ?? '') ?? [];
    let redirect: URL | undefined;
    try {
      redirect = new URL(params.get('redirect_uri') ?? '');
      if (!['localhost', '127.0.0.1'].includes(redirect.hostname)) redirect = undefined;
    } catch {
      redirect = undefined;
    }
    if (request.method === 'POST') {
      const accepted = params.get('decision') === 'accept';
      if (accepted) request.directory.grantDelegatedConsent(tenantId, user.id, scopes);
      if (!redirect) return html(200, `<h1>${accepted ? 'Permissions granted' : 'Consent cancelled'}</h1>`);
      if (accepted) redirect.searchParams.set('code', `fake-code-${user.id}`);
      else redirect.searchParams.set('error', 'access_denied');
      if (params.get('state')) redirect.searchParams.set('state', params.get('state')!);
      request.res.writeHead(302, { location: redirect.toString() }).end();
      return;
    }
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'login_hint'].map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`).join('');
    html(200, `<h1>Permissions requested</h1><p>Line of Sight (fake Microsoft Entra ID, local only) asks <strong>${escapeHtml(user.displayName)}</strong> to let it, on their behalf:</p><ul>${scopes.map((scope) => `<li><strong>${escapeHtml(scope)}</strong></li>`).join('')}</ul>
<form method="post">${hidden}<button name="decision" value="accept">Accept</button> <button name="decision" value="cancel">Cancel</button></form>`);
  }

  return {
    trust(tokens: TrustedUserTokens) {
      trusted = tokens;
    },
    exchange,
    consentPage,
  };
}

export type DelegatedEntra = ReturnType<typeof createDelegatedEntra>;
