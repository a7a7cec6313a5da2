/**
 * Fairness and pacing in the real drain: two tenants share the app's global budget round robin,
 * and the fake's own per-tenant rate limit is never hit when the drain paces to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotificationKit, TENANT_A, TENANT_B, type NotificationKit } from './notification-kit.js';

let kit: NotificationKit;
beforeAll(async () => {
  kit = await startNotificationKit({ rateLimit: { bulk: 20, single: 50 } });
});
afterAll(async () => {
  await kit?.close();
});

describe('drain fairness', () => {
  it('alternates between a big and a small tenant instead of draining the big one first', async () => {
    await kit.enqueueAssignment(TENANT_A, 'assign-big', 1000);
    await kit.enqueueAssignment(TENANT_B, 'assign-small', 300);
    const report = await kit.drain({ maxInFlight: 1 }).drain([TENANT_A, TENANT_B]);
    expect(report).toMatchObject({ sent: 1300, calls: 13 });
    const order = kit.graph.calls.map((call) => (call.tenantId === TENANT_A ? 'A' : 'B')).join('');
    expect(order).toBe('ABABAB' + 'A'.repeat(7));
  });

  it('paced to the fake\'s per-tenant limit, it is never throttled', async () => {
    await kit.enqueueAssignment(TENANT_A, 'assign-paced', 800);
    const callsBefore = kit.graph.calls.length;
    const drain = kit.drain({ limits: { bulk: { perTenantPerSecond: 20, globalPerSecond: 40 }, single: { perTenantPerSecond: 50, globalPerSecond: 100 } } });
    const report = await drain.drain([TENANT_A]);
    const statuses = kit.graph.calls.slice(callsBefore).map((call) => call.status);
    expect({ report, statuses }).toMatchObject({ report: { sent: 800, throttled: 0 }, statuses: Array(8).fill(202) });
  });
});
