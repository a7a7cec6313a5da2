/**
 * What the pulse handlers share: the tenant's threshold, the pulse secret (unwrapped once per
 * instance while the pulse is open, dropped when it closes) and the marker of the caller.
 */
import type { Services } from '../services.js';
import { DEFAULT_MINIMUM_GROUP_SIZE } from '../domain/pulse/anonymity.js';
import { markerDocumentId, markerOf } from '../domain/pulse/marker.js';
import type { PulseDocument } from '../data/pulse-documents.js';
import { problem } from '../http/problem.js';

/** Unwrapped secrets of open pulses, per instance (a Key Vault round trip per answer would be slow). */
const secrets = new Map<string, Buffer>();
const MAX_CACHED_SECRETS = 1_000;

export async function thresholdOf(services: Services, tenantId: string): Promise<number> {
  return (await services.pulses.getSettings(tenantId))?.minimumGroupSize ?? DEFAULT_MINIMUM_GROUP_SIZE;
}

export const wrapContext = (tenantId: string, pulseId: string) => `${tenantId}:${pulseId}`;

/** The pulse's secret, or undefined once it is destroyed (the pulse closed). */
export async function secretOf(services: Services, pulse: Pick<PulseDocument, 'id' | 'tenantId' | 'status'>): Promise<Buffer | undefined> {
  const cacheKey = wrapContext(pulse.tenantId, pulse.id);
  if (pulse.status !== 'open') {
    secrets.delete(cacheKey);
    return undefined;
  }
  const cached = secrets.get(cacheKey);
  if (cached) return cached;
  const stored = await services.pulses.getSecret(pulse.tenantId, pulse.id);
  if (!stored || !services.pulseKeys) return undefined;
  const secret = await services.pulseKeys.unwrap(stored.wrapped, cacheKey);
  if (secrets.size >= MAX_CACHED_SECRETS) secrets.delete(secrets.keys().next().value!);
  secrets.set(cacheKey, secret);
  return secret;
}

/** Drops a closed pulse's secret from this instance's memory. */
export function forgetSecret(tenantId: string, pulseId: string): void {
  secrets.delete(wrapContext(tenantId, pulseId));
}

export function markerIdFor(secret: Buffer, tenantId: string, pulseId: string, userId: string): string {
  return markerDocumentId(markerOf(secret, tenantId, pulseId, userId));
}

export const pulseClosed = () => problem(409, 'pulse_closed', 'This pulse is closed', { detail: 'It no longer takes answers.' });
export const keysUnavailable = () =>
  problem(503, 'pulse_keys_unavailable', 'Pulses cannot open right now', { detail: 'The key that protects answers is not configured (PULSE_MARKER_WRAP_URI).' });
