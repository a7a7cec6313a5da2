/**
 * Exactly once for the person: real embedded Cosmos, the real drain, the fake Graph over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainIdFor, assignedChainKey } from '../../../api/src/notifications/outbox.js';
import { startNotificationKit, statesOf, TENANT_A, type NotificationKit } from './notification-kit.js';

let kit: NotificationKit;
beforeAll(async () => {
  kit = await startNotificationKit();
});
afterAll(async () => {
  await kit?.close();
});

/** One visible notification per person for the assignment, and nobody else. */
function expectEachPersonNotifiedOnce(assignmentId: string, people: string[]) {
  const chainId = chainIdFor(assignedChainKey(assignmentId));
  const feed = kit.graph.feed(TENANT_A).filter((entry) => entry.chainId === chainId);
  expect(feed.map((entry) => entry.userId).sort()).toEqual([...people].sort());
}

describe('notification drain', () => {
  it('sends everyone once, in bulk calls of at most 100 with the declared activity type and deep link', async () => {
    const people = await kit.enqueueAssignment(TENANT_A, 'assign-happy', 250);
    const callsBefore = kit.graph.calls.length;
    const report = await kit.drain().drain([TENANT_A]);
    expect(report).toMatchObject({ sent: 250, calls: 3, dead: 0 });
    const calls = kit.graph.calls.slice(callsBefore);
    expect(calls.map((call) => [call.kind, call.recipients, call.status])).toEqual([
      ['bulk', 100, 202],
      ['bulk', 100, 202],
      ['bulk', 50, 202],
    ]);
    expectEachPersonNotifiedOnce('assign-happy', people);
    const entry = kit.graph.feed(TENANT_A).find((item) => item.userId === people[0]);
    expect(entry).toMatchObject({ activityType: 'moduleAssigned', deliveries: 1, templateParameters: { moduleTitle: 'Our mission and why it matters' } });
    expect(entry!.webUrl.startsWith('https://teams.microsoft.com/l/entity/')).toBe(true);
    expect(await statesOf(kit, TENANT_A, ['assign-happy'])).toEqual({ sent: 250 });
    // Enqueueing the same people again is a no-op: the idempotency key is the document id.
    await kit.enqueueAssignment(TENANT_A, 'assign-happy', 250);
    expect(await kit.drain().drain([TENANT_A])).toMatchObject({ sent: 0, calls: 0 });
  });

  it('uses the single-recipient call for a notification only one person gets', async () => {
    const [person] = await kit.enqueueAssignment(TENANT_A, 'assign-single', 1);
    const report = await kit.drain().drain([TENANT_A]);
    expect(report).toMatchObject({ sent: 1, calls: 1 });
    expect(kit.graph.calls.at(-1)).toMatchObject({ kind: 'single', recipients: 1, status: 204 });
    expectEachPersonNotifiedOnce('assign-single', [person!]);
  });

  it('loses and duplicates nothing when the drain crashes between "Graph accepted" and "marked sent"', async () => {
    const people = await kit.enqueueAssignment(TENANT_A, 'assign-crash', 300);
    let accepted = 0;
    const crashing = kit.drain({
      maxInFlight: 1,
      afterSend: () => {
        accepted += 1;
        if (accepted === 2) throw new Error('process killed');
      },
    });
    await expect(crashing.drain([TENANT_A])).rejects.toThrow('process killed');
    // Call 1 is recorded as sent; call 2 reached Graph but the drain died before writing it down.
    expect(await statesOf(kit, TENANT_A, ['assign-crash'])).toEqual({ sent: 100, sending: 100, pending: 100 });

    // Before the lease expires another drain leaves the in-doubt entries alone...
    const restarted = kit.drain();
    expect(await restarted.drain([TENANT_A])).toMatchObject({ sent: 100 });
    expect(await statesOf(kit, TENANT_A, ['assign-crash'])).toEqual({ sent: 200, sending: 100 });
    // ...and after it, resends them with the same chainId, which replaces rather than adds.
    kit.clock.advance(61_000);
    expect(await restarted.drain([TENANT_A])).toMatchObject({ sent: 100 });
    expect(await statesOf(kit, TENANT_A, ['assign-crash'])).toEqual({ sent: 300 });
    expectEachPersonNotifiedOnce('assign-crash', people);
    const replaced = kit.graph.feed(TENANT_A).filter((entry) => people.includes(entry.userId) && entry.deliveries === 2);
    expect(replaced).toHaveLength(100);
  });

  it('stops cleanly when aborted half way; the next run sends exactly the rest', async () => {
    const people = await kit.enqueueAssignment(TENANT_A, 'assign-abort', 400);
    const controller = new AbortController();
    const stopping = kit.drain({ maxInFlight: 1, afterSend: () => controller.abort() });
    const first = await stopping.drain([TENANT_A], { signal: controller.signal });
    expect(first.sent).toBe(100);
    expect(await statesOf(kit, TENANT_A, ['assign-abort'])).toEqual({ sent: 100, pending: 300 });
    expect(await kit.drain().drain([TENANT_A])).toMatchObject({ sent: 300 });
    expectEachPersonNotifiedOnce('assign-abort', people);
    expect(kit.graph.feed(TENANT_A).filter((entry) => people.includes(entry.userId)).every((entry) => entry.deliveries === 1)).toBe(true);
  });

  it('two drains running at once never claim the same entry', async () => {
    const people = await kit.enqueueAssignment(TENANT_A, 'assign-race', 500);
    const deliveriesBefore = kit.graph.deliveryCount();
    const [one, two] = await Promise.all([
      kit.drain({ owner: 'drain-one', batchSize: 150 }).drain([TENANT_A]),
      kit.drain({ owner: 'drain-two', batchSize: 150 }).drain([TENANT_A]),
    ]);
    expect(one.sent + two.sent).toBe(500);
    expect(kit.graph.deliveryCount() - deliveriesBefore).toBe(500);
    expectEachPersonNotifiedOnce('assign-race', people);
  });

  it('sends nothing before the scheduled start, and sends it once the start has come', async () => {
    const startAt = new Date(kit.clock.now() + 2 * 3600_000).toISOString();
    const people = await kit.enqueueAssignment(TENANT_A, 'assign-later', 5, { notBefore: startAt });
    expect(await kit.drain().drain([TENANT_A])).toMatchObject({ sent: 0, calls: 0 });
    expect(kit.graph.feed(TENANT_A).some((entry) => people.includes(entry.userId))).toBe(false);
    kit.clock.advance(2 * 3600_000);
    expect(await kit.drain().drain([TENANT_A])).toMatchObject({ sent: 5 });
    expectEachPersonNotifiedOnce('assign-later', people);
  });
});
