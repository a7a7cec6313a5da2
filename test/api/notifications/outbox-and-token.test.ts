/**
 * The pure parts of the send path: outbox documents and chain ids, the deep link, the app-token
 * cache (renewed with less than 45 minutes left) — and the token flow against the fake endpoint.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentialsTokenSource, createTokenCache, MIN_TOKEN_REMAINING_MS } from '../../../api/src/notifications/graph-token.js';
import { assignedContent, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, chainIdFor, outboxDocumentFor, outboxIdFor } from '../../../api/src/notifications/outbox.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';

describe('outbox documents', () => {
  it('derives a stable Int64-safe chain id per chain key, shared by everyone with the same notification', () => {
    const chainId = chainIdFor(assignedChainKey('assign-1'));
    expect(Number.isSafeInteger(chainId) && chainId > 0).toBe(true);
    expect(chainIdFor(assignedChainKey('assign-1'))).toBe(chainId);
    expect(chainIdFor(assignedChainKey('assign-2'))).not.toBe(chainId);
  });

  it('names the document after the idempotency key, so a second enqueue cannot create a second entry', () => {
    const key = assignedIdempotencyKey('assign/1?', 'user#1');
    expect(outboxIdFor(key)).toMatch(/^outbox-[0-9a-f]{40}$/);
    const now = new Date('2026-03-02T09:00:00.000Z');
    const request = {
      recipientUserId: 'user#1',
      kind: 'assigned' as const,
      assignmentId: 'assign/1?',
      idempotencyKey: key,
      chainKey: assignedChainKey('assign/1?'),
      content: assignedContent('Title', '2026-03-20', 'https://teams.microsoft.com/l/entity/x/y'),
    };
    expect(outboxDocumentFor('tenant', request, now)).toMatchObject({ id: outboxIdFor(key), state: 'pending', attempts: 0, nextAttemptAt: now.toISOString() });
    expect(outboxDocumentFor('tenant', { ...request, notBefore: '2026-03-05T00:00:00.000Z' }, now).nextAttemptAt).toBe('2026-03-05T00:00:00.000Z');
    expect(() => outboxDocumentFor('tenant', { ...request, content: { ...request.content, webUrl: `https://x/${'a'.repeat(1024)}` } }, now)).toThrow(RangeError);
  });

  it('builds a deep link to the module in the personal tab, under 1,024 characters', () => {
    const link = moduleDeepLink('app-id', 'assign-1');
    expect(link.startsWith('https://teams.microsoft.com/l/entity/app-id/line-of-sight-home?context=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(link.split('context=')[1]!))).toEqual({ subEntityId: 'onboarding:assign-1:notification' });
  });
});

describe('app token cache', () => {
  it('reuses a token while more than 45 minutes remain, and renews it before that', async () => {
    let now = 0;
    let issued = 0;
    const cache = createTokenCache(async () => ({ token: `t${++issued}`, expiresOnMs: now + 90 * 60_000 }), () => now);
    expect(await cache.get('tenant')).toBe('t1');
    now += 30 * 60_000;
    expect(await cache.get('tenant')).toBe('t1');
    now = 90 * 60_000 - MIN_TOKEN_REMAINING_MS;
    expect(await cache.get('tenant')).toBe('t2');
    expect(await cache.get('other-tenant')).toBe('t3');
    cache.invalidate('tenant');
    expect(await cache.get('tenant')).toBe('t4');
  });

  it('asks the token endpoint once for concurrent callers', async () => {
    let issued = 0;
    const cache = createTokenCache(async () => ({ token: `t${++issued}`, expiresOnMs: Date.now() + 3600_000 }));
    expect(await Promise.all([cache.get('t'), cache.get('t'), cache.get('t')])).toEqual(['t1', 't1', 't1']);
  });
});

describe('client credentials against the fake token endpoint', () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await startFakeGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  it('gets an app-only token for the tenant with a client assertion', async () => {
    const source = clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'assertion' });
    const token = await source('tenant-1');
    expect(decodeJwt(token.token).tid).toBe('tenant-1');
    expect(token.expiresOnMs - Date.now()).toBeGreaterThan(MIN_TOKEN_REMAINING_MS);
  });

  it('fails clearly for an unknown client', async () => {
    const source = clientCredentialsTokenSource({ authority: graph.authority, clientId: 'someone-else', clientAssertion: async () => 'assertion' });
    await expect(source('tenant-1')).rejects.toThrow('token endpoint answered 400 (unauthorized_client AADSTS700016)');
  });
});
