/**
 * Fairness and pacing in the real drain: two tenants share the app's global budget round robin,
 * and the fake's own per-tenant rate limit is never hit when the drain paces to it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newTenantId, startNotificationKit, type NotificationKit } from './notification-kit.js';

let kit: NotificationKit;
let tenant: string;
let otherTenant: string;
beforeEach(() => {
  tenant = newTenantId();
  otherTenant = newTenantId();
  kit?.graph.clearFaults();
});
beforeAll(async () => {
  kit = await startNotificationKit({ rateLimit: { bulk: 20, single: 50 } });
});
afterAll(async () => {
  await kit?.close();
});

describe('drain fairness', () => {
  it('alternates between a big and a small tenant instead of draining the big one first', async () => {
    await kit.enqueueAssignment(tenant, 'assign-big', 1000);
    await kit.enqueueAssignment(otherTenant, 'assign-small', 300);
    const report = await kit.drain({ maxInFlight: 1 }).drain([tenant, otherTenant]);
    expect(report).toMatchObject({ sent: 1300, calls: 13 });
    const order = kit.graph.calls
      .filter((call) => call.tenantId === tenant || call.tenantId === otherTenant)
      .map((call) => (call.tenantId === tenant ? 'A' : 'B'))
      .join('');
    // Round robin goes by tenant id: whichever sorts first is served first, then they alternate.
    expect(order).toBe((tenant < otherTenant ? 'AB' : 'BA').repeat(3) + 'A'.repeat(7));
  });

  it('paced to the fake\'s per-tenant limit, it is never throttled', async () => {
    await kit.enqueueAssignment(tenant, 'assign-paced', 800);
    const drain = kit.drain({ limits: { bulk: { perTenantPerSecond: 20, globalPerSecond: 40 }, single: { perTenantPerSecond: 50, globalPerSecond: 100 } } });
    const report = await drain.drain([tenant]);
    const statuses = kit.graph.calls.filter((call) => call.tenantId === tenant).map((call) => call.status);
    expect({ report, statuses }).toMatchObject({ report: { sent: 800, throttled: 0 }, statuses: Array(8).fill(202) });
  });
});
