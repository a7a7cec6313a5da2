/**
 * The double-answer marker and the per-pulse secret it is made with. No I/O.
 *
 * marker = HMAC-SHA256(pulse secret, tenant : pulse : person). A marker document (no person id, no
 * link to the response) is created in the same transactional batch as the response, so a second
 * answer collides (409). Without the secret a marker cannot be tested against a person: it is a
 * keyed hash of 256 random bits.
 *
 * Where the secret lives: never in clear in the database. It is stored wrapped by a Key Vault key
 * that never leaves the vault (data/pulse-key-wrapper.ts; only the API's identity may unwrap), in a
 * document of its own, and that document is deleted in the same batch that closes the pulse. So:
 * - database access alone (a copy, a backup, a leaked role) cannot link a marker to a person, open or closed;
 * - after close, not even the database plus the vault can: the wrapped secret is gone; and the
 *   markers and responses are deleted too, only the tallies stay (data/pulse-lifecycle.ts).
 * The limits (backups taken while the pulse was open, request logs) are in the README.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const SECRET_BYTES = 32;

export function newPulseSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

export function markerOf(secret: Buffer, tenantId: string, pulseId: string, userId: string): string {
  return createHmac('sha256', secret).update(JSON.stringify([tenantId, pulseId, userId])).digest('base64url');
}

/** Cosmos ids may not hold '/', so the marker (base64url) is safe as it is. */
export function markerDocumentId(marker: string): string {
  return `pm-${marker}`;
}
