/**
 * Builds Entra ID-shaped access tokens (v2 and v1 claim sets) signed with test keys,
 * plus the production-style configuration that trusts a loopback JWKS server.
 */
import { SignJWT, type JWTPayload } from 'jose';
import { authConfigFromEnv, type AuthConfig } from '../../../api/src/auth/auth-config.js';
import type { TestSigningKey } from '../../support/jwks-server.js';

export const CLIENT_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
export const APP_ID_URI = `api://tab.example.com/${CLIENT_ID}`;
export const ONBOARDED_TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_ONBOARDED_TENANT = '22222222-3333-4444-8555-666666666666';
export const UNKNOWN_TENANT = '99999999-8888-4777-8666-555555555555';
export const USER_OID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Claims of a v2 access token Teams SSO would obtain for this API. */
export function v2Claims(tid: string = ONBOARDED_TENANT): JWTPayload {
  const now = nowSeconds();
  return {
    ver: '2.0',
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    aud: CLIENT_ID,
    tid,
    oid: USER_OID,
    sub: 'pairwise-subject-not-used',
    scp: 'access_as_user',
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    name: 'Ada Lovelace',
    preferred_username: 'ada@contoso.example',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
  };
}

/** Claims of a v1 access token (app registration with accessTokenAcceptedVersion null/1). */
export function v1Claims(tid: string = ONBOARDED_TENANT): JWTPayload {
  const now = nowSeconds();
  return {
    ver: '1.0',
    iss: `https://sts.windows.net/${tid}/`,
    aud: APP_ID_URI,
    tid,
    oid: USER_OID,
    scp: 'access_as_user',
    appid: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    upn: 'ada@contoso.example',
    unique_name: 'ada@contoso.example',
    name: 'Ada Lovelace',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
  };
}

/** Signs claims as Entra does: RS256 with the key's kid in the header. */
export function signWith(key: TestSigningKey, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

export interface ProductionConfigOptions {
  jwksUrl: string;
  onboarded?: readonly string[];
  /** Records every onboarding lookup, to show bad tokens never reach storage. */
  onboardingLookups?: string[];
  refetchCooldownMs?: number;
}

/** Production configuration built from env exactly as the API does, pointed at a loopback JWKS. */
export function productionConfig(options: ProductionConfigOptions): AuthConfig {
  const onboarded = new Set(options.onboarded ?? [ONBOARDED_TENANT, OTHER_ONBOARDED_TENANT]);
  const config = authConfigFromEnv(
    { AUTH_CLIENT_ID: CLIENT_ID, AUTH_APP_ID_URI: APP_ID_URI, AUTH_JWKS_URL: options.jwksUrl },
    {
      isTenantOnboarded: async (tid) => {
        options.onboardingLookups?.push(tid);
        return onboarded.has(tid);
      },
    },
  );
  if (options.refetchCooldownMs === undefined || config.signingKeys.kind !== 'remote') return config;
  return { ...config, signingKeys: { ...config.signingKeys, refetchCooldownMs: options.refetchCooldownMs } };
}
