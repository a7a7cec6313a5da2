/**
 * A new hire without the app, through the whole app (local stack, real functions, embedded Cosmos) and
 * a fake Graph that declares Contoso as a real customer tenant: its catalog gave Line of Sight its own
 * id, and Teams delivers only to people who have the app. Crashes go through the services' seams;
 * "restart" is a new set of services on the same store running the timer's drainAll.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeDirectory, type FakeUser } from '../../../api/src/local/fake-m365/directory.js';
import { REASONS } from '../../../api/src/notifications/dead-letter-reasons.js';
import { moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { assignedChainKey, chainIdFor, type OutboxDocument } from '../../../api/src/notifications/outbox.js';
import { createServices, DEFAULT_TEAMS_APP_ID, getServices, setServicesTestSeams } from '../../../api/src/services.js';
import { assignmentListSchema, cohortSchema, deadNotificationListSchema, publishResultSchema } from '../../../api/src/shared/contracts.js';
import { adjustableClockFrom, testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const CATALOG_ID = 'c0a7ca7a-0000-4000-8000-00000000ca7a';
const clock = adjustableClockFrom();
const HIRES = ['hire-has-app', 'hire-new', 'hire-crash-has-app', 'hire-crash-new', 'hire-blocked'] as const;
let kit: OnboardingTestStack;
let grace: string;

beforeAll(async () => {
  const users: FakeUser[] = [CONTOSO_IDS.people.grace, ...HIRES].map((id) => ({ id, displayName: id, userPrincipalName: `${id}@contoso.example` }));
  const directory = createFakeDirectory([
    {
      id: tenant,
      displayName: 'Contoso',
      consented: true,
      users,
      catalog: [{ id: CATALOG_ID, externalId: DEFAULT_TEAMS_APP_ID, displayName: 'Line of Sight' }],
      installedApps: { [CONTOSO_IDS.people.grace]: [CATALOG_ID], 'hire-has-app': [CATALOG_ID], 'hire-crash-has-app': [CATALOG_ID] },
      blockedByPolicy: ['hire-blocked'],
    },
  ]);
  kit = await startOnboardingTestStack({ now: clock.now, graph: { directory } });
  grace = await kit.api.tokenFor(tenant, CONTOSO_IDS.people.grace);
  const { directory: people } = getServices();
  for (const id of HIRES) await people.upsert({ id, tenantId: tenant, type: 'person', displayName: id, teamId: null, roles: ['Employee'], upn: `${id}@contoso.example` });
});
afterEach(async () => {
  await getServices().notifications.settled(tenant);
  setServicesTestSeams();
});
afterAll(async () => kit?.close());

async function assignTo(title: string, memberIds: string[]): Promise<string> {
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: moduleBody(title) });
  const published = await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } });
  const versionId = publishResultSchema.parse(published.body).version.id;
  const cohort = cohortSchema.parse((await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: title, memberIds } })).body);
  const response = await kit.api.request('POST', `/api/cohorts/${cohort.id}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) } });
  expect(response.status).toBe(201);
  return assignmentListSchema.parse(response.body).assignments[0]!.id;
}

const feedOf = (assignmentId: string) => kit.graph.feed(tenant).filter((entry) => entry.chainId === chainIdFor(assignedChainKey(assignmentId)));
const installsOf = (userId: string) => kit.graph.requests.filter((r) => r.request === `POST /v1.0/users/${userId}/teamwork/installedApps`);

describe('a new hire without the app', () => {
  it('gets it installed, then one notification whose deep link names the app by its catalog id', async () => {
    const assignmentId = await assignTo('Welcome, new hire', ['hire-has-app', 'hire-new']);
    await getServices().notifications.settled(tenant);
    expect(kit.graph.directory.tenant(tenant)!.installedApps.get('hire-new')?.has(CATALOG_ID)).toBe(true);
    const feed = feedOf(assignmentId);
    expect(feed.map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([['hire-has-app', 1], ['hire-new', 1]]);
    expect(feed[0]!.webUrl).toBe(moduleDeepLink(CATALOG_ID, assignmentId));
    expect(installsOf('hire-new')).toHaveLength(1);
    expect(installsOf('hire-has-app')).toHaveLength(0);
  });

  it('is notified once when the process dies between installing the app and sending', async () => {
    setServicesTestSeams({ afterInstall: () => { throw new Error('process killed after the install'); } });
    const assignmentId = await assignTo('Crash after the install', ['hire-crash-has-app', 'hire-crash-new']);
    await getServices().notifications.settled(tenant);
    setServicesTestSeams();
    expect(kit.graph.directory.tenant(tenant)!.installedApps.get('hire-crash-new')?.has(CATALOG_ID)).toBe(true);
    expect(feedOf(assignmentId)).toEqual([]);

    // A new process once the lease is over: the app is found installed, and each person notified once.
    clock.advance(6 * 60_000);
    const restarted = createServices(process.env, clock.now);
    try {
      await restarted.notifications.drainAll({ maxRunMs: 50_000 });
    } finally {
      restarted.cosmos.dispose();
    }
    expect(feedOf(assignmentId).map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([['hire-crash-has-app', 1], ['hire-crash-new', 1]]);
    expect(installsOf('hire-crash-new')).toHaveLength(1);
    const entries = (await kit.documents<OutboxDocument>(tenant, 'outbox')).filter((entry) => entry.assignmentId === assignmentId);
    expect(entries.map((entry) => entry.state)).toEqual(['sent', 'sent']);
  });

  it('whom policy keeps from the app shows up in the leader\'s dead letters with what to do about it', async () => {
    const assignmentId = await assignTo('Blocked by policy', ['hire-blocked']);
    await getServices().notifications.settled(tenant);
    const dead = deadNotificationListSchema.parse((await kit.api.request('GET', '/api/notifications/dead', { token: grace })).body);
    const entry = dead.notifications.find((notification) => notification.assignmentId === assignmentId);
    expect(entry?.lastError?.startsWith(REASONS.blockedByPolicy)).toBe(true);
    expect(feedOf(assignmentId)).toEqual([]);
  });
});
