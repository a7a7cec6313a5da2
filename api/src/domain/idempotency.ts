/**
 * Idempotency-Key rules, without I/O: what a valid key is, what makes two requests "the same",
 * how long a record counts, what to do with the record a request finds, and the ids a handler
 * derives from a record so that re-running a create after a crash collides with the first write.
 */
import { createHash } from 'node:crypto';
import type { IdempotencyRecord, StoredResponse } from '../data/idempotency-repository.js';

/** A stored first answer is replayed for this long (also the idempotency container's defaultTtl). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A running request that has not finished by then is presumed dead (crashed), and a retry may take over. */
export const IDEMPOTENCY_LEASE_MS = 30_000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Printable ASCII only (space to tilde): what an HTTP header can carry unambiguously. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export type KeyCheck = { ok: true; key: string } | { ok: false; reason: string };

export function checkIdempotencyKey(header: string): KeyCheck {
  if (header.trim() === '') return { ok: false, reason: 'The Idempotency-Key header is empty.' };
  if (header.length > MAX_IDEMPOTENCY_KEY_LENGTH) return { ok: false, reason: `An Idempotency-Key has at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.` };
  if (!PRINTABLE_ASCII.test(header)) return { ok: false, reason: 'An Idempotency-Key holds printable ASCII characters only.' };
  return { ok: true, key: header };
}

/** What identifies a request for replay: the route (function), method, path, query, content type and body bytes. */
export interface RequestShape {
  route: string;
  method: string;
  path: string;
  query: string;
  contentType: string;
  body: Uint8Array;
}

export function requestFingerprint(shape: RequestShape): string {
  const hash = createHash('sha256');
  // JSON of the header fields keeps their boundaries unambiguous; the body follows as raw bytes.
  hash.update(JSON.stringify([shape.route, shape.method.toUpperCase(), shape.path, shape.query, shape.contentType.split(';')[0]?.trim().toLowerCase() ?? '']));
  hash.update('\n');
  hash.update(shape.body);
  return hash.digest('base64url');
}

/** One record per (tenant, user, key): the tenant is the partition, the id hashes the user and the key. */
export function idempotencyRecordId(userId: string, key: string): string {
  return `idem-${createHash('sha256').update(JSON.stringify([userId, key])).digest('base64url')}`;
}

export type RecordDecision =
  /** No record, or one past its expiry: claim the key and run the request. */
  | { kind: 'claim'; seed?: undefined }
  /** A run that never finished (its lease is over): take it over, keeping its seed so its writes collide. */
  | { kind: 'take_over'; seed: string }
  | { kind: 'reused' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'wait' };

/** What a request with `fingerprint` does with the record it found at `now`. */
export function decide(record: IdempotencyRecord | undefined, fingerprint: string, now: Date): RecordDecision {
  if (!record || Date.parse(record.expiresAt) <= now.getTime()) return { kind: 'claim' };
  if (record.fingerprint !== fingerprint) return { kind: 'reused' };
  if (record.state === 'done' && record.response) return { kind: 'replay', response: record.response };
  if (Date.parse(record.leaseUntil) <= now.getTime()) return { kind: 'take_over', seed: record.seed };
  return { kind: 'wait' };
}

/** A fresh running record for a claim (or a take-over, which keeps the seed and the original expiry). */
export function runningRecord(
  base: Pick<IdempotencyRecord, 'id' | 'tenantId' | 'userId' | 'key' | 'fingerprint'>,
  seed: string,
  now: Date,
  previous?: Pick<IdempotencyRecord, 'createdAt' | 'expiresAt'>,
): IdempotencyRecord {
  const createdAt = previous?.createdAt ?? now.toISOString();
  return {
    ...base,
    type: 'idempotency',
    seed,
    state: 'running',
    leaseUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(),
    createdAt,
    expiresAt: previous?.expiresAt ?? new Date(Date.parse(createdAt) + IDEMPOTENCY_TTL_SECONDS * 1000).toISOString(),
  };
}

/**
 * A UUID derived from a record's seed and what is being created (RFC 9562 name-based UUIDv8 over
 * SHA-256). The same seed and purpose always give the same id, so a create re-run after a crash
 * hits the document the first run wrote (409 from Cosmos) instead of writing a second one.
 */
export function derivedId(seed: string, purpose: string): string {
  const bytes = createHash('sha256').update(JSON.stringify([seed, purpose])).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Only successful answers are kept: a failed request wrote nothing, so its retry may run again. */
export function isReplayable(status: number): boolean {
  return status >= 200 && status < 300;
}
