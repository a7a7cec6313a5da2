/**
 * When the API client tries a request again by itself, and after how long. Only requests that are
 * safe to repeat are retried: reads, and POSTs (which carry an Idempotency-Key, so the server answers
 * a repeat with the first answer). Any method is retried after 429, which the server answers before
 * doing anything. Waits honour Retry-After; one longer than the bound is not waited for.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the 2nd try when the answer names none; doubled for each later try. */
  baseDelayMs: number;
  /** Longest wait; a longer Retry-After ends the retries. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 5_000 };

/** What a try ended with: no answer at all, or an error status (with its problem code, if any). */
export type FailedTry = { kind: 'network' } | { kind: 'status'; status: number; code: string; retryAfter: string | null };

const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** Gateway and overload answers: the request may not have run, or ran and lost its answer. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * No definite answer: no answer at all, an overloaded or failing gateway, "too many requests" (not
 * run), or "the first request with this key is still running". Anything else is final.
 */
export function isUnsettled(failure: FailedTry): boolean {
  if (failure.kind === 'network') return true;
  return failure.status === 429 || TRANSIENT_STATUSES.has(failure.status) || (failure.status === 409 && failure.code === 'idempotency_in_progress');
}

export function isRetryable(method: string, failure: FailedTry): boolean {
  if (failure.kind === 'status' && failure.status === 429) return true;
  return REPEATABLE_METHODS.has(method.toUpperCase()) && isUnsettled(failure);
}

/** Retry-After in ms: delta-seconds or an HTTP date (relative to `now`); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before try number `nextAttempt` (2 = the first retry), or undefined: do not retry. */
export function retryDelayMs(policy: RetryPolicy, method: string, failure: FailedTry, nextAttempt: number, now: number): number | undefined {
  if (nextAttempt > policy.attempts || !isRetryable(method, failure)) return undefined;
  const asked = failure.kind === 'status' ? retryAfterMs(failure.retryAfter, now) : undefined;
  const delay = asked ?? policy.baseDelayMs * 2 ** (nextAttempt - 2);
  return delay <= policy.maxDelayMs ? delay : asked === undefined ? policy.maxDelayMs : undefined;
}
