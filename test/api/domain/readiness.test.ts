/** domain/readiness.ts by worked examples: ages from "now", what makes a tenant degraded. */
import { describe, expect, it } from 'vitest';
import { READINESS_LIMITS, readiness, tenantReadiness } from '../../../api/src/domain/readiness.js';

const now = new Date('2026-03-02T09:00:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('tenant readiness', () => {
  it('is ok with a short backlog and a recent sync, ages in whole seconds', () => {
    expect(tenantReadiness({ tenantId: 't', outbox: { pending: 3, oldestPendingCreatedAt: ago(75.9), dead: 0 }, directorySync: { lastCompletedAt: ago(240) } }, now)).toEqual({
      tenantId: 't',
      status: 'ok',
      outbox: { pending: 3, oldestPendingAgeSeconds: 75, dead: 0 },
      directorySync: { lastCompletedAt: ago(240), lagSeconds: 240 },
    });
  });

  it('has no age without a backlog, and no lag before a first sync', () => {
    const figures = tenantReadiness({ tenantId: 't', outbox: { pending: 0, dead: 0 }, directorySync: { lastCompletedAt: null } }, now);
    expect(figures.outbox.oldestPendingAgeSeconds).toBeNull();
    expect(figures.directorySync).toEqual({ lastCompletedAt: null, lagSeconds: null });
    expect(figures.status).toBe('ok');
  });

  it('is degraded by a dead letter, an entry waiting past the limit, or a sync older than the limit', () => {
    const base = { tenantId: 't', outbox: { pending: 0, dead: 0 }, directorySync: { lastCompletedAt: ago(60) } };
    expect(tenantReadiness({ ...base, outbox: { pending: 0, dead: 1 } }, now).status).toBe('degraded');
    expect(tenantReadiness({ ...base, outbox: { pending: 1, oldestPendingCreatedAt: ago(READINESS_LIMITS.oldestPendingSeconds), dead: 0 } }, now).status).toBe('ok');
    expect(tenantReadiness({ ...base, outbox: { pending: 1, oldestPendingCreatedAt: ago(READINESS_LIMITS.oldestPendingSeconds + 1), dead: 0 } }, now).status).toBe('degraded');
    expect(tenantReadiness({ ...base, directorySync: { lastCompletedAt: ago(READINESS_LIMITS.syncLagSeconds + 1) } }, now).status).toBe('degraded');
  });
});

describe('readiness', () => {
  it('is unavailable when Cosmos DB does not answer, degraded when any tenant is, and rounds the latency', () => {
    const ok = { tenantId: 'a', outbox: { pending: 0, dead: 0 }, directorySync: { lastCompletedAt: ago(1) } };
    const dead = { ...ok, tenantId: 'b', outbox: { pending: 0, dead: 2 } };
    expect(readiness({ reachable: false, latencyMs: 10_000.4 }, [], now)).toEqual({ status: 'unavailable', checkedAt: now.toISOString(), cosmos: { reachable: false, latencyMs: 10_000 }, tenants: [] });
    expect(readiness({ reachable: true, latencyMs: 3.6 }, [ok], now).status).toBe('ok');
    expect(readiness({ reachable: true, latencyMs: 3.6 }, [ok, dead], now).status).toBe('degraded');
  });
});
