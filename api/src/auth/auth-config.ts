/**
 * What the token verifier trusts, read once from the environment at start-up.
 *
 * Production (default): Entra ID's multi-tenant signing keys, v2 and v1 issuer
 * templates, the app registration's client id (v2 audience) and App ID URI (v1 audience).
 * Dev (LOS_DEV_AUTH=1 exactly, an explicit opt-in that `npm start` makes): an in-memory key pair (or
 * the one the local stack keeps in its data folder) and a local issuer; nothing from Entra is trusted.
 * Dev mode refuses to start on an Azure host or with NODE_ENV=production.
 */
import type { JSONWebKeySet } from 'jose';
import { ACCESS_AS_USER_SCOPE, createDevTokenIssuer, readDevSigningKey, type DevTokenIssuer } from './dev-token-issuer.js';

export const ENTRA_COMMON_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
export const ENTRA_V2_ISSUER_TEMPLATE = 'https://login.microsoftonline.com/{tid}/v2.0';
export const ENTRA_V1_ISSUER_TEMPLATE = 'https://sts.windows.net/{tid}/';
/** Tolerated clock difference between Entra and this host, for exp and nbf. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5 * 60;

/** The `ver` claim of an Entra access token. */
export type TokenVersion = '1.0' | '2.0';

export type SigningKeySource =
  /**
   * Fetched over HTTPS and cached; refetched when a token names an unknown `kid`,
   * at most once per `refetchCooldownMs` (jose's default of 30 s when omitted), so a
   * flood of made-up kids cannot turn into a flood of requests to Entra.
   */
  | { kind: 'remote'; jwksUrl: string; refetchCooldownMs?: number }
  /** Fixed keys held in memory (dev mode). */
  | { kind: 'local'; jwks: JSONWebKeySet };

export interface AuthConfig {
  mode: 'production' | 'dev';
  signingKeys: SigningKeySource;
  /** Expected `iss` per token version, `{tid}` replaced by the token's tenant id. A version without one is rejected. */
  issuerTemplates: Partial<Record<TokenVersion, string>>;
  /** Expected `aud` per token version. */
  audiences: Partial<Record<TokenVersion, string>>;
  /** Delegated scope every token must carry in `scp`. */
  requiredScope: string;
  clockToleranceSeconds: number;
  isTenantOnboarded(tid: string): Promise<boolean>;
  /** Present in dev mode only: signs the tokens this config trusts (used by POST /dev/token). */
  devTokenIssuer?: DevTokenIssuer;
}

export interface AuthConfigDeps {
  isTenantOnboarded(tid: string): Promise<boolean>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown at start-up when the environment cannot yield a safe configuration. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv, deps: AuthConfigDeps): AuthConfig {
  return env.LOS_DEV_AUTH === '1' ? devConfig(env, deps) : productionConfig(env, deps);
}

/** Names the variable that shows this process runs on an Azure host, if any does. */
export function azureHostMarker(env: NodeJS.ProcessEnv): string | undefined {
  if (env.WEBSITE_INSTANCE_ID) return 'WEBSITE_INSTANCE_ID';
  // Managed identity endpoint: injected by App Service / Functions hosts, never by local tools.
  if (env.IDENTITY_ENDPOINT && env.IDENTITY_HEADER) return 'IDENTITY_ENDPOINT';
  if (env.WEBSITE_SITE_NAME && env.FUNCTIONS_WORKER_RUNTIME) return 'WEBSITE_SITE_NAME with FUNCTIONS_WORKER_RUNTIME';
  return undefined;
}

/**
 * Why dev sign-in must not run here, if it must not: an Azure host marker, or NODE_ENV=production
 * (a production build run anywhere). Dev sign-in trusts locally minted tokens for anyone.
 */
export function devSignInRefusal(env: NodeJS.ProcessEnv): string | undefined {
  const marker = azureHostMarker(env);
  if (marker) return `${marker} is set, so this looks like an Azure host`;
  if (env.NODE_ENV?.trim().toLowerCase() === 'production') return 'NODE_ENV is production';
  return undefined;
}

function devConfig(env: NodeJS.ProcessEnv, deps: AuthConfigDeps): AuthConfig {
  const refusal = devSignInRefusal(env);
  if (refusal) {
    throw new AuthConfigError(
      `LOS_DEV_AUTH=1 is refused: ${refusal}. ` +
        'Dev sign-in trusts locally minted tokens and must never run in production or in Azure; remove LOS_DEV_AUTH.',
    );
  }
  // The local stack's data folder keeps the key across restarts (`npm start`); otherwise a fresh one.
  const keyFile = env.LOS_DEV_SIGNING_KEY_FILE;
  const issuer = createDevTokenIssuer(keyFile ? readDevSigningKey(keyFile) : undefined);
  return {
    mode: 'dev',
    signingKeys: { kind: 'local', jwks: issuer.jwks },
    // Dev tokens are v2-shaped only; a v1 token has no trusted issuer here.
    issuerTemplates: { '2.0': issuer.issuerTemplate },
    audiences: { '2.0': issuer.clientId },
    requiredScope: ACCESS_AS_USER_SCOPE,
    clockToleranceSeconds: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    isTenantOnboarded: (tid) => deps.isTenantOnboarded(tid),
    devTokenIssuer: issuer,
  };
}

function productionConfig(env: NodeJS.ProcessEnv, deps: AuthConfigDeps): AuthConfig {
  const clientId = env.AUTH_CLIENT_ID?.trim();
  const appIdUri = env.AUTH_APP_ID_URI?.trim();
  const problems: string[] = [];
  if (!clientId) problems.push('AUTH_CLIENT_ID is not set (the API app registration\'s Application (client) ID)');
  else if (!GUID.test(clientId)) problems.push('AUTH_CLIENT_ID must be a GUID');
  if (!appIdUri) problems.push('AUTH_APP_ID_URI is not set (e.g. api://<tab-domain>/<client-id>)');
  else if (!appIdUri.startsWith('api://') || (clientId && !appIdUri.endsWith(`/${clientId}`))) {
    problems.push('AUTH_APP_ID_URI must look like api://<tab-domain>/<AUTH_CLIENT_ID> (the form Teams SSO requires)');
  }
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || ENTRA_COMMON_JWKS_URL;
  if (!isTrustworthyKeyUrl(jwksUrl)) problems.push('AUTH_JWKS_URL must be an https URL (http only for loopback)');
  if (problems.length > 0 || !clientId || !appIdUri) {
    throw new AuthConfigError(
      `Authentication is not configured: ${problems.join('; ')}. ` +
        'For local development without Entra ID set LOS_DEV_AUTH=1.',
    );
  }
  return {
    mode: 'production',
    signingKeys: { kind: 'remote', jwksUrl },
    issuerTemplates: { '2.0': ENTRA_V2_ISSUER_TEMPLATE, '1.0': ENTRA_V1_ISSUER_TEMPLATE },
    audiences: { '2.0': clientId, '1.0': appIdUri },
    requiredScope: ACCESS_AS_USER_SCOPE,
    clockToleranceSeconds: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    isTenantOnboarded: (tid) => deps.isTenantOnboarded(tid),
  };
}

/** Signing keys decide who may call the API: fetch them over TLS, except from this machine (tests). */
function isTrustworthyKeyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
