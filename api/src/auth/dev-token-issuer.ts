/**
 * Dev-mode sign-in: a local stand-in for Entra ID. It signs v2-shaped access tokens
 * with an RSA key, and publishes the public half as a JWKS. The key exists only in this
 * process's memory, unless the local stack hands it one kept in its data folder
 * (LOS_DEV_SIGNING_KEY_FILE, `npm start`) so tokens stay valid across restarts. The API verifies these tokens with the very same verifier it uses in
 * production; only the trusted keys, issuer template and audience differ.
 *
 * Only auth-config.ts creates one, and only when LOS_DEV_AUTH=1 outside Azure.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from '../shared/contracts.js';

/** Audience of dev tokens: stands in for the app registration's client id. */
export const DEV_CLIENT_ID = '6c6f7300-de70-4000-8000-000000000001';
/** Clearly local issuer; `{tid}` is replaced by the tenant id, as Entra's v2 issuer is. */
export const DEV_ISSUER_TEMPLATE = 'http://localhost/dev-issuer/{tid}/v2.0';
/** The delegated scope the tab asks Entra for; dev tokens carry it too. */
export const ACCESS_AS_USER_SCOPE = 'access_as_user';

const DEV_TOKEN_LIFETIME_SECONDS = 60 * 60;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DevIdentityClaims {
  tenantId: string;
  userId: string;
  roles: readonly Role[];
  displayName?: string;
  upn?: string;
  wids?: readonly string[];
}

export interface DevTokenIssuer {
  readonly kid: string;
  readonly clientId: string;
  readonly issuerTemplate: string;
  /** Public keys only; the only keys a dev-mode verifier trusts. */
  readonly jwks: JSONWebKeySet;
  /** Signs a one-hour, v2-shaped access token for the identity. */
  issueDevToken(identity: DevIdentityClaims): Promise<string>;
}

/** A dev signing key as kept on disk: the RSA private key as a JWK, and its key id. */
export interface DevSigningKey {
  kid: string;
  privateJwk: JWK;
}

/** A new RSA signing key (synchronous, so auth configuration can be built synchronously at start-up). */
export function createDevSigningKey(): DevSigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: `dev-${randomUUID()}`, privateJwk: privateKey.export({ format: 'jwk' }) as JWK };
}

/** Reads a key written by the local stack (JSON of a DevSigningKey); throws if it is not one. */
export function readDevSigningKey(path: string): DevSigningKey {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DevSigningKey>;
  if (typeof parsed.kid !== 'string' || parsed.privateJwk?.kty !== 'RSA' || typeof parsed.privateJwk.d !== 'string') {
    throw new Error(`${path} does not hold a dev signing key`);
  }
  return { kid: parsed.kid, privateJwk: parsed.privateJwk };
}

/** Signs with `signingKey`, or with a fresh in-memory key. jose signs with a node:crypto KeyObject just the same. */
export function createDevTokenIssuer(signingKey: DevSigningKey = createDevSigningKey()): DevTokenIssuer {
  const privateKey = createPrivateKey({ key: signingKey.privateJwk as never, format: 'jwk' });
  const kid = signingKey.kid;
  const publicJwk: JWK = { ...(createPublicKey(privateKey).export({ format: 'jwk' }) as JWK), kid, alg: 'RS256', use: 'sig' };
  const jwks: JSONWebKeySet = { keys: [publicJwk] };

  return {
    kid,
    clientId: DEV_CLIENT_ID,
    issuerTemplate: DEV_ISSUER_TEMPLATE,
    jwks,
    issueDevToken: (identity) => signDevToken(privateKey, kid, identity),
  };
}

async function signDevToken(privateKey: KeyObject, kid: string, identity: DevIdentityClaims): Promise<string> {
  // Fail here, loudly, rather than minting a token the verifier would reject anyway.
  if (!GUID.test(identity.tenantId)) throw new Error('Dev token: tenantId must be a GUID');
  if (!GUID.test(identity.userId)) throw new Error('Dev token: userId must be a GUID');

  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    ver: '2.0',
    tid: identity.tenantId,
    oid: identity.userId,
    scp: ACCESS_AS_USER_SCOPE,
    roles: identity.roles.filter((role) => role !== 'Employee'),
  };
  if (identity.displayName !== undefined) claims.name = identity.displayName;
  if (identity.upn !== undefined) claims.preferred_username = identity.upn;
  if (identity.wids !== undefined && identity.wids.length > 0) claims.wids = [...identity.wids];

  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
    .setIssuer(DEV_ISSUER_TEMPLATE.replace('{tid}', identity.tenantId))
    .setAudience(DEV_CLIENT_ID)
    .setSubject(identity.userId)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + DEV_TOKEN_LIFETIME_SECONDS)
    .sign(privateKey);
}
