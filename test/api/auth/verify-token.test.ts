/**
 * Claim checks of the production verifier: real tokens signed with a test key, keys
 * served by a real loopback JWKS server, configuration read from env as in Azure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { AuthError, createTokenVerifier, type TokenVerifier } from '../../../api/src/auth/verify-token.js';
import { createTestSigningKey, startJwksServer, type JwksServer } from '../../support/jwks-server.js';
import {
  APP_ID_URI,
  CLIENT_ID,
  ONBOARDED_TENANT,
  OTHER_ONBOARDED_TENANT,
  UNKNOWN_TENANT,
  USER_OID,
  nowSeconds,
  productionConfig,
  signWith,
  v1Claims,
  v2Claims,
} from './entra-tokens.js';

const key = createTestSigningKey();
let jwks: JwksServer;
let verify: TokenVerifier;
const onboardingLookups: string[] = [];

beforeAll(async () => {
  jwks = await startJwksServer([key]);
  verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url, onboardingLookups }));
});
afterAll(() => jwks.close());

/** Verifies and returns the AuthError, failing the test if verification succeeds. */
async function rejection(claims: JWTPayload): Promise<AuthError> {
  const error = await verify(await signWith(key, claims)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('accepted tokens', () => {
  it('takes the caller from oid, tid, roles, name and preferred_username of a v2 token', async () => {
    const caller = await verify(await signWith(key, { ...v2Claims(), roles: ['Leader', 'Admin', 'Task.Write'] }));
    expect(caller).toEqual({
      tenantId: ONBOARDED_TENANT,
      userId: USER_OID,
      roles: ['Employee', 'Leader', 'Admin'],
      displayName: 'Ada Lovelace',
      // Recorded on the person's first request; never used to identify them.
      upn: 'ada@contoso.example',
    });
  });

  it('gives every caller the Employee role when the token has no roles', async () => {
    const caller = await verify(await signWith(key, v2Claims()));
    expect(caller.roles).toEqual(['Employee']);
  });

  it('accepts a v1 token issued by sts.windows.net for the App ID URI', async () => {
    const caller = await verify(await signWith(key, v1Claims(OTHER_ONBOARDED_TENANT)));
    expect(caller).toMatchObject({ tenantId: OTHER_ONBOARDED_TENANT, userId: USER_OID, roles: ['Employee'] });
  });

  it('accepts a token that expired less than the clock skew ago', async () => {
    const caller = await verify(await signWith(key, { ...v2Claims(), exp: nowSeconds() - 120 }));
    expect(caller.userId).toBe(USER_OID);
  });

  it('accepts a token whose not-before is less than the clock skew ahead', async () => {
    const caller = await verify(await signWith(key, { ...v2Claims(), nbf: nowSeconds() + 120 }));
    expect(caller.userId).toBe(USER_OID);
  });

  it('never takes identity from upn, email or preferred_username (the sign-in name is only carried along)', async () => {
    const claims: JWTPayload = {
      ...v2Claims(),
      upn: 'mallory@contoso.example',
      email: 'mallory@contoso.example',
      preferred_username: 'mallory@contoso.example',
      unique_name: 'mallory@contoso.example',
    };
    const caller = await verify(await signWith(key, claims));
    expect(caller.userId).toBe(USER_OID);
    const { upn, ...identity } = caller;
    expect(upn).toBe('mallory@contoso.example');
    expect(JSON.stringify(identity)).not.toContain('mallory');

    const { oid: _oid, ...withoutOid } = claims;
    const error = await rejection(withoutOid);
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
  });
});

describe('audience', () => {
  it('rejects a v2 token for another API', async () => {
    const error = await rejection({ ...v2Claims(), aud: '3f2e1d0c-0000-4000-8000-000000000000' });
    expect([error.status, error.code]).toEqual([401, 'invalid_audience']);
  });

  it('rejects a v2 token whose audience is the App ID URI (v2 tokens carry the client id)', async () => {
    const error = await rejection({ ...v2Claims(), aud: APP_ID_URI });
    expect(error.code).toBe('invalid_audience');
  });

  it('rejects a v1 token whose audience is not the App ID URI', async () => {
    const error = await rejection({ ...v1Claims(), aud: 'api://other.example.com/' + CLIENT_ID });
    expect([error.status, error.code]).toEqual([401, 'invalid_audience']);
  });
});

describe('issuer', () => {
  it('rejects a token from an untrusted issuer', async () => {
    const error = await rejection({ ...v2Claims(), iss: `https://evil.example/${ONBOARDED_TENANT}/v2.0` });
    expect([error.status, error.code]).toEqual([401, 'invalid_issuer']);
  });

  it("rejects a token whose issuer names another tenant than its tid", async () => {
    const claims = { ...v2Claims(ONBOARDED_TENANT), iss: `https://login.microsoftonline.com/${OTHER_ONBOARDED_TENANT}/v2.0` };
    const error = await rejection(claims);
    expect([error.status, error.code]).toEqual([401, 'invalid_issuer']);
  });

  it('rejects a v2 token carrying the v1 issuer (ver decides the template)', async () => {
    const error = await rejection({ ...v2Claims(), iss: `https://sts.windows.net/${ONBOARDED_TENANT}/` });
    expect(error.code).toBe('invalid_issuer');
  });

  it('rejects the multi-tenant placeholder issuer', async () => {
    const error = await rejection({ ...v2Claims(), iss: 'https://login.microsoftonline.com/{tenantid}/v2.0' });
    expect(error.code).toBe('invalid_issuer');
  });

  it('rejects a tid that is not a GUID', async () => {
    const error = await rejection({ ...v2Claims(), tid: 'common', iss: 'https://login.microsoftonline.com/common/v2.0' });
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
  });

  it('rejects a token without a known version', async () => {
    const { ver: _ver, ...claims } = v2Claims();
    const error = await rejection(claims);
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
  });
});

describe('lifetime', () => {
  it('rejects an expired token', async () => {
    const error = await rejection({ ...v2Claims(), iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 });
    expect([error.status, error.code]).toEqual([401, 'token_expired']);
  });

  it('rejects a token that is not valid yet', async () => {
    const error = await rejection({ ...v2Claims(), nbf: nowSeconds() + 3600 });
    expect([error.status, error.code]).toEqual([401, 'token_not_yet_valid']);
  });

  it('rejects a token without an expiry', async () => {
    const { exp: _exp, ...claims } = v2Claims();
    const error = await rejection(claims);
    expect(error.code).toBe('invalid_token');
  });
});

describe('scope, user and tenant', () => {
  it('rejects a token without access_as_user', async () => {
    const error = await rejection({ ...v2Claims(), scp: 'User.Read openid profile' });
    expect([error.status, error.code]).toEqual([403, 'insufficient_scope']);
    expect(error.wwwAuthenticate()).toContain('insufficient_scope');
  });

  it('rejects an app-only token (roles, no scp)', async () => {
    const { scp: _scp, ...claims } = v2Claims();
    const error = await rejection({ ...claims, roles: ['Admin'] });
    expect(error.code).toBe('insufficient_scope');
  });

  it('matches scopes whole, not as substrings', async () => {
    const error = await rejection({ ...v2Claims(), scp: 'access_as_user_extra' });
    expect(error.code).toBe('insufficient_scope');
  });

  it('rejects a token without oid', async () => {
    const { oid: _oid, ...claims } = v2Claims();
    const error = await rejection(claims);
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
  });

  it('rejects an oid that is not a GUID', async () => {
    const error = await rejection({ ...v2Claims(), oid: 'ada@contoso.example' });
    expect(error.code).toBe('invalid_token');
  });

  it('rejects a valid token from a tenant that has not onboarded', async () => {
    const error = await rejection(v2Claims(UNKNOWN_TENANT));
    expect([error.status, error.code]).toEqual([403, 'tenant_not_onboarded']);
  });

  it('admits a tenant that has not onboarded only when the route opts in (sign-up), with its directory roles', async () => {
    const token = await signWith(key, { ...v2Claims(UNKNOWN_TENANT), wids: ['62e90394-69f5-4237-9190-012177145e10', 'not-a-guid'] });
    const caller = await verify(token, { admitTenantNotOnboarded: true });
    expect(caller).toMatchObject({ tenantId: UNKNOWN_TENANT, directoryRoleIds: ['62e90394-69f5-4237-9190-012177145e10'] });
    await expect(verify(token)).rejects.toMatchObject({ status: 403, code: 'tenant_not_onboarded' });
    await expect(verify(token, {})).rejects.toMatchObject({ code: 'tenant_not_onboarded' });
  });

  it('consults tenant onboarding only for tokens that passed every other check', async () => {
    onboardingLookups.length = 0;
    await rejection({ ...v2Claims(UNKNOWN_TENANT), aud: 'someone-else' });
    await rejection({ ...v2Claims(UNKNOWN_TENANT), exp: nowSeconds() - 3600 });
    await rejection({ ...v2Claims(UNKNOWN_TENANT), scp: 'User.Read' });
    expect(onboardingLookups).toEqual([]);
    await rejection(v2Claims(UNKNOWN_TENANT));
    expect(onboardingLookups).toEqual([UNKNOWN_TENANT]);
  });

  it('keeps error details short and free of library messages', async () => {
    const error = await rejection({ ...v2Claims(), aud: 'someone-else' });
    expect(error.detail).toBe('The token was not issued for this API.');
    expect(error.message).not.toMatch(/claim|jose|ERR_/i);
  });
});
