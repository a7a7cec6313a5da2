/**
 * Wraps each pulse's marker secret so that the database never holds it in clear.
 *
 * In Azure: an RSA key in Key Vault (PULSE_MARKER_WRAP_URI, infra/modules/pulse-keys.bicep) that never leaves
 * the vault; wrapKey/unwrapKey run in the vault, allowed only to the API's identity (Key Vault Crypto
 * User). Someone with the whole database but not that identity cannot unwrap a secret.
 * Off Azure (local stack, tests): AES-256-GCM under a fixed local key; refused on an Azure host.
 *
 * The wrap is bound to its tenant and pulse (`context`): a wrapped secret copied onto another pulse
 * does not open.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';

export interface PulseKeyWrapper {
  wrap(secret: Buffer, context: string): Promise<string>;
  unwrap(wrapped: string, context: string): Promise<Buffer>;
}

const contextTag = (context: string) => createHash('sha256').update(`pulse-secret:${context}`).digest().subarray(0, 16);

/** Local only: AES-256-GCM, iv (12) | tag (16) | ciphertext, with the context as additional data. */
export function localKeyWrapper(key: Buffer = createHash('sha256').update('line-of-sight local pulse key').digest()): PulseKeyWrapper {
  return {
    async wrap(secret, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(contextTag(context));
      const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
      return `local:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64')}`;
    },
    async unwrap(wrapped, context) {
      const bytes = Buffer.from(wrapped.replace(/^local:/, ''), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAAD(contextTag(context));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
}

const KEY_VAULT_API = '7.4';
const KEY_VAULT_SCOPE = 'https://vault.azure.net/.default';

/** Key Vault wrapKey/unwrapKey (RSA-OAEP-256) over REST with the API's identity; the context tag travels inside the wrap. */
export function keyVaultWrapper(keyId: string, credential: TokenCredential, fetchImpl: typeof fetch = fetch): PulseKeyWrapper {
  async function call(url: string, value: Buffer): Promise<{ kid: string; value: string }> {
    const token = await credential.getToken(KEY_VAULT_SCOPE);
    if (!token) throw new Error('no token for Key Vault');
    const response = await fetchImpl(`${url}?api-version=${KEY_VAULT_API}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ alg: 'RSA-OAEP-256', value: value.toString('base64url') }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`Key Vault answered ${response.status}`);
    return (await response.json()) as { kid: string; value: string };
  }
  return {
    async wrap(secret, context) {
      const result = await call(`${keyId.replace(/\/$/, '')}/wrapkey`, Buffer.concat([contextTag(context), secret]));
      return `kv:${JSON.stringify({ kid: result.kid, value: result.value })}`;
    },
    async unwrap(wrapped, context) {
      const { kid, value } = JSON.parse(wrapped.replace(/^kv:/, '')) as { kid: string; value: string };
      const plain = Buffer.from((await call(`${kid}/unwrapkey`, Buffer.from(value, 'base64url'))).value, 'base64url');
      if (!timingSafeEqual(plain.subarray(0, 16), contextTag(context))) throw new Error('wrapped secret belongs to another pulse');
      return plain.subarray(16);
    },
  };
}

/** Key Vault when PULSE_MARKER_WRAP_URI is set; the local wrapper off Azure; none on an Azure host without it (no pulse opens). */
export function pulseKeyWrapperFrom(keyId: string | undefined, onAzure: boolean, credential: () => TokenCredential): PulseKeyWrapper | undefined {
  if (keyId) return keyVaultWrapper(keyId, credential());
  return onAzure ? undefined : localKeyWrapper();
}
