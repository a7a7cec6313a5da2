/**
 * Pacing under Graph's published limits for activity feed notifications: a token bucket per
 * tenant (the limit is per app per tenant) and one across all tenants (per app), and a round-robin
 * choice between tenants so one tenant's 10,000-person cohort cannot starve another tenant's
 * three new hires. Pure: the time is always passed in.
 */
export interface RateLimit {
  perTenantPerSecond: number;
  globalPerSecond: number;
}

/** Published limits: bulk (sendActivityNotificationToRecipients) and single (sendActivityNotification). */
export const GRAPH_ACTIVITY_LIMITS = {
  bulk: { perTenantPerSecond: 2, globalPerSecond: 20 },
  single: { perTenantPerSecond: 5, globalPerSecond: 50 },
} as const satisfies Record<string, RateLimit>;

/**
 * Capacity 1: requests are spaced evenly, never bursting, so no one-second window ever holds more
 * than the rate. The bucket refills continuously.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly perSecond: number,
    nowMs: number,
    private readonly capacity = 1,
  ) {
    this.tokens = capacity;
    this.updatedAt = nowMs;
  }

  private refill(nowMs: number): void {
    if (nowMs > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + ((nowMs - this.updatedAt) * this.perSecond) / 1000);
      this.updatedAt = nowMs;
    }
  }

  /** 0 when a token is there now, else how long until one is. */
  msUntilToken(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }

  take(nowMs: number): void {
    this.refill(nowMs);
    this.tokens -= 1;
  }
}

export type PacerDecision = { tenantId: string } | { waitMs: number };

export interface Pacer {
  /** The tenant to send for next (its tokens are taken), or how long to wait before asking again. */
  next(waitingTenants: readonly string[], nowMs: number): PacerDecision;
  /** Graph said 429 + Retry-After for this tenant: send nothing for it until then. */
  holdTenant(tenantId: string, untilMs: number): void;
}

export function createPacer(limit: RateLimit, startMs: number): Pacer {
  const global = new TokenBucket(limit.globalPerSecond, startMs);
  const perTenant = new Map<string, TokenBucket>();
  const heldUntil = new Map<string, number>();
  let lastServed: string | undefined;

  const bucketOf = (tenantId: string, nowMs: number): TokenBucket => {
    let bucket = perTenant.get(tenantId);
    if (!bucket) {
      bucket = new TokenBucket(limit.perTenantPerSecond, nowMs);
      perTenant.set(tenantId, bucket);
    }
    return bucket;
  };

  return {
    next(waitingTenants, nowMs) {
      if (waitingTenants.length === 0) return { waitMs: Infinity };
      // Round robin: start with the first tenant after the one served last (in a stable order).
      const ordered = [...new Set(waitingTenants)].sort();
      const start = lastServed === undefined ? 0 : ordered.findIndex((tenantId) => tenantId > lastServed!);
      const rotation = start <= 0 ? ordered : [...ordered.slice(start), ...ordered.slice(0, start)];
      const globalWait = global.msUntilToken(nowMs);
      let shortestWait = Infinity;
      for (const tenantId of rotation) {
        const held = Math.max(0, (heldUntil.get(tenantId) ?? 0) - nowMs);
        const wait = Math.max(held, bucketOf(tenantId, nowMs).msUntilToken(nowMs), globalWait);
        if (wait === 0) {
          bucketOf(tenantId, nowMs).take(nowMs);
          global.take(nowMs);
          lastServed = tenantId;
          return { tenantId };
        }
        shortestWait = Math.min(shortestWait, wait);
      }
      return { waitMs: shortestWait };
    },
    holdTenant(tenantId, untilMs) {
      heldUntil.set(tenantId, Math.max(heldUntil.get(tenantId) ?? 0, untilMs));
    },
  };
}

/**
 * Graph's limits for the app catalog and installation requests (GET and POST installedApps and
 * appCatalogs: 30 per second per app per tenant, 300 to 600 across tenants), kept with a margin.
 */
export const GRAPH_INSTALLATION_LIMITS: RateLimit = { perTenantPerSecond: 25, globalPerSecond: 250 };

export interface RateGate {
  /** Resolves when a request for the tenant may leave (its tokens are taken then). */
  pass(tenantId: string): Promise<void>;
  /** Graph said 429 + Retry-After for this tenant: nothing leaves for it until then. */
  holdTenant(tenantId: string, untilMs: number): void;
}

/** A pacer for requests that wait their turn where they are (each caller awaits its own pass). */
export function createRateGate(limit: RateLimit, now: () => number = () => performance.now()): RateGate {
  const pacer = createPacer(limit, now());
  return {
    async pass(tenantId) {
      for (;;) {
        const decision = pacer.next([tenantId], now());
        if ('tenantId' in decision) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(decision.waitMs, 1_000))));
      }
    },
    holdTenant: (tenantId, untilMs) => pacer.holdTenant(tenantId, untilMs),
  };
}
