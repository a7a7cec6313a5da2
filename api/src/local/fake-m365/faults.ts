/**
 * Misbehaviour a test can order from the fake Graph, and its per-tenant throttling: what real Graph
 * does under load (429 with Retry-After, 503, a request that never answers, a dropped connection).
 */
export type FaultKind = 'throttle' | 'fail' | 'hang' | 'drop';
export interface Fault {
  kind: FaultKind;
  /** Applies to the next `count` Graph calls... */
  count?: number;
  /** ...or to this fraction of them (deterministic pseudo-random). */
  fraction?: number;
  /** 429 only: the Retry-After header value (seconds, or an HTTP date). */
  retryAfter?: string;
  /** Lets this many matching calls through first (e.g. 1: the second page is throttled). */
  after?: number;
  /** Only requests whose path contains this (e.g. '/users/delta'); default: the activity feed sends. */
  path?: string;
  /** Only requests with this method (e.g. 'POST' to throttle installs but not the checks before them). */
  method?: string;
}

export interface Faults {
  inject(fault: Fault): void;
  clear(): void;
  /** The fault for this request, if one applies (consumes one of a counted fault). */
  pick(path: string, method?: string): Fault | undefined;
}

const FEED_PATHS = ['/teamwork/sendActivityNotification'];

export function createFaults(): Faults {
  let faults: (Fault & { left?: number; toSkip?: number })[] = [];
  let seed = 42;
  const nextRandom = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return {
    inject(fault) {
      faults.push({ ...fault, ...(fault.count !== undefined ? { left: fault.count } : {}), toSkip: fault.after ?? 0 });
    },
    clear() {
      faults = [];
    },
    pick(path, method) {
      for (const fault of faults) {
        if (fault.method && method && fault.method !== method) continue;
        const applies = fault.path ? path.includes(fault.path) : FEED_PATHS.some((feedPath) => path.includes(feedPath));
        if (!applies) continue;
        if (fault.toSkip !== undefined && fault.toSkip > 0) {
          fault.toSkip -= 1;
          continue;
        }
        if (fault.left !== undefined && fault.left > 0) {
          fault.left -= 1;
          return fault;
        }
        if (fault.fraction !== undefined && nextRandom() < fault.fraction) return fault;
      }
      return undefined;
    },
  };
}

/**
 * Per tenant and kind, a token bucket like Graph's own throttling: `limit` requests a second, holding
 * at most one second's worth. Returns whether this request is over the limit.
 */
export function createRateLimit(limits: Readonly<Record<string, number | undefined>> | undefined): (tenantId: string, kind: string) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (tenantId, kind) => {
    const limit = limits?.[kind];
    if (limit === undefined) return false;
    const key = `${tenantId}|${kind}`;
    const nowMs = Date.now();
    const bucket = buckets.get(key) ?? { tokens: limit, at: nowMs };
    bucket.tokens = Math.min(limit, bucket.tokens + ((nowMs - bucket.at) * limit) / 1000);
    bucket.at = nowMs;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  };
}
