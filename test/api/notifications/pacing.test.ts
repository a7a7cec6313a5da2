/**
 * Pacing, pure, on a fake clock: per-tenant and global token buckets, Retry-After holds, and
 * round-robin fairness between tenants.
 */
import { describe, expect, it } from 'vitest';
import { createPacer, GRAPH_ACTIVITY_LIMITS, TokenBucket } from '../../../api/src/notifications/pacing.js';

/** Runs the pacer for `durationMs` of fake time, always having work for `tenants`; returns who was served when. */
function simulate(tenants: string[], limit: { perTenantPerSecond: number; globalPerSecond: number }, durationMs: number) {
  const pacer = createPacer(limit, 0);
  const served: { tenantId: string; at: number }[] = [];
  let now = 0;
  while (now < durationMs) {
    const decision = pacer.next(tenants, now);
    if ('tenantId' in decision) served.push({ tenantId: decision.tenantId, at: now });
    else now += decision.waitMs;
  }
  return served;
}

describe('token bucket', () => {
  it('gives one token, then one per 1/rate seconds, and never bursts beyond capacity', () => {
    const bucket = new TokenBucket(2, 0);
    expect(bucket.msUntilToken(0)).toBe(0);
    bucket.take(0);
    expect(bucket.msUntilToken(0)).toBe(500);
    expect(bucket.msUntilToken(400)).toBe(100);
    expect(bucket.msUntilToken(500)).toBe(0);
    // A long idle stretch does not store up a burst.
    bucket.take(500);
    expect(bucket.msUntilToken(60_000)).toBe(0);
    bucket.take(60_000);
    expect(bucket.msUntilToken(60_000)).toBe(500);
  });
});

describe('pacer', () => {
  it('keeps one tenant at its bulk limit of 2 requests per second', () => {
    const served = simulate(['t1'], GRAPH_ACTIVITY_LIMITS.bulk, 10_000);
    expect(served).toHaveLength(20);
    for (let i = 2; i < served.length; i += 1) expect(served[i]!.at - served[i - 2]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('keeps all tenants together under the global limit, sharing it evenly', () => {
    const tenants = Array.from({ length: 30 }, (_, i) => `tenant-${String(i).padStart(2, '0')}`);
    const served = simulate(tenants, GRAPH_ACTIVITY_LIMITS.bulk, 10_000);
    expect(served.length).toBeLessThanOrEqual(200);
    expect(served.length).toBeGreaterThanOrEqual(199);
    const perTenant = tenants.map((tenantId) => served.filter((entry) => entry.tenantId === tenantId).length);
    expect(Math.max(...perTenant) - Math.min(...perTenant)).toBeLessThanOrEqual(1);
  });

  it('serves tenants round robin: a small tenant is not stuck behind a big one', () => {
    const pacer = createPacer({ perTenantPerSecond: 100, globalPerSecond: 100 }, 0);
    const order: string[] = [];
    let now = 0;
    const waiting = ['big', 'small', 'medium'];
    while (order.length < 6) {
      const decision = pacer.next(waiting, now);
      if ('tenantId' in decision) order.push(decision.tenantId);
      else now += decision.waitMs;
    }
    expect(order).toEqual(['big', 'medium', 'small', 'big', 'medium', 'small']);
  });

  it('holds a throttled tenant until its Retry-After while others carry on', () => {
    const pacer = createPacer({ perTenantPerSecond: 10, globalPerSecond: 100 }, 0);
    pacer.holdTenant('throttled', 5_000);
    expect(pacer.next(['throttled'], 0)).toEqual({ waitMs: 5_000 });
    expect(pacer.next(['throttled', 'other'], 0)).toEqual({ tenantId: 'other' });
    expect(pacer.next(['throttled'], 5_000)).toEqual({ tenantId: 'throttled' });
  });

  it('says to wait (forever) when nobody is waiting', () => {
    expect(createPacer(GRAPH_ACTIVITY_LIMITS.single, 0).next([], 0)).toEqual({ waitMs: Infinity });
  });
});
