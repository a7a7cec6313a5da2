/**
 * The one error type the auth layer throws. Handlers turn it into a problem+json
 * response with `status` and `code`; `detail` is a short, human sentence that never
 * carries library internals or token contents.
 */

export type AuthErrorCode =
  /** No `Authorization: Bearer …` header. */
  | 'missing_token'
  /** Malformed token, or a required claim (ver, tid, oid, exp) missing or ill-formed. */
  | 'invalid_token'
  | 'unsupported_algorithm'
  | 'unknown_signing_key'
  | 'invalid_signature'
  | 'invalid_issuer'
  | 'invalid_audience'
  | 'token_expired'
  | 'token_not_yet_valid'
  /** Valid token without the `access_as_user` delegated scope (RFC 6750: 403). */
  | 'insufficient_scope'
  /** Valid token from a tenant that has not onboarded (403: authenticated, not allowed). */
  | 'tenant_not_onboarded'
  /** The caller lacks the role an operation needs. */
  | 'forbidden'
  /** The identity provider's keys could not be fetched; not the caller's fault. */
  | 'signing_keys_unavailable';

export type AuthErrorStatus = 401 | 403 | 503;

export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly status: AuthErrorStatus,
    readonly code: AuthErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }

  /** Value for a `WWW-Authenticate` response header (RFC 6750 §3), when one applies. */
  wwwAuthenticate(): string | undefined {
    if (this.status === 401) {
      return this.code === 'missing_token' ? 'Bearer' : 'Bearer error="invalid_token"';
    }
    if (this.code === 'insufficient_scope') return 'Bearer error="insufficient_scope", scope="access_as_user"';
    return undefined;
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError;
}
