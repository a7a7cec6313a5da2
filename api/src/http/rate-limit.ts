/**
 * Rate limits with rate-limiter-flexible's in-memory limiters (fixed windows, per API instance):
 * one bucket per person and cost class, one per tenant and cost class, and one per client address
 * for failed sign-ins. The person's bucket is asked first, so a person over their limit is refused
 * without touching the tenant's; a request the tenant's bucket refuses is given back to the person.
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { problem } from './problem.js';
import type { CostClass, RateLimitConfig } from './rate-limit-config.js';

export type RateLimitVerdict = { ok: true } | { ok: false; scope: 'person' | 'tenant' | 'address'; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request of this person against their own and their tenant's budget for its cost class. */
  admit(tenantId: string, userId: string, cost: CostClass): Promise<RateLimitVerdict>;
  /** Whether this client address has already failed to sign in too often in the current window. */
  checkAddress(address: string): Promise<RateLimitVerdict>;
  recordAuthFailure(address: string): Promise<void>;
}

const OK: RateLimitVerdict = { ok: true };

/** Whole seconds until the window ends, at least 1 (Retry-After is an integer of seconds). */
const secondsLeft = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

export function createRateLimiter(config: RateLimitConfig): RateLimiter {
  const limiter = (keyPrefix: string, points: number) => new RateLimiterMemory({ keyPrefix, points, duration: config.windowSeconds });
  const person = { standard: limiter('person', config.person.standard), expensive: limiter('person-expensive', config.person.expensive) };
  const tenant = { standard: limiter('tenant', config.tenant.standard), expensive: limiter('tenant-expensive', config.tenant.expensive) };
  const authFailures = limiter('auth-failures', config.authFailuresPerAddress);

  /** undefined when the point was taken, else the seconds until the bucket refills. */
  async function take(bucket: RateLimiterMemory, key: string): Promise<number | undefined> {
    try {
      await bucket.consume(key);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return secondsLeft(rejection.msBeforeNext);
      throw rejection;
    }
  }

  return {
    async admit(tenantId, userId, cost) {
      const personKey = `${tenantId}:${userId}`;
      const personWait = await take(person[cost], personKey);
      if (personWait !== undefined) return { ok: false, scope: 'person', retryAfterSeconds: personWait };
      const tenantWait = await take(tenant[cost], tenantId);
      if (tenantWait === undefined) return OK;
      await person[cost].reward(personKey, 1);
      return { ok: false, scope: 'tenant', retryAfterSeconds: tenantWait };
    },
    async checkAddress(address) {
      const state = await authFailures.get(address);
      if (!state || state.consumedPoints < config.authFailuresPerAddress) return OK;
      return { ok: false, scope: 'address', retryAfterSeconds: secondsLeft(state.msBeforeNext) };
    },
    async recordAuthFailure(address) {
      await authFailures.penalty(address, 1);
    },
  };
}

/**
 * The client's address as the platform saw it: the last X-Forwarded-For hop (Azure's front end
 * appends the address it accepted the connection from; hops before it are whatever the client sent),
 * without its port. Behind another proxy (e.g. Front Door) this is that proxy's address.
 */
export function clientAddress(request: HttpRequest): string {
  const hops = (request.headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  const last = hops.at(-1);
  if (!last) return 'unknown';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(last);
  if (bracketed) return bracketed[1]!;
  // IPv4 with a port ("203.0.113.7:51234"); a bare IPv6 address has more than one colon.
  return /^[^:]+:\d+$/.test(last) ? last.slice(0, last.lastIndexOf(':')) : last;
}

const DETAIL: Record<Exclude<RateLimitVerdict, { ok: true }>['scope'], string> = {
  person: 'You sent more requests than one person may in a short time.',
  tenant: 'Your organisation sent more requests than it may in a short time.',
  address: 'Too many requests from your network failed to sign in.',
};

/** 429 problem+json with Retry-After, for a refused verdict. */
export function rateLimitedResponse(verdict: Exclude<RateLimitVerdict, { ok: true }>): HttpResponseInit {
  const seconds = verdict.retryAfterSeconds;
  return problem(429, 'rate_limited', 'Too many requests', {
    detail: `${DETAIL[verdict.scope]} Try again in ${seconds === 1 ? '1 second' : `${seconds} seconds`}.`,
    headers: { 'Retry-After': String(seconds) },
  });
}
