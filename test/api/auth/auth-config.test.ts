/**
 * Configuration from env (production and dev), dev tokens through the same verifier,
 * and the small helpers handlers use: bearerFrom and requireRole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthConfigError,
  ENTRA_COMMON_JWKS_URL,
  authConfigFromEnv,
  devSignInRefusal,
  type AuthConfig,
} from '../../../api/src/auth/auth-config.js';
import { DEV_CLIENT_ID, createDevTokenIssuer } from '../../../api/src/auth/dev-token-issuer.js';
import { AuthError, bearerFrom, createTokenVerifier, requireRole } from '../../../api/src/auth/verify-token.js';
import { createTestSigningKey, startJwksServer, type JwksServer } from '../../support/jwks-server.js';
import { APP_ID_URI, CLIENT_ID, ONBOARDED_TENANT, UNKNOWN_TENANT, USER_OID, productionConfig, signWith, v2Claims } from './entra-tokens.js';

const onboarded = { isTenantOnboarded: async (tid: string) => tid === ONBOARDED_TENANT };

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

function devConfig(extraEnv: NodeJS.ProcessEnv = {}): AuthConfig {
  return authConfigFromEnv({ LOS_DEV_AUTH: '1', ...extraEnv }, onboarded);
}

describe('production configuration', () => {
  it('trusts Entra common keys, both issuer versions and the registration ids by default', () => {
    const config = authConfigFromEnv({ AUTH_CLIENT_ID: CLIENT_ID, AUTH_APP_ID_URI: APP_ID_URI }, onboarded);
    expect(config).toMatchObject({
      mode: 'production',
      signingKeys: { kind: 'remote', jwksUrl: ENTRA_COMMON_JWKS_URL },
      issuerTemplates: { '2.0': 'https://login.microsoftonline.com/{tid}/v2.0', '1.0': 'https://sts.windows.net/{tid}/' },
      audiences: { '2.0': CLIENT_ID, '1.0': APP_ID_URI },
      requiredScope: 'access_as_user',
      clockToleranceSeconds: 300,
    });
    expect(config.devTokenIssuer).toBeUndefined();
  });

  it.each([
    [{}, /AUTH_CLIENT_ID is not set.*AUTH_APP_ID_URI is not set/],
    [{ AUTH_CLIENT_ID: CLIENT_ID }, /AUTH_APP_ID_URI is not set/],
    [{ AUTH_CLIENT_ID: 'my-app', AUTH_APP_ID_URI: APP_ID_URI }, /AUTH_CLIENT_ID must be a GUID/],
    [{ AUTH_CLIENT_ID: CLIENT_ID, AUTH_APP_ID_URI: 'https://tab.example.com' }, /AUTH_APP_ID_URI must look like/],
    [{ AUTH_CLIENT_ID: CLIENT_ID, AUTH_APP_ID_URI: APP_ID_URI, AUTH_JWKS_URL: 'http://keys.example.com/keys' }, /https URL/],
    // Only the exact value 1 turns dev sign-in on.
    [{ LOS_DEV_AUTH: 'true' }, /AUTH_CLIENT_ID is not set/],
  ])('refuses to start with %j', (env, message) => {
    expect(() => authConfigFromEnv(env, onboarded)).toThrow(AuthConfigError);
    expect(() => authConfigFromEnv(env, onboarded)).toThrow(message);
  });
});

describe('dev configuration', () => {
  it('trusts only the in-memory dev key and the local issuer', () => {
    const config = devConfig();
    expect(config.mode).toBe('dev');
    expect(config.signingKeys.kind).toBe('local');
    expect(config.issuerTemplates).toEqual({ '2.0': 'http://localhost/dev-issuer/{tid}/v2.0' });
    expect(config.audiences).toEqual({ '2.0': DEV_CLIENT_ID });
    const keys = config.signingKeys.kind === 'local' ? config.signingKeys.jwks.keys : [];
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty('d'); // public half only
  });

  it.each([
    [{ WEBSITE_INSTANCE_ID: 'a1b2c3' }, /WEBSITE_INSTANCE_ID/],
    [{ WEBSITE_SITE_NAME: 'los-func', FUNCTIONS_WORKER_RUNTIME: 'node' }, /WEBSITE_SITE_NAME/],
    [{ IDENTITY_ENDPOINT: 'http://169.254.255.2:8081/msi/token', IDENTITY_HEADER: 'x' }, /IDENTITY_ENDPOINT/],
  ])('refuses to start on an Azure host (%j)', (azureEnv, marker) => {
    expect(() => devConfig(azureEnv)).toThrow(AuthConfigError);
    expect(() => devConfig(azureEnv)).toThrow(marker);
  });

  it.each(['production', 'Production', ' production '])('refuses to start with NODE_ENV=%j', (nodeEnv) => {
    expect(() => devConfig({ NODE_ENV: nodeEnv })).toThrow(AuthConfigError);
    expect(() => devConfig({ NODE_ENV: nodeEnv })).toThrow(/LOS_DEV_AUTH=1 is refused: NODE_ENV is production/);
  });

  it('starts with NODE_ENV development or test, and only with the explicit opt-in', () => {
    expect(devConfig({ NODE_ENV: 'development' }).mode).toBe('dev');
    expect(devConfig({ NODE_ENV: 'test' }).mode).toBe('dev');
    expect(devSignInRefusal({ NODE_ENV: 'development' })).toBeUndefined();
    // Without LOS_DEV_AUTH=1 nothing turns dev sign-in on, whatever else is set.
    for (const env of [{}, { LOS_DEV_AUTH: '0' }, { LOS_DEV_AUTH: 'yes' }, { NODE_ENV: 'development' }]) {
      expect(() => authConfigFromEnv(env, onboarded)).toThrow(/AUTH_CLIENT_ID is not set/);
    }
  });

  it('still starts locally when only the worker runtime is set (local.settings.json)', () => {
    expect(devConfig({ FUNCTIONS_WORKER_RUNTIME: 'node' }).mode).toBe('dev');
  });

  it('validates dev tokens through the same verifier', async () => {
    const config = devConfig();
    const token = await config.devTokenIssuer!.issueDevToken({
      tenantId: ONBOARDED_TENANT,
      userId: USER_OID,
      roles: ['Employee', 'Leader'],
      displayName: 'Grace Hopper',
    });
    const caller = await createTokenVerifier(config)(token);
    expect(caller).toEqual({ tenantId: ONBOARDED_TENANT, userId: USER_OID, roles: ['Employee', 'Leader'], displayName: 'Grace Hopper' });
  });

  it('applies tenant onboarding to dev tokens too', async () => {
    const config = devConfig();
    const token = await config.devTokenIssuer!.issueDevToken({ tenantId: UNKNOWN_TENANT, userId: USER_OID, roles: [] });
    const error = await rejection(createTokenVerifier(config)(token));
    expect([error.status, error.code]).toEqual([403, 'tenant_not_onboarded']);
  });

  it("rejects another dev issuer's tokens (keys exist only in this process)", async () => {
    const stranger = createDevTokenIssuer();
    const token = await stranger.issueDevToken({ tenantId: ONBOARDED_TENANT, userId: USER_OID, roles: ['Admin'] });
    const error = await rejection(createTokenVerifier(devConfig())(token));
    expect([error.status, error.code]).toEqual([401, 'unknown_signing_key']);
  });

  it('rejects Entra-shaped tokens signed by other keys', async () => {
    const error = await rejection(createTokenVerifier(devConfig())(await signWith(createTestSigningKey(), v2Claims())));
    expect(error.code).toBe('unknown_signing_key');
  });

  it('refuses to mint tokens for ids that are not GUIDs', async () => {
    await expect(
      devConfig().devTokenIssuer!.issueDevToken({ tenantId: 'contoso', userId: USER_OID, roles: [] }),
    ).rejects.toThrow(/tenantId must be a GUID/);
  });
});

describe('dev tokens against a production configuration', () => {
  let jwks: JwksServer;
  beforeAll(async () => {
    jwks = await startJwksServer([createTestSigningKey()]);
  });
  afterAll(() => jwks.close());

  it('rejects a dev token: its key is not among the identity provider keys', async () => {
    const issuer = devConfig().devTokenIssuer!;
    const token = await issuer.issueDevToken({ tenantId: ONBOARDED_TENANT, userId: USER_OID, roles: ['Admin'] });
    const error = await rejection(createTokenVerifier(productionConfig({ jwksUrl: jwks.url }))(token));
    expect([error.status, error.code]).toEqual([401, 'unknown_signing_key']);
  });

  it('rejects a dev token even if its key were published: wrong issuer', async () => {
    const issuer = devConfig().devTokenIssuer!;
    const devKey = { kid: issuer.kid, publicJwk: issuer.jwks.keys[0]! };
    jwks.publish([{ ...createTestSigningKey(), ...devKey }]);
    const token = await issuer.issueDevToken({ tenantId: ONBOARDED_TENANT, userId: USER_OID, roles: [] });
    const error = await rejection(createTokenVerifier(productionConfig({ jwksUrl: jwks.url }))(token));
    expect([error.status, error.code]).toEqual([401, 'invalid_issuer']);
  });
});

describe('bearerFrom', () => {
  it('reads the token from a Bearer header, scheme case-insensitive', () => {
    expect(bearerFrom('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerFrom('bearer  abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it.each([null, undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'abc.def.ghi', 'Bearer a b'])(
    'answers 401 missing_token for %j',
    (header) => {
      expect(() => bearerFrom(header)).toThrow(expect.objectContaining({ status: 401, code: 'missing_token' }));
    },
  );
});

describe('requireRole', () => {
  const leader = { tenantId: ONBOARDED_TENANT, userId: USER_OID, roles: ['Employee', 'Leader'] as const };

  it('passes when the caller holds one of the roles', () => {
    expect(() => requireRole({ ...leader, roles: [...leader.roles] }, 'Leader', 'Admin')).not.toThrow();
  });

  it('answers 403 forbidden otherwise', () => {
    expect(() => requireRole({ ...leader, roles: [...leader.roles] }, 'Admin')).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden' }),
    );
  });
});
