/**
 * Throttling, failures, hangs, dropped connections, dead letters and their retry, against the
 * fake Graph over real HTTP and the real embedded Cosmos.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newTenantId, startNotificationKit, statesOf, type NotificationKit } from './notification-kit.js';

let kit: NotificationKit;
let tenant: string;
beforeEach(() => {
  tenant = newTenantId();
  kit?.graph.clearFaults();
});
beforeAll(async () => {
  kit = await startNotificationKit();
});
afterAll(async () => {
  await kit?.close();
});

async function entriesOf(assignmentId: string) {
  return kit.outbox.listForAssignment(tenant, assignmentId);
}

describe('notification drain under failures', () => {
  it('honours Retry-After in seconds on 429 and does not count it as a failed attempt', async () => {
    await kit.enqueueAssignment(tenant, 'assign-429', 3);
    kit.graph.inject({ kind: 'throttle', count: 1, retryAfter: '30' });
    const first = await kit.drain().drain([tenant]);
    expect(first).toMatchObject({ throttled: 1, retried: 3, sent: 0 });
    const waiting = await entriesOf('assign-429');
    expect(waiting.map((entry) => [entry.state, entry.attempts, entry.nextAttemptAt])).toEqual(
      Array(3).fill(['failed', 0, new Date(kit.clock.now() + 30_000).toISOString()]),
    );
    kit.clock.advance(29_000);
    expect(await kit.drain().drain([tenant])).toMatchObject({ calls: 0 });
    kit.clock.advance(1_000);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 3 });
  });

  it('honours Retry-After given as an HTTP date', async () => {
    await kit.enqueueAssignment(tenant, 'assign-429-date', 2);
    // The fake answers in real time; the drain reads the date against its own (test) clock.
    const retryAt = new Date(kit.clock.now() + 120_000);
    kit.graph.inject({ kind: 'throttle', count: 1, retryAfter: retryAt.toUTCString() });
    await kit.drain().drain([tenant]);
    const waiting = await entriesOf('assign-429-date');
    expect(waiting.every((entry) => entry.state === 'failed' && entry.nextAttemptAt === retryAt.toISOString())).toBe(true);
    kit.clock.advance(120_000);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 2 });
  });

  it.each([
    ['fail', '503'],
    ['hang', 'did not answer in time'],
    ['drop', 'network error'],
  ] as const)('retries after %s with backoff, then sends', async (kind, reason) => {
    const assignmentId = `assign-${kind}`;
    const people = await kit.enqueueAssignment(tenant, assignmentId, 4);
    kit.graph.inject({ kind, count: 1 });
    const first = await kit.drain().drain([tenant]);
    expect(first).toMatchObject({ retried: 4, sent: 0 });
    const failed = await entriesOf(assignmentId);
    expect(failed.every((entry) => entry.state === 'failed' && entry.attempts === 1 && entry.lastError?.includes(reason))).toBe(true);
    // Full jitter (random 0.5) of base 1 s for the first retry: due after 500 ms.
    expect(failed[0]!.nextAttemptAt).toBe(new Date(kit.clock.now() + 500).toISOString());
    kit.clock.advance(500);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 4 });
    const delivered = kit.graph.feed(tenant).filter((entry) => people.includes(entry.userId));
    expect(delivered.map((entry) => entry.deliveries)).toEqual([1, 1, 1, 1]);
  });

  it('dead-letters after the last attempt with its reason, and a retry sends it', async () => {
    const people = await kit.enqueueAssignment(tenant, 'assign-dead', 2);
    kit.graph.inject({ kind: 'fail', count: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await kit.drain().drain([tenant]);
      kit.clock.advance(10 * 60_000);
    }
    expect(await statesOf(kit, tenant, ['assign-dead'])).toEqual({ dead: 2 });
    const listed = await kit.outbox.listDead(tenant);
    expect(listed.total).toBe(2);
    const dead = listed.entries.filter((entry) => entry.assignmentId === 'assign-dead');
    expect(dead.map((entry) => entry.lastError)).toEqual(Array(2).fill(expect.stringMatching(/^gave up after 3 attempts: Graph 503/)));
    expect(await kit.drain().drain([tenant])).toMatchObject({ calls: 0 });

    for (const entry of dead) expect(await kit.outbox.retryDead(tenant, entry.id, new Date(kit.clock.now()))).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await kit.outbox.retryDead(tenant, dead[0]!.id, new Date(kit.clock.now()))).toBeUndefined();
    expect(await kit.outbox.retryDead('another-tenant', dead[1]!.id, new Date(kit.clock.now()))).toBeUndefined();
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 2 });
    expect(kit.graph.feed(tenant).filter((entry) => people.includes(entry.userId))).toHaveLength(2);
  });

  it('dead-letters at once what Graph refuses outright (a token without TeamsActivity.Send)', async () => {
    const unauthorised = await startNotificationKit({ roles: ['User.Read.All'] });
    try {
      await unauthorised.enqueueAssignment(tenant, 'assign-forbidden', 1);
      expect(await unauthorised.drain().drain([tenant])).toMatchObject({ dead: 1 });
      const [entry] = (await unauthorised.outbox.listDead(tenant)).entries;
      expect(entry!.lastError).toContain('TeamsActivity.Send');
    } finally {
      await unauthorised.close();
    }
  });

  it('renews the app token when the bulk call says it has less than 45 minutes left', async () => {
    const shortLived = await startNotificationKit({ tokenLifetimeSeconds: 40 * 60 });
    try {
      await shortLived.enqueueAssignment(tenant, 'assign-412', 3);
      const report = await shortLived.drain().drain([tenant]);
      expect(report).toMatchObject({ retried: 3 });
      expect(shortLived.graph.calls.map((call) => call.status)).toEqual([412]);
      expect((await shortLived.outbox.listForAssignment(tenant, 'assign-412'))[0]!.lastError).toContain('45 minutes');
    } finally {
      await shortLived.close();
    }
  });
});
