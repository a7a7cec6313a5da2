import { describe, expect, it } from 'vitest';
import type { IdempotencyRecord } from '../../../api/src/data/idempotency-repository.js';
import {
  checkIdempotencyKey,
  decide,
  derivedId,
  idempotencyRecordId,
  isReplayable,
  requestFingerprint,
  runningRecord,
  type RequestShape,
} from '../../../api/src/domain/idempotency.js';
import { MODULE_BODY_BYTES } from '../../../api/src/functions/modules-create.js';
import { IDEMPOTENT_BODY_LIMIT } from '../../../api/src/http/idempotency.js';
import { idSchema, LIMITS } from '../../../api/src/shared/contracts.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const shape: RequestShape = { route: 'me-tasks-create', method: 'POST', path: '/api/me/tasks', query: '', contentType: 'application/json', body: bytes('{"title":"A"}') };
const at = (iso: string) => new Date(iso);

describe('checkIdempotencyKey', () => {
  it('accepts printable ASCII keys of 1 to 255 characters', () => {
    expect(checkIdempotencyKey('3f1c9a2e-0d4b-4c47-9a51-6c1f0a3b7e21')).toEqual({ ok: true, key: '3f1c9a2e-0d4b-4c47-9a51-6c1f0a3b7e21' });
    expect(checkIdempotencyKey('x'.repeat(255)).ok).toBe(true);
    expect(checkIdempotencyKey('save task #1 ~ retry').ok).toBe(true);
  });

  it('refuses empty, blank, too long and non-printable keys', () => {
    expect(checkIdempotencyKey('').ok).toBe(false);
    expect(checkIdempotencyKey('   ').ok).toBe(false);
    expect(checkIdempotencyKey('x'.repeat(256)).ok).toBe(false);
    expect(checkIdempotencyKey('a\tb').ok).toBe(false);
    expect(checkIdempotencyKey('clé').ok).toBe(false);
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same request, whatever parameters follow the media type', () => {
    expect(requestFingerprint({ ...shape, contentType: 'Application/JSON; charset=utf-8' })).toBe(requestFingerprint(shape));
  });

  it('differs when the route, method, path, query, media type or body differ', () => {
    const base = requestFingerprint(shape);
    const variants: Partial<RequestShape>[] = [
      { route: 'strategies-create' },
      { method: 'PUT' },
      { path: '/api/me/tasks/other' },
      { query: '?dryRun=false' },
      { contentType: 'text/csv' },
      { body: bytes('{"title":"B"}') },
      { body: bytes('{"title": "A"}') },
    ];
    for (const variant of variants) expect(requestFingerprint({ ...shape, ...variant })).not.toBe(base);
  });
});

describe('idempotencyRecordId', () => {
  it('is one id per user and key, usable as a Cosmos id', () => {
    expect(idempotencyRecordId('user-1', 'k')).toBe(idempotencyRecordId('user-1', 'k'));
    expect(idempotencyRecordId('user-2', 'k')).not.toBe(idempotencyRecordId('user-1', 'k'));
    expect(idempotencyRecordId('user-1', 'k2')).not.toBe(idempotencyRecordId('user-1', 'k'));
    expect(idempotencyRecordId('user-1', 'k/../x')).toMatch(/^idem-[A-Za-z0-9_-]{43}$/);
  });
});

describe('runningRecord and decide', () => {
  const base = { id: 'idem-1', tenantId: 't1', userId: 'u1', key: 'k', fingerprint: 'fp' };
  const claimed = runningRecord(base, 'seed-1', at('2030-01-01T10:00:00.000Z'));
  const done: IdempotencyRecord = { ...claimed, state: 'done', response: { status: 201, headers: { etag: '"1"' }, body: '{"id":"a"}' } };

  it('a claim runs for 30 s and is kept 24 h from its creation', () => {
    expect(claimed).toMatchObject({
      type: 'idempotency', state: 'running', seed: 'seed-1', createdAt: '2030-01-01T10:00:00.000Z',
      leaseUntil: '2030-01-01T10:00:30.000Z', expiresAt: '2030-01-02T10:00:00.000Z',
    });
  });

  it('a take-over renews the lease but keeps the seed, creation and expiry', () => {
    const takenOver = runningRecord(base, claimed.seed, at('2030-01-01T11:00:00.000Z'), claimed);
    expect(takenOver).toMatchObject({ seed: 'seed-1', createdAt: '2030-01-01T10:00:00.000Z', expiresAt: '2030-01-02T10:00:00.000Z', leaseUntil: '2030-01-01T11:00:30.000Z' });
  });

  it('claims when there is no record, or only an expired one (even for another body)', () => {
    expect(decide(undefined, 'fp', at('2030-01-01T10:00:00Z'))).toEqual({ kind: 'claim' });
    expect(decide(done, 'fp', at('2030-01-02T10:00:00.000Z'))).toEqual({ kind: 'claim' });
    expect(decide(done, 'other', at('2030-01-02T10:00:01Z'))).toEqual({ kind: 'claim' });
  });

  it('replays a finished request with the same fingerprint until it expires', () => {
    expect(decide(done, 'fp', at('2030-01-02T09:59:59.999Z'))).toEqual({ kind: 'replay', response: done.response });
  });

  it('refuses a live record of another request', () => {
    expect(decide(done, 'other', at('2030-01-01T12:00:00Z'))).toEqual({ kind: 'reused' });
    expect(decide(claimed, 'other', at('2030-01-01T10:00:01Z'))).toEqual({ kind: 'reused' });
  });

  it('waits for a running request, and takes it over with its seed once its lease is over', () => {
    expect(decide(claimed, 'fp', at('2030-01-01T10:00:29.999Z'))).toEqual({ kind: 'wait' });
    expect(decide(claimed, 'fp', at('2030-01-01T10:00:30.000Z'))).toEqual({ kind: 'take_over', seed: 'seed-1' });
  });
});

describe('derivedId', () => {
  it('gives the same UUID for the same seed and purpose, another for another seed or purpose', () => {
    const id = derivedId('seed-1', 'task');
    expect(id).toBe(derivedId('seed-1', 'task'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('seed-2', 'task')).not.toBe(id);
    expect(derivedId('seed-1', 'strategy')).not.toBe(id);
    expect(idSchema.safeParse(id).success).toBe(true);
  });
});

describe('limits', () => {
  it('stores only successful answers', () => {
    expect([200, 201, 204, 299].every(isReplayable)).toBe(true);
    expect([199, 304, 400, 409, 412, 422, 500].some(isReplayable)).toBe(false);
  });

  it('hashes every body a route can accept', () => {
    expect(IDEMPOTENT_BODY_LIMIT).toBeGreaterThanOrEqual(Math.max(LIMITS.maxBodyBytes, MODULE_BODY_BYTES));
  });
});
