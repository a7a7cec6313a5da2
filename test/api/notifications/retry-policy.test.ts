import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decideRetry, parseRetryAfter, type RetryPolicy } from '../../../api/src/notifications/retry-policy.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };
const NOW = Date.parse('2026-03-02T09:00:00.000Z');

describe('retry policy', () => {
  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999999))).toEqual([999, 1_999, 3_999, 7_999, 7_999, 7_999]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(2_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', NOW)).toBe(0);
    for (const unreadable of [null, undefined, '', '1.5', '-3', 'soon']) expect(parseRetryAfter(unreadable, NOW)).toBeUndefined();
  });

  it('waits as told on 429 without counting an attempt', () => {
    expect(decideRetry({ kind: 'throttled', retryAfterMs: 30_000, message: '429' }, 2, policy, () => 0.5)).toEqual({ action: 'retry', attempts: 2, delayMs: 30_000 });
    expect(decideRetry({ kind: 'throttled', message: '429' }, 0, policy, () => 0.5)).toEqual({ action: 'retry', attempts: 0, delayMs: 500 });
  });

  it('retries transient failures until the last attempt, then dead-letters with the reason', () => {
    expect(decideRetry({ kind: 'transient', message: 'Graph 503' }, 0, policy, () => 0.5)).toEqual({ action: 'retry', attempts: 1, delayMs: 500 });
    expect(decideRetry({ kind: 'transient', message: 'Graph 503' }, 2, policy, () => 0.5)).toEqual({ action: 'retry', attempts: 3, delayMs: 2_000 });
    expect(decideRetry({ kind: 'transient', message: 'Graph 503' }, 3, policy, () => 0.5)).toEqual({ action: 'dead', attempts: 4, reason: 'gave up after 4 attempts: Graph 503' });
  });

  it('dead-letters permanent failures at once', () => {
    expect(decideRetry({ kind: 'permanent', message: 'Graph 400: bad topic' }, 0, policy, Math.random)).toEqual({ action: 'dead', attempts: 1, reason: 'Graph 400: bad topic' });
  });
});
