/**
 * Exactly once for the person: real embedded Cosmos, the real drain, the fake Graph over HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainIdFor, assignedChainKey } from '../../../api/src/notifications/outbox.js';
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

/** One visible notification per person for the assignment, and nobody else. */
function expectEachPersonNotifiedOnce(assignmentId: string, people: string[]) {
  const chainId = chainIdFor(assignedChainKey(assignmentId));
  const feed = kit.graph.feed(tenant).filter((entry) => entry.chainId === chainId);
  expect(feed.map((entry) => entry.userId).sort()).toEqual([...people].sort());
}

describe('notification drain', () => {
  it('sends everyone once, in bulk calls of at most 100 with the declared activity type and deep link', async () => {
    const people = await kit.enqueueAssignment(tenant, 'assign-happy', 250);
    const report = await kit.drain().drain([tenant]);
    expect(report).toMatchObject({ sent: 250, calls: 3, dead: 0 });
    const calls = kit.graph.calls.filter((call) => call.tenantId === tenant);
    expect(calls.map((call) => [call.kind, call.recipients, call.status])).toEqual([
      ['bulk', 100, 202],
      ['bulk', 100, 202],
      ['bulk', 50, 202],
    ]);
    expectEachPersonNotifiedOnce('assign-happy', people);
    const entry = kit.graph.feed(tenant).find((item) => item.userId === people[0]);
    expect(entry).toMatchObject({ activityType: 'moduleAssigned', deliveries: 1, templateParameters: { moduleTitle: 'Our mission and why it matters' } });
    expect(entry!.webUrl.startsWith('https://teams.microsoft.com/l/entity/')).toBe(true);
    expect(await statesOf(kit, tenant, ['assign-happy'])).toEqual({ sent: 250 });
    // Enqueueing the same people again is a no-op: the idempotency key is the document id.
    await kit.enqueueAssignment(tenant, 'assign-happy', 250);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 0, calls: 0 });
  });

  it('uses the single-recipient call for a notification only one person gets', async () => {
    const [person] = await kit.enqueueAssignment(tenant, 'assign-single', 1);
    const report = await kit.drain().drain([tenant]);
    expect(report).toMatchObject({ sent: 1, calls: 1 });
    expect(kit.graph.calls.filter((call) => call.tenantId === tenant)).toMatchObject([{ kind: 'single', recipients: 1, status: 204 }]);
    expectEachPersonNotifiedOnce('assign-single', [person!]);
  });

  it('loses and duplicates nothing when the drain crashes between "Graph accepted" and "marked sent"', async () => {
    const people = await kit.enqueueAssignment(tenant, 'assign-crash', 300);
    let accepted = 0;
    const crashing = kit.drain({
      maxInFlight: 1,
      afterSend: () => {
        accepted += 1;
        if (accepted === 2) throw new Error('process killed');
      },
    });
    await expect(crashing.drain([tenant])).rejects.toThrow('process killed');
    // Call 1 is recorded as sent; call 2 reached Graph but the drain died before writing it down.
    expect(await statesOf(kit, tenant, ['assign-crash'])).toEqual({ sent: 100, sending: 100, pending: 100 });

    // Before the lease expires another drain leaves the in-doubt entries alone...
    const restarted = kit.drain();
    expect(await restarted.drain([tenant])).toMatchObject({ sent: 100 });
    expect(await statesOf(kit, tenant, ['assign-crash'])).toEqual({ sent: 200, sending: 100 });
    // ...and after it, resends them with the same chainId, which replaces rather than adds.
    kit.clock.advance(61_000);
    expect(await restarted.drain([tenant])).toMatchObject({ sent: 100 });
    expect(await statesOf(kit, tenant, ['assign-crash'])).toEqual({ sent: 300 });
    expectEachPersonNotifiedOnce('assign-crash', people);
    const replaced = kit.graph.feed(tenant).filter((entry) => people.includes(entry.userId) && entry.deliveries === 2);
    expect(replaced).toHaveLength(100);
  });

  it('stops cleanly when aborted half way; the next run sends exactly the rest', async () => {
    const people = await kit.enqueueAssignment(tenant, 'assign-abort', 400);
    const controller = new AbortController();
    const stopping = kit.drain({ maxInFlight: 1, afterSend: () => controller.abort() });
    const first = await stopping.drain([tenant], { signal: controller.signal });
    expect(first.sent).toBe(100);
    expect(await statesOf(kit, tenant, ['assign-abort'])).toEqual({ sent: 100, pending: 300 });
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 300 });
    expectEachPersonNotifiedOnce('assign-abort', people);
    expect(kit.graph.feed(tenant).filter((entry) => people.includes(entry.userId)).every((entry) => entry.deliveries === 1)).toBe(true);
  });

  it('two drains running at once never claim the same entry', async () => {
    const people = await kit.enqueueAssignment(tenant, 'assign-race', 500);
    const [one, two] = await Promise.all([
      kit.drain({ owner: 'drain-one', batchSize: 150 }).drain([tenant]),
      kit.drain({ owner: 'drain-two', batchSize: 150 }).drain([tenant]),
    ]);
    expect(one.sent + two.sent).toBe(500);
    // Deliveries count replacements too: 500 means nobody was sent twice.
    expect(kit.graph.feed(tenant).reduce((total, entry) => total + entry.deliveries, 0)).toBe(500);
    expectEachPersonNotifiedOnce('assign-race', people);
  });

  it('sends nothing before the scheduled start, and sends it once the start has come', async () => {
    const startAt = new Date(kit.clock.now() + 2 * 3600_000).toISOString();
    const people = await kit.enqueueAssignment(tenant, 'assign-later', 5, { notBefore: startAt });
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 0, calls: 0 });
    expect(kit.graph.feed(tenant).some((entry) => people.includes(entry.userId))).toBe(false);
    kit.clock.advance(2 * 3600_000);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 5 });
    expectEachPersonNotifiedOnce('assign-later', people);
  });
});
