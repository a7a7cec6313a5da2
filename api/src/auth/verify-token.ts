/**
 * Bearer token → Caller. One code path for Entra ID tokens and dev tokens; the
 * AuthConfig decides which keys, issuers and audiences are trusted.
 *
 * Order matters: the signature and standard claims are checked before anything
 * consults storage (tenant onboarding), so made-up tokens cost no database reads.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Role } from '../shared/contracts.js';
import type { AuthConfig, SigningKeySource, TokenVersion } from './auth-config.js';
import { AuthError } from './auth-error.js';

export { AuthError, isAuthError, type AuthErrorCode, type AuthErrorStatus } from './auth-error.js';

/** Who is calling, taken from the verified token only. */
export interface Caller {
  /** `tid`: the Entra tenant, and the partition key of everything the caller touches. */
  tenantId: string;
  /** `oid`: immutable per user and tenant. Never upn/email, which can change or be reassigned. */
  userId: string;
  /** Always includes 'Employee'; 'Leader'/'Admin' come from the token's app `roles`. */
  roles: Role[];
  /** `name`, for display only. */
  displayName?: string;
  /** `preferred_username` (v2) or `upn` (v1): the sign-in name, recorded on the person's first request. */
  upn?: string;
  /** `wids`: template ids of the directory roles the user holds (e.g. Global Administrator). */
  directoryRoleIds?: string[];
}

export interface VerifyOptions {
  /**
   * Accept a tenant that has not onboarded yet. Only the sign-up routes ask for this
   * (authenticatedHandler's `admitsTenantsNotOnboarded`); every other route refuses such a tenant.
   */
  admitTenantNotOnboarded?: boolean;
}

export type TokenVerifier = (bearerToken: string, options?: VerifyOptions) => Promise<Caller>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Well above any Entra access token; refuses absurd inputs before any parsing. */
const MAX_TOKEN_LENGTH = 16 * 1024;
/** App roles (the app registration's role values) that grant more than Employee. */
const GRANTED_ROLES: readonly Role[] = ['Leader', 'Admin'];

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const getKey = keyGetter(config.signingKeys);

  return async (bearerToken, options = {}) => {
    const { version, tid } = readRoutingClaims(bearerToken);
    const issuerTemplate = config.issuerTemplates[version];
    const audience = config.audiences[version];
    if (!issuerTemplate || !audience) {
      throw new AuthError(401, 'invalid_token', `Tokens of version ${version} are not accepted.`);
    }

    const payload = await verifySignatureAndClaims(bearerToken, getKey, {
      // Exact match against the template filled with the token's own tid: a token
      // issued for one tenant cannot claim to be from another.
      issuer: issuerTemplate.replaceAll('{tid}', tid),
      audience,
      clockTolerance: config.clockToleranceSeconds,
    });

    if (!hasScope(payload.scp, config.requiredScope)) {
      throw new AuthError(403, 'insufficient_scope', `The token lacks the ${config.requiredScope} scope.`);
    }
    const oid = payload.oid;
    if (typeof oid !== 'string' || !GUID.test(oid)) {
      throw new AuthError(401, 'invalid_token', 'The token does not identify a user (oid).');
    }
    if (!options.admitTenantNotOnboarded && !(await config.isTenantOnboarded(tid))) {
      throw new AuthError(403, 'tenant_not_onboarded', 'Your organisation has not set up Line of Sight yet.');
    }

    const caller: Caller = { tenantId: tid, userId: oid, roles: rolesFrom(payload.roles) };
    if (typeof payload.name === 'string' && payload.name.trim() !== '') caller.displayName = payload.name.trim();
    const upn = payload.preferred_username ?? payload.upn;
    if (typeof upn === 'string' && upn.trim() !== '') caller.upn = upn.trim();
    if (Array.isArray(payload.wids)) caller.directoryRoleIds = payload.wids.filter((id): id is string => typeof id === 'string' && GUID.test(id));
    return caller;
  };
}

/** The token from an `Authorization: Bearer <token>` header value. */
export function bearerFrom(authorizationHeader: string | null | undefined): string {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorizationHeader?.trim() ?? '');
  if (!match?.[1]) throw new AuthError(401, 'missing_token', 'Sign in: send Authorization: Bearer <token>.');
  return match[1];
}

/** Passes when the caller holds at least one of `roles`. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.some((role) => caller.roles.includes(role))) {
    throw new AuthError(403, 'forbidden', `This needs one of these roles: ${roles.join(', ')}.`);
  }
}

function keyGetter(source: SigningKeySource): JWTVerifyGetKey {
  if (source.kind === 'local') return createLocalJWKSet(source.jwks);
  const remote = createRemoteJWKSet(new URL(source.jwksUrl), {
    ...(source.refetchCooldownMs !== undefined ? { cooldownDuration: source.refetchCooldownMs } : {}),
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      // Key-selection failures are the token's fault; anything else (network, HTTP
      // status, bad JSON, timeout) means the key endpoint is unavailable.
      if (
        error instanceof errors.JWKSNoMatchingKey ||
        error instanceof errors.JWKSMultipleMatchingKeys ||
        error instanceof errors.JOSENotSupported
      ) {
        throw error;
      }
      throw new AuthError(503, 'signing_keys_unavailable', 'Sign-in keys could not be fetched; try again shortly.');
    }
  };
}

/**
 * Reads, before verification, the two claims that decide how to verify: `ver` picks
 * the issuer template and audience, `tid` fills the template. Both are then proven
 * by the signature and the exact issuer match.
 */
function readRoutingClaims(token: string): { version: TokenVersion; tid: string } {
  if (token.length > MAX_TOKEN_LENGTH) throw new AuthError(401, 'invalid_token', 'The token is too long.');
  let payload: JWTPayload;
  try {
    payload = decodeJwt(token);
  } catch {
    throw new AuthError(401, 'invalid_token', 'The token is not a well-formed JWT.');
  }
  const { ver, tid } = payload;
  if (ver !== '1.0' && ver !== '2.0') throw new AuthError(401, 'invalid_token', 'The token has no known version (ver).');
  if (typeof tid !== 'string' || !GUID.test(tid)) {
    throw new AuthError(401, 'invalid_token', 'The token does not name a tenant (tid).');
  }
  return { version: ver, tid };
}

async function verifySignatureAndClaims(
  token: string,
  getKey: JWTVerifyGetKey,
  expect: { issuer: string; audience: string; clockTolerance: number },
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, getKey, {
      // Entra signs with RS256 only; pinning it rejects `none` and HS256-with-public-key.
      algorithms: ['RS256'],
      issuer: expect.issuer,
      audience: expect.audience,
      clockTolerance: expect.clockTolerance,
      requiredClaims: ['exp'],
    });
    return payload;
  } catch (error) {
    throw toAuthError(error);
  }
}

/** Maps jose's errors to stable codes; jose's own messages never leave this module. */
function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired) return new AuthError(401, 'token_expired', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return new AuthError(401, 'invalid_issuer', 'The token was not issued by a trusted issuer for its tenant.');
      case 'aud':
        return new AuthError(401, 'invalid_audience', 'The token was not issued for this API.');
      case 'nbf':
        return new AuthError(401, 'token_not_yet_valid', 'The token is not valid yet.');
      default:
        return new AuthError(401, 'invalid_token', 'A required claim is missing or invalid.');
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError(401, 'unsupported_algorithm', 'The token is not signed with RS256.');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthError(401, 'unknown_signing_key', 'The token was signed with an unknown key.');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError(401, 'invalid_signature', 'The token signature is not valid.');
  }
  if (error instanceof errors.JOSEError) return new AuthError(401, 'invalid_token', 'The token could not be verified.');
  throw error; // not a token problem: let it surface as a server error
}

function hasScope(scp: unknown, required: string): boolean {
  return typeof scp === 'string' && scp.split(' ').includes(required);
}

function rolesFrom(claim: unknown): Role[] {
  const granted = Array.isArray(claim) ? GRANTED_ROLES.filter((role) => claim.includes(role)) : [];
  return ['Employee', ...granted];
}
