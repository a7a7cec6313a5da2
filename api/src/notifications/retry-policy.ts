/**
 * When to try a failed send again. Pure: the clock and the randomness come in as arguments.
 * - Throttled (429): exactly when Graph's Retry-After says (seconds or an HTTP date); without one,
 *   the backoff below. Throttling never counts as a failed attempt: Graph asked us to wait.
 * - Transient (5xx, network error, timeout): exponential backoff with full jitter, i.e. a uniformly
 *   random delay in [0, min(cap, base·2^attempt)], so many drains retrying at once spread out.
 * - Permanent (other 4xx) or too many attempts: dead-lettered with the reason, for a leader to retry.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

export type SendFailure =
  | { kind: 'throttled'; retryAfterMs?: number; message: string }
  | { kind: 'transient'; message: string }
  | { kind: 'permanent'; message: string };

export type RetryDecision = { action: 'retry'; delayMs: number; attempts: number } | { action: 'dead'; attempts: number; reason: string };

/** Full jitter: random() in [0, 1) scales the capped exponential ceiling. attempt counts from 1. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After is either delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT").
 * Returns milliseconds from `nowMs`, never negative; undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (/^[-+]?\d/.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** `attempts` is how many failed sends the entry had before this one. */
export function decideRetry(failure: SendFailure, attempts: number, policy: RetryPolicy, random: () => number): RetryDecision {
  if (failure.kind === 'throttled') {
    return { action: 'retry', attempts, delayMs: failure.retryAfterMs ?? backoffDelayMs(attempts + 1, policy, random) };
  }
  const next = attempts + 1;
  if (failure.kind === 'permanent') return { action: 'dead', attempts: next, reason: failure.message };
  if (next >= policy.maxAttempts) {
    return { action: 'dead', attempts: next, reason: `gave up after ${next} attempts: ${failure.message}` };
  }
  return { action: 'retry', attempts: next, delayMs: backoffDelayMs(next, policy, random) };
}
