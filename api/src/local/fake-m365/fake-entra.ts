/**
 * The fake Entra ID endpoints the app uses as itself:
 * - POST /{tenant}/oauth2/v2.0/token, client credentials with a client assertion (never a secret).
 *   A declared tenant gets a token only after its admin consented (before: 400 invalid_client with
 *   AADSTS7000229, "missing service principal", as Entra answers); the token's `roles` are the
 *   application permissions consented. Tokens are JWT-shaped like Entra's (the app may read `roles`
 *   from them to check consent), and only the fake itself can honour them.
 * - GET /{tenant}/v2.0/adminconsent: the page where an administrator grants the app's application
 *   permissions; "Accept" (a POST) records the consent and redirects to `redirect_uri` with
 *   `admin_consent=True&tenant=…&state=…`, "Cancel" with `error=access_denied`.
 */
import { APPLICATION_PERMISSIONS, GRAPH_PERMISSIONS } from '../../shared/graph-permissions.js';
import { createDelegatedEntra, type DelegatedEntra } from './fake-entra-delegated.js';
import { GRAPH_AUDIENCE, type GraphArea, type GraphRequest, type IssuedAppToken } from './graph-context.js';

export interface FakeEntraOptions {
  clientId: string;
  tokenLifetimeSeconds: number;
  /** Roles of tokens for tenants the directory does not declare; 'refuse' answers them as unknown tenants. */
  undeclaredTenants: { roles: string[] } | 'refuse';
  /** Roles of tokens for declared, consented tenants (default: every permission the app registration requests). */
  consentedRoles?: string[];
}

export interface FakeEntra {
  area: GraphArea;
  tokens: Map<string, IssuedAppToken>;
  tokenRequests(): number;
  delegated: DelegatedEntra;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Redirect targets the fake accepts: loopback only (real Entra accepts only the registration's reply URLs). */
function loopbackUrl(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return ['localhost', '127.0.0.1'].includes(url.hostname) && ['http:', 'https:'].includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

export function createFakeEntra(options: FakeEntraOptions): FakeEntra {
  const tokens = new Map<string, IssuedAppToken>();
  let requests = 0;
  const consentedRoles = options.consentedRoles ?? APPLICATION_PERMISSIONS;

  const delegated = createDelegatedEntra(options.clientId);

  function issue(tenantId: string, roles: string[], user?: { userId: string; scopes: string[] }): { access_token: string; expires_in: number; token_type: string } {
    const lifetime = options.tokenLifetimeSeconds;
    const nowSeconds = Math.floor(Date.now() / 1000);
    const userClaims = user ? { oid: user.userId, scp: user.scopes.join(' ') } : {};
    const payload = { aud: GRAPH_AUDIENCE, iss: `https://sts.windows.net/${tenantId}/`, tid: tenantId, appid: options.clientId, roles, ...userClaims, iat: nowSeconds, exp: nowSeconds + lifetime, jti: `${tokens.size + 1}` };
    const token = `${base64url({ typ: 'JWT', alg: 'RS256', kid: 'fake-m365' })}.${base64url(payload)}.${base64url(`fake-signature-${tokens.size + 1}`)}`;
    tokens.set(token, { tenantId, expiresAtMs: Date.now() + lifetime * 1000, roles, audience: GRAPH_AUDIENCE, ...(user ? { userId: user.userId, scopes: user.scopes } : {}) });
    return { token_type: 'Bearer', expires_in: lifetime, access_token: token };
  }

  async function tokenEndpoint(request: GraphRequest, tenantId: string): Promise<void> {
    requests += 1;
    const form = new URLSearchParams(await request.readBody());
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials' && grant !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return request.send(400, { error: 'unsupported_grant_type' });
    if (form.get('client_id') !== options.clientId) return request.send(400, { error: 'unauthorized_client', error_description: `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found.` });
    const hasAssertion = form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' && Boolean(form.get('client_assertion'));
    if (!hasAssertion) return request.send(401, { error: 'invalid_client', error_description: 'AADSTS7000218: The request body must contain client_assertion or client_secret.' });
    if (grant !== 'client_credentials') {
      return delegated.exchange(request, tenantId, form, (tid, userId, scopes) => ({ ...issue(tid, [], { userId, scopes }), scope: scopes.map((scope) => `${GRAPH_AUDIENCE}/${scope}`).join(' ') }));
    }
    if (form.get('scope') !== `${GRAPH_AUDIENCE}/.default`) return request.send(400, { error: 'invalid_scope' });
    const tenant = request.directory.tenant(tenantId);
    if (!tenant) {
      if (options.undeclaredTenants === 'refuse') return request.send(400, { error: 'invalid_request', error_description: `AADSTS90002: Tenant '${tenantId}' not found.` });
      return request.send(200, issue(tenantId, options.undeclaredTenants.roles));
    }
    if (!tenant.consented) {
      return request.send(400, { error: 'invalid_client', error_description: `AADSTS7000229: The client application ${options.clientId} is missing service principal in the tenant ${tenantId}.` });
    }
    request.send(200, issue(tenantId, consentedRoles));
  }

  async function adminConsent(request: GraphRequest, tenantId: string): Promise<void> {
    const params = request.method === 'POST' ? new URLSearchParams(await request.readBody()) : request.url.searchParams;
    const tenant = request.directory.tenant(tenantId);
    const redirect = loopbackUrl(params.get('redirect_uri'));
    // form-action also governs where the form's answer redirects: the loopback page the admin returns to.
    const html = (status: number, body: string) => {
      request.res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:* https://localhost:*" });
      request.res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Permissions requested</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto">${body}</body></html>`);
    };
    if (!tenant) return html(400, `<h1>Sign-in error</h1><p>AADSTS90002: Tenant '${escapeHtml(tenantId)}' not found.</p>`);
    if (params.get('client_id') !== options.clientId) return html(400, '<h1>Sign-in error</h1><p>AADSTS700016: Application not found.</p>');
    if (request.method === 'POST') {
      const accepted = params.get('decision') === 'accept';
      if (accepted) request.directory.grantConsent(tenantId);
      if (!redirect) return html(200, `<h1>${accepted ? 'Permissions granted' : 'Consent cancelled'}</h1><p>You can close this window.</p>`);
      const target = new URL(redirect);
      if (accepted) target.searchParams.set('admin_consent', 'True');
      else target.searchParams.set('error', 'access_denied');
      target.searchParams.set('tenant', tenantId);
      if (params.get('state')) target.searchParams.set('state', params.get('state')!);
      request.res.writeHead(302, { location: target.toString() }).end();
      return;
    }
    const hidden = ['client_id', 'redirect_uri', 'state'].map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`).join('');
    // The page lists every permission the registration requests (delegated ones included), as Entra's does.
    const list = (options.consentedRoles ?? Object.keys(GRAPH_PERMISSIONS)).map((role) => `<li><strong>${escapeHtml(role)}</strong>: ${escapeHtml(GRAPH_PERMISSIONS[role as keyof typeof GRAPH_PERMISSIONS]?.why ?? '')}</li>`).join('');
    html(200, `<h1>Permissions requested</h1><p>Line of Sight (fake Microsoft Entra ID, local only) asks an administrator of <strong>${escapeHtml(tenant.displayName)}</strong> to grant, for the whole organisation:</p><ul>${list}</ul>
<form method="post">${hidden}<button name="decision" value="accept">Accept</button> <button name="decision" value="cancel">Cancel</button></form>`);
  }

  const area: GraphArea = (request) => {
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(request.url.pathname);
    if (token && request.method === 'POST') return tokenEndpoint(request, decodeURIComponent(token[1]!)).then(() => true);
    const authorize = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/.exec(request.url.pathname);
    if (authorize && (request.method === 'GET' || request.method === 'POST')) return delegated.consentPage(request, decodeURIComponent(authorize[1]!)).then(() => true);
    const consent = /^\/([^/]+)\/(?:v2\.0\/)?adminconsent$/.exec(request.url.pathname);
    if (consent && (request.method === 'GET' || request.method === 'POST')) return adminConsent(request, decodeURIComponent(consent[1]!)).then(() => true);
    return false;
  };
  return { area, tokens, tokenRequests: () => requests, delegated };
}
