/**
 * Admin consent for the app's application permissions (pure): the URL of Entra's admin-consent page
 * for a tenant, which redirect targets it may send the admin back to, and what a token's `roles`
 * say about the consent given.
 */

export interface AdminConsentUrlInput {
  /** e.g. https://login.microsoftonline.com (GRAPH_TENANT_AUTHORITY) */
  authority: string;
  tenantId: string;
  clientId: string;
  redirectUri: string;
  state: string;
}

/**
 * {authority}/{tenant}/v2.0/adminconsent?client_id=…&scope=https://graph.microsoft.com/.default&redirect_uri=…&state=…
 * The `.default` scope asks for every application permission the app registration declares.
 */
export function adminConsentUrl({ authority, tenantId, clientId, redirectUri, state }: AdminConsentUrlInput): string {
  const url = new URL(`${authority.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/v2.0/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', 'https://graph.microsoft.com/.default');
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
}

/**
 * Whether the admin may be sent back to `redirectUri`: exactly the configured page when one is
 * configured (SIGNUP_CONSENT_REDIRECT_URI, a reply URL of the app registration), else only a page on
 * this machine (local development).
 */
export function acceptableRedirect(redirectUri: string, configured: string | undefined): boolean {
  if (configured) return redirectUri === configured;
  try {
    const url = new URL(redirectUri);
    return ['localhost', '127.0.0.1'].includes(url.hostname) && ['http:', 'https:'].includes(url.protocol) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export type ConsentState = 'granted' | 'not_consented' | 'missing_permissions';

/** The permissions of `required` an app token's `roles` lack. */
export function missingPermissions(required: readonly string[], roles: readonly string[]): string[] {
  return required.filter((permission) => !roles.includes(permission));
}
