/**
 * Crash-safe, never doubled fan-out, over real HTTP (local stack, embedded Cosmos, fake Graph) with
 * the real drain: an assignment is written as one plan, the drain expands it into the outbox and
 * sends it. Crashes are injected through the services' test seams; "restart" is a new set of
 * services on the same store (a new drain, nothing in memory) running the timer's drainAll.
 * Each test has its own people, cohort and module; the API clock is the test clock.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assignmentIdFor } from '../../../api/src/data/onboarding-documents.js';
import { assignedChainKey, chainIdFor, type OutboxDocument } from '../../../api/src/notifications/outbox.js';
import { createServices, getServices, setServicesTestSeams } from '../../../api/src/services.js';
import { assignmentListSchema, assignmentProgressSchema, cohortSchema, dashboardSchema, myOnboardingSchema, publishResultSchema } from '../../../api/src/shared/contracts.js';
import { adjustableClockFrom, testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const clock = adjustableClockFrom();
let kit: OnboardingTestStack;
let grace: string;

beforeAll(async () => {
  kit = await startOnboardingTestStack({ now: clock.now });
  grace = await kit.api.tokenFor(tenant, CONTOSO_IDS.people.grace);
});
afterEach(async () => {
  await getServices().notifications.settled(tenant);
  setServicesTestSeams();
});
afterAll(async () => kit?.close());

async function publishedModule(title: string) {
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: moduleBody(title) });
  const published = await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } });
  return { moduleId: created.body.id, versionId: publishResultSchema.parse(published.body).version.id };
}

async function cohortOf(name: string, memberIds: string[]) {
  const response = await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name, memberIds } });
  expect(response.status).toBe(201);
  return cohortSchema.parse(response.body);
}

const assign = (cohortId: string, versionId: string, headers: Record<string, string> = {}) =>
  kit.api.request('POST', `/api/cohorts/${cohortId}/assignments`, { token: grace, json: { moduleVersionIds: [versionId], dueDate: testDayPlus(30) }, headers });

/** What each person sees in Teams for this assignment: one feed item per person (a resend with the chainId replaces it). */
function feedOf(assignmentId: string) {
  const chainId = chainIdFor(assignedChainKey(assignmentId));
  return kit.graph.feed(tenant).filter((entry) => entry.chainId === chainId);
}

/** A new process on the same store runs the timer: a new drain and fan-out, nothing carried over in memory. */
async function restartAndRunTimer() {
  const restarted = createServices(process.env, clock.now);
  try {
    await restarted.notifications.drainAll({ maxRunMs: 50_000 });
  } finally {
    restarted.cosmos.dispose();
  }
}

/** The dashboard with everyone named: its `people` come a page at a time (issue 13), so follow the cursor. */
async function dashboardOf(cohortId: string, moduleId: string) {
  const page = async (cursor: string) =>
    dashboardSchema.parse((await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard?moduleId=${moduleId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: grace })).body);
  const first = await page('');
  const people = [...first.people];
  for (let cursor = first.nextCursor ?? null; cursor !== null; ) {
    const next = await page(cursor);
    people.push(...next.people);
    cursor = next.nextCursor ?? null;
  }
  return { ...first, people };
}

describe('assigning to a big cohort', () => {
  it('survives a crash between fan-out batches: the leader sees everyone still queued, and after a restart and the timer each person is notified once', async () => {
    const people = await kit.addPeople(tenant, 'fan-between', 130);
    const cohort = await cohortOf('Crash between batches', people);
    const { moduleId, versionId } = await publishedModule('Crash between batches');
    let steps = 0;
    setServicesTestSeams({
      afterFanOutBatch: () => {
        steps += 1;
        if (steps === 1) throw new Error('process killed between fan-out batches');
      },
    });
    const response = await assign(cohort.id, versionId);
    expect(response.status).toBe(201);
    const [assignment] = assignmentListSchema.parse(response.body).assignments;
    expect(response.headers.get('location')).toBe(`/api/cohorts/${cohort.id}/assignments/${assignment!.id}`);
    await getServices().notifications.settled(tenant);

    // The crash left the first step (99 people) in the outbox and the plan saying so; nothing was sent.
    const progress = assignmentProgressSchema.parse((await kit.api.request('GET', `/api/cohorts/${cohort.id}/assignments/${assignment!.id}`, { token: grace })).body);
    expect(progress.notifications).toEqual({ recipients: 130, planned: 31, queued: 99, sent: 0, failed: 0 });
    const dashboard = await dashboardOf(cohort.id, moduleId);
    expect(dashboard).toMatchObject({ assigned: 130, notified: 0, queued: 130 });
    expect(dashboard.people.filter((person) => person.notification === 'queued').map((person) => person.userId).sort()).toEqual([...people].sort());
    expect(feedOf(assignment!.id)).toEqual([]);

    setServicesTestSeams();
    await restartAndRunTimer();
    const feed = feedOf(assignment!.id);
    expect(feed.map((entry) => entry.userId).sort()).toEqual([...people].sort());
    expect(feed.every((entry) => entry.deliveries === 1)).toBe(true);
    expect(await dashboardOf(cohort.id, moduleId)).toMatchObject({ assigned: 130, notified: 130, queued: 0 });
    const entries = (await kit.documents<OutboxDocument>(tenant, 'outbox')).filter((entry) => entry.assignmentId === assignment!.id);
    expect(entries).toHaveLength(130);
  });

  it('survives a crash after Graph accepted a call but before it was marked sent: the leader sees exactly who is unconfirmed, and nobody gets a second notification', async () => {
    const people = await kit.addPeople(tenant, 'fan-accepted', 130);
    const cohort = await cohortOf('Crash after Graph accepted', people);
    const { moduleId, versionId } = await publishedModule('Crash after Graph accepted');
    let calls = 0;
    setServicesTestSeams({
      afterSend: () => {
        calls += 1;
        if (calls === 2) throw new Error('process killed after Graph accepted');
      },
    });
    const response = await assign(cohort.id, versionId);
    expect(response.status).toBe(201);
    const assignmentId = assignmentListSchema.parse(response.body).assignments[0]!.id;
    await getServices().notifications.settled(tenant);

    // Graph has every person (two bulk calls); only the call recorded before the crash counts as sent.
    expect(feedOf(assignmentId)).toHaveLength(130);
    const entries = (await kit.documents<OutboxDocument>(tenant, 'outbox')).filter((entry) => entry.assignmentId === assignmentId);
    const unconfirmed = entries.filter((entry) => entry.state !== 'sent').map((entry) => entry.recipientUserId).sort();
    expect([30, 100]).toContain(unconfirmed.length);
    const dashboard = await dashboardOf(cohort.id, moduleId);
    expect(dashboard).toMatchObject({ assigned: 130, notified: 130 - unconfirmed.length, queued: unconfirmed.length });
    expect(dashboard.people.filter((person) => person.notification === 'queued').map((person) => person.userId).sort()).toEqual(unconfirmed);

    setServicesTestSeams();
    await restartAndRunTimer();
    // Within the lease nobody touches the in-doubt entries; after it, they are sent again with the same chainId.
    expect((await dashboardOf(cohort.id, moduleId)).queued).toBe(unconfirmed.length);
    clock.advance(6 * 60_000);
    await restartAndRunTimer();
    const feed = feedOf(assignmentId);
    expect(feed.map((entry) => entry.userId).sort()).toEqual([...people].sort());
    expect(feed.filter((entry) => entry.deliveries === 2).map((entry) => entry.userId).sort()).toEqual(unconfirmed);
    expect(await dashboardOf(cohort.id, moduleId)).toMatchObject({ notified: 130, queued: 0 });
  });
});

describe('assigning the same module version again', () => {
  it('ten concurrent identical requests (different or no Idempotency-Key) make one assignment and one notification per person', async () => {
    const people = await kit.addPeople(tenant, 'fan-ten', 6);
    const cohort = await cohortOf('Ten clicks', people);
    const { versionId } = await publishedModule('Ten clicks');
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => assign(cohort.id, versionId, index % 2 === 0 ? { 'idempotency-key': `click-${index}` } : {})));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(responses.map((response) => assignmentListSchema.parse(response.body).assignments[0]!.id));
    expect([...ids]).toEqual([assignmentIdFor(cohort.id, versionId)]);
    expect(responses.filter((response) => assignmentListSchema.parse(response.body).assignments[0]!.alreadyAssigned)).toHaveLength(9);
    await getServices().notifications.settled(tenant);

    const assignments = (await kit.documents<{ cohortId: string }>(tenant, 'assignment')).filter((assignment) => assignment.cohortId === cohort.id);
    expect(assignments).toHaveLength(1);
    const delivered = kit.graph.feed(tenant).filter((entry) => people.includes(entry.userId));
    expect(delivered.map((entry) => entry.userId).sort()).toEqual([...people].sort());
    expect(delivered.every((entry) => entry.deliveries === 1)).toBe(true);
    expect((await kit.api.request('GET', `/api/cohorts/${cohort.id}`, { token: grace })).body).toMatchObject({ assignmentCount: 1 });
  });

  it('a person already holding the version through another cohort gets neither a second assignment nor a second notification', async () => {
    const [both, onlyB] = await kit.addPeople(tenant, 'fan-two-cohorts', 2);
    const { versionId } = await publishedModule('Two cohorts');
    const cohortA = await cohortOf('Cohort A', [both!]);
    const cohortB = await cohortOf('Cohort B', [both!, onlyB!]);
    expect((await assign(cohortA.id, versionId)).status).toBe(201);
    const second = await assign(cohortB.id, versionId);
    expect(second.status).toBe(201);
    expect(assignmentListSchema.parse(second.body).assignments[0]).toMatchObject({ recipientCount: 1 });
    await getServices().notifications.settled(tenant);

    const feed = kit.graph.feed(tenant).filter((entry) => entry.userId === both || entry.userId === onlyB);
    expect(feed.map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([[both, 1], [onlyB, 1]].sort());
    const holders = (await kit.documents<{ moduleVersionId: string; recipientIds: string[] }>(tenant, 'assignment')).filter((assignment) => assignment.moduleVersionId === versionId);
    expect(holders).toHaveLength(2);
    expect(holders.filter((assignment) => assignment.recipientIds.includes(both!))).toHaveLength(1);
  });

  it('people joining later go through the same plan: their notification is queued by the drain, once', async () => {
    const [first, later] = await kit.addPeople(tenant, 'fan-later', 2);
    const cohort = await cohortOf('Joins later', [first!]);
    const { versionId } = await publishedModule('Joins later');
    const assignmentId = assignmentListSchema.parse((await assign(cohort.id, versionId)).body).assignments[0]!.id;
    await getServices().notifications.settled(tenant);
    const added = await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [later] } });
    expect(cohortSchema.parse(added.body).assignments[0]).toMatchObject({ recipientCount: 2 });
    await getServices().notifications.settled(tenant);
    // Adding them again changes nothing and notifies nobody.
    await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [later] } });
    await getServices().notifications.settled(tenant);
    expect(feedOf(assignmentId).map((entry) => [entry.userId, entry.deliveries]).sort()).toEqual([[first, 1], [later, 1]].sort());
    const progress = assignmentProgressSchema.parse((await kit.api.request('GET', `/api/cohorts/${cohort.id}/assignments/${assignmentId}`, { token: grace })).body);
    expect(progress.notifications).toEqual({ recipients: 2, planned: 0, queued: 0, sent: 2, failed: 0 });
  });
});

describe('the learner', () => {
  it('sees a module version once even when two assignments list them, and the drain settles it with one notification', async () => {
    // A seeded person (only they can sign in); the module version is this test's own.
    const person = CONTOSO_IDS.people.ines;
    const { versionId } = await publishedModule('Listed twice');
    const cohortA = await cohortOf('Listed twice A', [person]);
    const cohortB = await cohortOf('Listed twice B', [person]);
    const first = assignmentListSchema.parse((await assign(cohortA.id, versionId)).body).assignments[0]!;
    await getServices().notifications.settled(tenant);
    // Two cohorts assigning at the same instant can both list a person before the fan-out settles it.
    const services = getServices();
    const stored = (await services.onboarding.getAssignment(tenant, first.id))!;
    const twin = { ...stored, id: assignmentIdFor(cohortB.id, versionId), cohortId: cohortB.id, fanOut: { queued: 0, pending: 1 } };
    expect((await services.onboarding.create(twin)).status).toBe('ok');

    const token = await kit.api.tokenFor(tenant, person);
    const mine = myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token })).body);
    expect(mine.assignments.filter((entry) => entry.moduleVersionId === versionId).map((entry) => entry.assignmentId)).toEqual([first.id]);

    // The twin finds the person's notification for this version belongs to the first assignment, and drops them.
    await services.notifications.drainNow(tenant);
    expect(await services.onboarding.getAssignment(tenant, twin.id)).toMatchObject({ recipientIds: [], fanOut: { queued: 0, pending: 0 } });
    expect(feedOf(first.id).map((entry) => [entry.userId, entry.deliveries])).toEqual([[person, 1]]);
    expect(feedOf(twin.id)).toEqual([]);
    expect((await kit.api.request('GET', `/api/me/onboarding/${twin.id}`, { token })).status).toBe(404);
  });
});
