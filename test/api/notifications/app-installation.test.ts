/**
 * Notifications that arrive: the drain finds Line of Sight in the tenant's app catalog, installs it for
 * people who lack it, and only then sends, with the catalog id as teamsAppId and in the deep link.
 * Real embedded Cosmos and drain; the fake Graph with declared tenants (Northwind and copies of it).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeDirectory, type FakeTenantInit } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { NORTHWIND_IDS, northwindTenant } from '../../../api/src/local/fake-m365/northwind.js';
import { REASONS } from '../../../api/src/notifications/dead-letter-reasons.js';
import { createGraphClient } from '../../../api/src/notifications/graph-client.js';
import { clientCredentialsTokenSource, createTokenCache } from '../../../api/src/notifications/graph-token.js';
import { assignedContent, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, chainIdFor, enqueueNotifications } from '../../../api/src/notifications/outbox.js';
import { newTenantId, startNotificationKit, statesOf, TEST_MANIFEST_APP_ID, type NotificationKit } from './notification-kit.js';

const p = NORTHWIND_IDS.people;
const CATALOG_ID = NORTHWIND_IDS.catalogAppId;
let kit: NotificationKit;
beforeAll(async () => {
  kit = await startNotificationKit({ directory: createFakeDirectory([northwindTenant(TEST_MANIFEST_APP_ID)]) });
});
afterAll(async () => {
  await kit?.close();
});
beforeEach(() => kit?.graph.clearFaults());

/** A consented copy of Northwind under a tenant id of the test's own (Uma still without the app). */
function northwindCopy(changes: Partial<FakeTenantInit> = {}): string {
  const id = newTenantId();
  kit.graph.directory.addTenant({ ...northwindTenant(TEST_MANIFEST_APP_ID), id, displayName: `Northwind copy ${id.slice(0, 8)}`, consented: true, ...changes });
  return id;
}

async function assign(tenantId: string, assignmentId: string, userIds: readonly string[]): Promise<void> {
  const webUrl = moduleDeepLink(TEST_MANIFEST_APP_ID, assignmentId);
  const requests = userIds.map((userId) => ({
    recipientUserId: userId,
    kind: 'assigned' as const,
    assignmentId,
    idempotencyKey: assignedIdempotencyKey(assignmentId, userId),
    chainKey: assignedChainKey(assignmentId),
    content: assignedContent('Welcome to Northwind', '2026-03-20', webUrl),
  }));
  await enqueueNotifications(kit.outbox, tenantId, requests, new Date(kit.clock.now()));
}

const requestsOf = (tenantId: string, pattern: RegExp) => kit.graph.requests.filter((r) => r.tenantId === tenantId && pattern.test(r.request));
const feedOf = (tenantId: string, assignmentId: string) => kit.graph.feed(tenantId).filter((entry) => entry.chainId === chainIdFor(assignedChainKey(assignmentId)));
const deadReasons = async (tenantId: string, assignmentId: string) =>
  Object.fromEntries((await kit.outbox.listForAssignment(tenantId, assignmentId)).filter((e) => e.state === 'dead').map((e) => [e.recipientUserId, e.lastError]));

describe('the fake Graph and teamsAppId', () => {
  it('refuses the manifest id as teamsAppId and accepts the id the tenant\'s catalog gave the app', async () => {
    const tenant = northwindCopy();
    const tokens = createTokenCache(clientCredentialsTokenSource({ authority: kit.graph.authority, clientId: kit.graph.clientId, clientAssertion: async () => 'test' }));
    const graph = createGraphClient({ baseUrl: kit.graph.baseUrl, tokens });
    const content = assignedContent('Welcome', '2026-03-20', moduleDeepLink(CATALOG_ID, 'assign-ids'));
    const wrong = await graph.sendToRecipients(tenant, { content, chainId: 1, teamsAppId: TEST_MANIFEST_APP_ID }, [p.olivia, p.pedro]);
    expect(wrong).toMatchObject({ ok: false, kind: 'permanent', status: 400 });
    expect(await graph.sendToUser(tenant, { content, chainId: 2, teamsAppId: TEST_MANIFEST_APP_ID }, p.olivia)).toMatchObject({ ok: false, status: 400 });
    expect(await graph.sendToRecipients(tenant, { content, chainId: 3, teamsAppId: CATALOG_ID }, [p.olivia, p.pedro])).toEqual({ ok: true });
    expect(kit.graph.feed(tenant).map((entry) => entry.chainId)).toEqual([3, 3]);
  });
});

describe('installing the app before notifying', () => {
  it('installs it for Uma, the new hire without it, then notifies her and her colleagues exactly once', async () => {
    const tenant = NORTHWIND_IDS.tenant;
    kit.graph.directory.grantConsent(tenant);
    const people = [p.rosa, p.sam, p.uma];
    await assign(tenant, 'assign-uma', people);
    expect(kit.graph.directory.tenant(tenant)!.installedApps.has(p.uma)).toBe(false);

    const report = await kit.drain({ recipients: kit.readiness() }).drain([tenant]);
    expect(report).toMatchObject({ sent: 3, dead: 0, calls: 1 });
    expect([...kit.graph.directory.tenant(tenant)!.installedApps.get(p.uma)!]).toEqual([CATALOG_ID]);
    // One install, for Uma only; nobody was left out of the accepted bulk call.
    expect(requestsOf(tenant, /^POST .*\/installedApps$/).map((r) => r.request)).toEqual([`POST /v1.0/users/${p.uma}/teamwork/installedApps`]);
    expect(kit.graph.calls.filter((call) => call.tenantId === tenant && call.status === 202).every((call) => !call.undelivered)).toBe(true);
    const feed = feedOf(tenant, 'assign-uma');
    expect(feed.map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual(people.map((id) => [id, 1]).sort());
    // The deep link opens the app by its catalog id, as Teams resolves an app published to the org catalog.
    expect(feed[0]!.webUrl).toBe(moduleDeepLink(CATALOG_ID, 'assign-uma'));
    expect(await statesOf(kit, tenant, ['assign-uma'])).toEqual({ sent: 3 });
  });

  it('looks the catalog up once per tenant and checks each person once, however many notifications follow', async () => {
    const tenant = northwindCopy();
    const readiness = kit.readiness();
    await assign(tenant, 'assign-first', [p.pedro, p.quinn, p.uma]);
    await kit.drain({ recipients: readiness }).drain([tenant]);
    await assign(tenant, 'assign-second', [p.pedro, p.quinn, p.uma]);
    await assign(tenant, 'assign-third', [p.uma]);
    expect(await kit.drain({ recipients: readiness }).drain([tenant])).toMatchObject({ sent: 4, dead: 0 });
    expect(requestsOf(tenant, /appCatalogs\/teamsApps$/)).toHaveLength(1);
    expect(requestsOf(tenant, /^GET .*\/installedApps$/)).toHaveLength(3);
    expect(requestsOf(tenant, /^POST .*\/installedApps$/)).toHaveLength(1);
    for (const assignment of ['assign-first', 'assign-second', 'assign-third']) expect(feedOf(tenant, assignment).every((entry) => entry.deliveries === 1)).toBe(true);
    expect(feedOf(tenant, 'assign-third').map((entry) => entry.userId)).toEqual([p.uma]);

    // An hour later the catalog id is looked up again (an app re-published gets a new one); people are not re-checked.
    kit.clock.advance(61 * 60_000);
    await assign(tenant, 'assign-fourth', [p.pedro]);
    expect(await kit.drain({ recipients: readiness }).drain([tenant])).toMatchObject({ sent: 1 });
    expect(requestsOf(tenant, /appCatalogs\/teamsApps$/)).toHaveLength(2);
    expect(requestsOf(tenant, /^GET .*\/installedApps$/)).toHaveLength(3);
  });

  it('waits out a 429 with Retry-After on the install, then installs and notifies once', async () => {
    const tenant = northwindCopy();
    kit.graph.inject({ kind: 'throttle', count: 1, retryAfter: '1', path: `/users/${p.uma}/teamwork/installedApps`, method: 'POST' });
    await assign(tenant, 'assign-throttled', [p.uma]);
    expect(await kit.drain({ recipients: kit.readiness() }).drain([tenant])).toMatchObject({ sent: 1, dead: 0 });
    expect(requestsOf(tenant, /^POST .*\/installedApps$/)).toHaveLength(2);
    expect(feedOf(tenant, 'assign-throttled').map((entry) => [entry.userId, entry.deliveries])).toEqual([[p.uma, 1]]);
  });

  it('sends nothing twice when the process dies between installing the app and sending', async () => {
    const tenant = northwindCopy();
    await assign(tenant, 'assign-crash', [p.sam, p.uma]);
    const crashing = kit.drain({ recipients: kit.readiness({ afterInstall: () => { throw new Error('process killed after the install'); } }) });
    await expect(crashing.drain([tenant])).rejects.toThrow('process killed');
    expect(kit.graph.directory.tenant(tenant)!.installedApps.get(p.uma)?.has(CATALOG_ID)).toBe(true);
    expect(feedOf(tenant, 'assign-crash')).toEqual([]);
    expect(await statesOf(kit, tenant, ['assign-crash'])).toEqual({ sending: 2 });

    // A new process (empty caches), once the lease has expired: finds the app installed, sends once.
    kit.clock.advance(61_000);
    expect(await kit.drain({ recipients: kit.readiness() }).drain([tenant])).toMatchObject({ sent: 2 });
    expect(requestsOf(tenant, /^POST .*\/installedApps$/)).toHaveLength(1);
    expect(feedOf(tenant, 'assign-crash').map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([[p.sam, 1], [p.uma, 1]].sort());
  });
});

describe('people who still cannot be reached', () => {
  it('become dead letters with a reason a leader can act on, and the others are notified', async () => {
    const vic = 'vic-disabled-without-the-app';
    const tenant = northwindCopy({ blockedByPolicy: [p.uma] });
    kit.graph.directory.upsertUser(tenant, { id: vic, displayName: 'Vic Disabled', userPrincipalName: 'vic@northwind.example', accountEnabled: false });
    kit.graph.directory.removeUser(tenant, p.tariq);
    await assign(tenant, 'assign-unreachable', [p.quinn, p.uma, p.tariq, vic]);

    expect(await kit.drain({ recipients: kit.readiness() }).drain([tenant])).toMatchObject({ sent: 1, dead: 3 });
    const reasons = await deadReasons(tenant, 'assign-unreachable');
    expect(reasons[p.uma]).toMatch(new RegExp(`^${literal(REASONS.blockedByPolicy)} \\(Graph 403`));
    expect(reasons[p.tariq]).toMatch(new RegExp(`^${literal(REASONS.personNotFound)} \\(Graph 404`));
    expect(reasons[vic]).toMatch(new RegExp(`^${literal(REASONS.accountDisabled)} \\(Graph 403`));
    expect(feedOf(tenant, 'assign-unreachable').map((entry) => entry.userId)).toEqual([p.quinn]);
  });

  it('become dead letters saying the app is not in the catalog when the org has not published it, and go out once it is', async () => {
    const tenant = northwindCopy({ catalog: [], installedApps: {} });
    const readiness = kit.readiness();
    await assign(tenant, 'assign-unpublished', [p.pedro, p.uma]);
    expect(await kit.drain({ recipients: readiness }).drain([tenant])).toMatchObject({ sent: 0, dead: 2, calls: 0 });
    expect(Object.values(await deadReasons(tenant, 'assign-unpublished'))).toEqual([REASONS.notInCatalog, REASONS.notInCatalog]);
    expect(requestsOf(tenant, /installedApps|sendActivityNotification/)).toEqual([]);

    // The admin publishes it; the leader retries the dead letters; a few minutes on, the drain finds it.
    kit.graph.directory.tenant(tenant)!.catalog.push({ id: CATALOG_ID, externalId: TEST_MANIFEST_APP_ID, displayName: 'Line of Sight' });
    for (const entry of await kit.outbox.listForAssignment(tenant, 'assign-unpublished')) await kit.outbox.retryDead(tenant, entry.id, new Date(kit.clock.now()));
    kit.clock.advance(6 * 60_000);
    expect(await kit.drain({ recipients: readiness }).drain([tenant])).toMatchObject({ sent: 2, dead: 0 });
    expect(feedOf(tenant, 'assign-unpublished').map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([[p.pedro, 1], [p.uma, 1]].sort());
  });

  it('become dead letters saying the app may not install itself when that permission was not consented', async () => {
    const tenant = newTenantId();
    const withoutInstall = await startFakeGraph({
      directory: createFakeDirectory([{ ...northwindTenant(TEST_MANIFEST_APP_ID), id: tenant, consented: true }]),
      consentedRoles: ['TeamsActivity.Send', 'AppCatalog.Read.All'],
    });
    try {
      await assign(tenant, 'assign-no-install-permission', [p.rosa, p.uma]);
      const tokens = createTokenCache(clientCredentialsTokenSource({ authority: withoutInstall.authority, clientId: withoutInstall.clientId, clientAssertion: async () => 'test' }));
      const drain = kit.drain({ graph: createGraphClient({ baseUrl: withoutInstall.baseUrl, tokens }), recipients: kit.readiness({}, withoutInstall) });
      expect(await drain.drain([tenant])).toMatchObject({ sent: 0, dead: 2 });
      // Even Rosa, who has the app: the check needs the same permission, so nobody is sent to blindly.
      expect(Object.values(await deadReasons(tenant, 'assign-no-install-permission'))).toEqual([expect.stringMatching(new RegExp(`^${literal(REASONS.installNotAllowed)}`)), expect.stringMatching(new RegExp(`^${literal(REASONS.installNotAllowed)}`))]);
    } finally {
      await withoutInstall.close();
    }
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
