/** The limits in force from the environment, and the client address the per-address limit keys on. */
import azureFunctions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { costOf, DEFAULT_RATE_LIMITS, RateLimitConfigError, rateLimitConfigFromEnv } from '../../../api/src/http/rate-limit-config.js';
import { clientAddress, createRateLimiter } from '../../../api/src/http/rate-limit.js';

const { HttpRequest } = azureFunctions;

describe('rate limit configuration', () => {
  it('has generous defaults for people and strict ones for expensive routes, tenants twenty people’s worth', () => {
    const config = rateLimitConfigFromEnv({});
    expect(config).toEqual(DEFAULT_RATE_LIMITS);
    expect(config).toEqual({ windowSeconds: 60, person: { standard: 600, expensive: 20 }, tenant: { standard: 12_000, expensive: 300 }, authFailuresPerAddress: 300 });
  });

  it('takes each limit from its variable', () => {
    const config = rateLimitConfigFromEnv({
      LOS_RATE_LIMIT_WINDOW_SECONDS: '3600', LOS_RATE_LIMIT_PERSON: '5', LOS_RATE_LIMIT_PERSON_EXPENSIVE: '2',
      LOS_RATE_LIMIT_TENANT: '50', LOS_RATE_LIMIT_TENANT_EXPENSIVE: '7', LOS_RATE_LIMIT_AUTH_FAILURES_PER_ADDRESS: '9',
    });
    expect(config).toEqual({ windowSeconds: 3600, person: { standard: 5, expensive: 2 }, tenant: { standard: 50, expensive: 7 }, authFailuresPerAddress: 9 });
  });

  it.each(['0', '-1', '1.5', 'lots', '1e400'])('refuses %j', (value) => {
    expect(() => rateLimitConfigFromEnv({ LOS_RATE_LIMIT_PERSON: value })).toThrow(RateLimitConfigError);
    expect(() => rateLimitConfigFromEnv({ LOS_RATE_LIMIT_PERSON: value })).toThrow(/LOS_RATE_LIMIT_PERSON must be a whole number/);
  });

  it('classes insights, exports, imports and dashboards as expensive, everything else as ordinary', () => {
    expect(['insights-get', 'strategy-map-export', 'strategy-map-import', 'cohorts-dashboard-export', 'cohorts-members-import', 'cohorts-members-from-group'].map(costOf)).toEqual(Array(6).fill('expensive'));
    expect(['me-line-of-sight-get', 'me-tasks-create', 'strategy-map-get', 'teams-list'].map(costOf)).toEqual(Array(4).fill('standard'));
  });
});

describe('clientAddress', () => {
  const withForwardedFor = (value?: string) => new HttpRequest({ method: 'GET', url: 'http://localhost/api/x', headers: value === undefined ? {} : { 'x-forwarded-for': value } });

  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    ['198.51.100.9, 203.0.113.7:443', '203.0.113.7'],
    ['[2001:db8::1]:8080', '2001:db8::1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('reads the last hop of %j as %j', (header, expected) => {
    expect(clientAddress(withForwardedFor(header))).toBe(expected);
  });
});

describe('createRateLimiter', () => {
  const config = { windowSeconds: 3600, person: { standard: 2, expensive: 1 }, tenant: { standard: 3, expensive: 5 }, authFailuresPerAddress: 2 };

  it('gives a request the tenant refuses back to the person', async () => {
    const limits = createRateLimiter(config);
    expect(await limits.admit('t', 'a', 'standard')).toEqual({ ok: true });
    expect(await limits.admit('t', 'a', 'standard')).toEqual({ ok: true });
    expect(await limits.admit('t', 'b', 'standard')).toEqual({ ok: true });
    // Tenant spent (3): b is refused by the tenant, and keeps the point their own bucket lent.
    expect(await limits.admit('t', 'b', 'standard')).toMatchObject({ ok: false, scope: 'tenant' });
    expect(await limits.admit('other', 'b', 'standard')).toEqual({ ok: true });
    expect(await limits.admit('t', 'a', 'standard')).toMatchObject({ ok: false, scope: 'person' });
  });

  it('keeps people apart across tenants and cost classes', async () => {
    const limits = createRateLimiter(config);
    expect(await limits.admit('t1', 'a', 'expensive')).toEqual({ ok: true });
    expect(await limits.admit('t1', 'a', 'expensive')).toMatchObject({ ok: false, scope: 'person' });
    expect(await limits.admit('t2', 'a', 'expensive')).toEqual({ ok: true });
    expect(await limits.admit('t1', 'a', 'standard')).toEqual({ ok: true });
  });

  it('blocks an address after its failures, and only that address', async () => {
    const limits = createRateLimiter(config);
    expect(await limits.checkAddress('203.0.113.7')).toEqual({ ok: true });
    await limits.recordAuthFailure('203.0.113.7');
    expect(await limits.checkAddress('203.0.113.7')).toEqual({ ok: true });
    await limits.recordAuthFailure('203.0.113.7');
    expect(await limits.checkAddress('203.0.113.7')).toMatchObject({ ok: false, scope: 'address' });
    expect(await limits.checkAddress('198.51.100.9')).toEqual({ ok: true });
  });
});
