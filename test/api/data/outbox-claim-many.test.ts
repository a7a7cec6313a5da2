/**
 * Claiming and marking a batch of outbox entries at once (one transactional batch per ≤ 100 when every
 * etag still holds): the same answers as one by one, including for an entry someone else changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTenantId, startNotificationKit, type NotificationKit } from '../notifications/notification-kit.js';

let kit: NotificationKit;
beforeAll(async () => {
  kit = await startNotificationKit();
});
afterAll(async () => {
  await kit?.close();
});

describe('outbox claimMany / updateMany', () => {
  it('claims every entry whose etag holds, answers undefined for the one another drain took, in order', async () => {
    const tenant = newTenantId();
    await kit.enqueueAssignment(tenant, 'assign-many', 3);
    const listed = await kit.outbox.listClaimable(tenant, new Date(kit.clock.now()), 10);
    expect(listed).toHaveLength(3);
    const now = new Date(kit.clock.now());
    const lease = new Date(kit.clock.now() + 60_000);
    // Another drain claims the second entry first: our copy of it is stale.
    expect(await kit.outbox.claim(listed[1]!, 'other-drain', lease, now)).toBeDefined();

    const claims = await kit.outbox.claimMany(listed, 'this-drain', lease, now);
    expect(claims.map((entry) => entry?.leaseOwner)).toEqual(['this-drain', undefined, 'this-drain']);

    const claimed = claims.filter((entry) => entry !== undefined);
    const marks = await kit.outbox.updateMany(claimed, { state: 'sent', sentAt: now.toISOString(), leaseOwner: undefined, leaseUntil: undefined }, now);
    expect(marks.map((entry) => entry?.state)).toEqual(['sent', 'sent']);
    // Marking again with the copies from before the mark changes nothing: their etags no longer hold.
    expect(await kit.outbox.updateMany(claimed, { state: 'dead' }, now)).toEqual([undefined, undefined]);
    const states = (await kit.outbox.listForAssignment(tenant, 'assign-many')).map((entry) => [entry.id, entry.state, entry.leaseOwner ?? null]);
    expect(states.sort()).toEqual([
      [listed[0]!.id, 'sent', null],
      [listed[1]!.id, 'sending', 'other-drain'],
      [listed[2]!.id, 'sent', null],
    ].sort());
  });
});
