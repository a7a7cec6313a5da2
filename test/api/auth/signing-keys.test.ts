/**
 * Signature, algorithm and key-set behaviour against a real loopback JWKS server:
 * algorithm pinning, unknown kids, key rotation with refetch, caching and outages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, base64url } from 'jose';
import { AuthError, createTokenVerifier } from '../../../api/src/auth/verify-token.js';
import { createTestSigningKey, startJwksServer, type JwksServer } from '../../support/jwks-server.js';
import { USER_OID, productionConfig, signWith, v2Claims } from './entra-tokens.js';

const published = createTestSigningKey('published-key');
const rotatedIn = createTestSigningKey('rotated-in-key');

const servers: JwksServer[] = [];
async function serve(...keys: Parameters<typeof startJwksServer>[0]): Promise<JwksServer> {
  const server = await startJwksServer(keys);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('algorithm', () => {
  it("rejects alg 'none'", async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const unsigned = new UnsecuredJWT(v2Claims()).encode();
    const error = await rejection(verify(unsigned));
    expect([error.status, error.code]).toEqual([401, 'unsupported_algorithm']);
  });

  it("rejects 'none' even with a published kid in the header", async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: published.kid }));
    const payload = base64url.encode(JSON.stringify(v2Claims()));
    const error = await rejection(verify(`${header}.${payload}.`));
    expect(error.code).toBe('unsupported_algorithm');
  });

  it('rejects HS256 signed with the public key as the HMAC secret', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    for (const secret of [
      published.publicKey.export({ type: 'spki', format: 'pem' }),
      JSON.stringify(published.publicJwk),
    ]) {
      const forged = await new SignJWT(v2Claims())
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: published.kid })
        .sign(new TextEncoder().encode(secret.toString()));
      const error = await rejection(verify(forged));
      expect([error.status, error.code]).toEqual([401, 'unsupported_algorithm']);
    }
  });

  it('accepts only RS256, even for other algorithms the published RSA key could verify', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    for (const alg of ['RS512', 'PS256']) {
      const token = await new SignJWT(v2Claims())
        .setProtectedHeader({ alg, typ: 'JWT', kid: published.kid })
        .sign(published.privateKey);
      const error = await rejection(verify(token));
      expect([error.status, error.code]).toEqual([401, 'unsupported_algorithm']);
    }
  });

  it('rejects a token signed by another key under a published kid', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const impostor = { ...createTestSigningKey(), kid: published.kid };
    const error = await rejection(verify(await signWith(impostor, v2Claims())));
    expect([error.status, error.code]).toEqual([401, 'invalid_signature']);
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const [header, , signature] = (await signWith(published, v2Claims())).split('.');
    const altered = base64url.encode(JSON.stringify({ ...v2Claims(), roles: ['Admin'] }));
    const error = await rejection(verify(`${header}.${altered}.${signature}`));
    expect(error.code).toBe('invalid_signature');
  });

  it('rejects garbage that is not a JWT', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const error = await rejection(verify('not.a.jwt'));
    expect([error.status, error.code]).toEqual([401, 'invalid_token']);
    expect(jwks.fetchCount).toBe(0);
  });
});

describe('key set', () => {
  it('fetches the key set once and serves later tokens from the cache', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    for (let i = 0; i < 3; i += 1) await verify(await signWith(published, v2Claims()));
    expect(jwks.fetchCount).toBe(1);
  });

  it('rejects an unknown kid, then accepts it once the rotated key is published (refetch)', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url, refetchCooldownMs: 0 }));
    await verify(await signWith(published, v2Claims()));
    expect(jwks.fetchCount).toBe(1);

    const rotatedToken = await signWith(rotatedIn, v2Claims());
    const error = await rejection(verify(rotatedToken));
    expect([error.status, error.code]).toEqual([401, 'unknown_signing_key']);
    expect(jwks.fetchCount).toBe(2); // the unknown kid triggered one refetch

    jwks.publish([published, rotatedIn]);
    const caller = await verify(rotatedToken);
    expect(caller.userId).toBe(USER_OID);
    expect(jwks.fetchCount).toBe(3);
    await verify(await signWith(published, v2Claims()));
    expect(jwks.fetchCount).toBe(3); // both keys now come from the cache
  });

  it('does not refetch for unknown kids during the cooldown (no request flood)', async () => {
    const jwks = await serve(published);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    await verify(await signWith(published, v2Claims()));
    for (let i = 0; i < 5; i += 1) {
      const error = await rejection(verify(await signWith(createTestSigningKey(`made-up-${i}`), v2Claims())));
      expect(error.code).toBe('unknown_signing_key');
    }
    expect(jwks.fetchCount).toBe(1);
  });

  it('answers 503 signing_keys_unavailable when the key endpoint fails', async () => {
    const jwks = await serve(published);
    jwks.failWith(503);
    const verify = createTokenVerifier(productionConfig({ jwksUrl: jwks.url }));
    const error = await rejection(verify(await signWith(published, v2Claims())));
    expect([error.status, error.code]).toEqual([503, 'signing_keys_unavailable']);
    expect(jwks.fetchCount).toBe(1);

    jwks.failWith(null);
    expect((await verify(await signWith(published, v2Claims()))).userId).toBe(USER_OID);
  });

  it('answers 503 signing_keys_unavailable when the key endpoint is unreachable', async () => {
    const jwks = await serve(published);
    const url = jwks.url;
    await servers.pop()?.close();
    const verify = createTokenVerifier(productionConfig({ jwksUrl: url }));
    const error = await rejection(verify(await signWith(published, v2Claims())));
    expect([error.status, error.code]).toEqual([503, 'signing_keys_unavailable']);
  });
});
