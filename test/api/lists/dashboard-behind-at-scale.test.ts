/**
 * The people behind on a cohort dashboard at scale (issue 13): a cohort of 3,000 people written
 * straight into the embedded Cosmos DB through the real client (people from
 * test/bench/generate-organisation.ts; cohort, versions, assignments, progress as the API stores
 * them), 2,000 of them behind. The dashboard counts them and names at most a first page; behind=true
 * pages every named person behind exactly once (overdue first, then by name), search narrows, a Leader
 * sees only their team's people behind by name and the rest counted, and every answer stays small.
 */
import https from 'node:https';
import { CosmosClient, type JSONObject, type OperationInput } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containersOf } from '../../../api/src/data/cosmos-client.js';
import { assignmentIdFor, moduleVersionIdFor, progressIdFor, type AssignmentDocument, type CohortDocument, type ModuleVersionDocument, type ProgressDocument } from '../../../api/src/data/onboarding-documents.js';
import { getServices } from '../../../api/src/services.js';
import { dashboardSchema, LIST_LIMITS, problemSchema, type Dashboard } from '../../../api/src/shared/contracts.js';
import { generateOrganisation, writeOrganisation, type GeneratedOrganisation } from '../../bench/generate-organisation.js';
import { testDayPlus, TEST_EPOCH } from '../../support/clock.js';
import { CONTENT } from '../domain/onboarding-fixtures.js';
import { startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const PEOPLE = 3_000;
const COHORT_ID = 'cohort-at-scale';
const MODULE_ID = 'module-at-scale';
const SEARCHED = 'Zoë Quartermaine';

let api: ApiTestStack;
let org: GeneratedOrganisation;
let admin: string;
let leader: string;
/** userId → overdue, for everyone behind (computed here from the plan below, not by the API). */
const behind = new Map<string, boolean>();

/**
 * Even people got version 1, due a week ago; odd people version 2, due next week. By i mod 6:
 * 0 completed, 2 and 4 started (so overdue: behind), 1 and 5 not started (behind), 3 started in time.
 */
function planFor(index: number): { version: 1 | 2; progress: 'none' | 'started' | 'completed' } {
  const rest = index % 6;
  return { version: index % 2 === 0 ? 1 : 2, progress: rest === 0 ? 'completed' : rest === 1 || rest === 5 ? 'none' : 'started' };
}

async function writeCohort(client: CosmosClient): Promise<number> {
  const started = performance.now();
  const { tenantId } = org;
  const at = TEST_EPOCH;
  const versions = ([1, 2] as const).map((version): ModuleVersionDocument => ({
    id: moduleVersionIdFor(MODULE_ID, version), tenantId, type: 'moduleVersion', moduleId: MODULE_ID, version, content: CONTENT, publishedAt: at, publishedBy: org.adminId,
  }));
  const cohort: CohortDocument = { id: COHORT_ID, tenantId, type: 'cohort', name: 'Harbour intake', description: '', memberIds: org.people.map((person) => person.id), createdAt: at, updatedAt: at, createdBy: org.adminId };
  const assignments = versions.map((version): AssignmentDocument => ({
    id: assignmentIdFor(COHORT_ID, version.id), tenantId, type: 'assignment', cohortId: COHORT_ID, moduleId: MODULE_ID, moduleVersionId: version.id, version: version.version,
    moduleTitle: CONTENT.title, dueDate: testDayPlus(version.version === 1 ? -7 : 7), startAt: null, audience: 'everyone',
    recipientIds: org.people.filter((_, index) => planFor(index).version === version.version).map((person) => person.id),
    createdAt: `2026-03-0${version.version}T08:00:00.000Z`, createdBy: org.adminId,
  }));
  const progress: ProgressDocument[] = org.people.flatMap((person, index) => {
    const plan = planFor(index);
    const assignment = assignments[plan.version - 1]!;
    if (plan.progress === 'none') behind.set(person.id, false);
    if (plan.progress === 'started' && plan.version === 1) behind.set(person.id, true);
    if (plan.progress === 'none') return [];
    return [{
      id: progressIdFor(assignment.id, person.id), tenantId, type: 'progress', assignmentId: assignment.id, cohortId: COHORT_ID, moduleId: MODULE_ID,
      moduleVersionId: assignment.moduleVersionId, version: assignment.version, userId: person.id, sectionsDone: ['s1'], answers: [], startedAt: at,
      acknowledgedAt: null, completedAt: plan.progress === 'completed' ? at : null, openedFromNotificationAt: null, updatedAt: at,
    }];
  });
  const onboarding = containersOf(client).onboarding;
  const documents = [...versions, cohort, ...assignments, ...progress];
  for (let index = 0; index < documents.length; index += 100) {
    const operations: OperationInput[] = documents.slice(index, index + 100).map((document) => ({ operationType: 'Upsert', partitionKey: tenantId, resourceBody: JSON.parse(JSON.stringify(document)) as JSONObject }));
    const response = await onboarding.items.batch(operations, tenantId);
    expect((response.result ?? []).every((result) => result.statusCode < 400)).toBe(true);
  }
  return performance.now() - started;
}

beforeAll(async () => {
  // Every page is a dashboard call, an expensive route (20 a minute a person by default): this file walks ~40 pages on purpose.
  api = await startApiTestStack({ rateLimits: { personExpensive: 1000, tenantExpensive: 10_000 } });
  org = generateOrganisation({ people: PEOPLE, tasks: 0, strategies: 1, seed: 21, tenantIndex: 41 });
  org.people[1202]!.displayName = SEARCHED;
  const client = new CosmosClient({ endpoint: api.stack.cosmos.endpoint, key: api.stack.cosmos.key, agent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) });
  try {
    const written = await writeOrganisation(client, org);
    const cohort = await writeCohort(client);
    // For the notes, not for pass/fail: how long the data took to write.
    console.info(`dashboard-behind-at-scale: ${PEOPLE} people in ${Math.round(written.milliseconds)} ms, cohort and progress in ${Math.round(cohort)} ms`);
  } finally {
    client.dispose();
  }
  const issuer = getServices().auth.devTokenIssuer!;
  const tokenOf = (id: string) => {
    const person = org.people.find((candidate) => candidate.id === id)!;
    return issuer.issueDevToken({ tenantId: org.tenantId, userId: person.id, roles: person.roles, displayName: person.displayName });
  };
  [admin, leader] = await Promise.all([tokenOf(org.adminId), tokenOf(org.leaderId)]);
}, 240_000);
afterAll(async () => {
  await api?.close();
});

const path = `/api/cohorts/${COHORT_ID}/dashboard?moduleId=${MODULE_ID}`;

async function dashboard(token: string, query = ''): Promise<{ body: Dashboard; bytes: number }> {
  const response = await api.request('GET', `${path}${query}`, { token });
  expect(response.status, query).toBe(200);
  return { body: dashboardSchema.parse(response.body), bytes: Buffer.byteLength(JSON.stringify(response.body)) };
}

/** Every page of the named people behind, following the cursor. */
async function walkBehind(token: string, query: string): Promise<{ people: Dashboard['people']; largest: number }> {
  const people: Dashboard['people'] = [];
  let largest = 0;
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = await dashboard(token, `&behind=true${query}${cursor ? `&cursor=${cursor}` : ''}`);
    people.push(...page.body.people);
    largest = Math.max(largest, page.bytes);
    cursor = page.body.nextCursor ?? null;
  }
  return { people, largest };
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byBehindOrder = (a: Dashboard['people'][number], b: Dashboard['people'][number]) =>
  Number(b.overdue) - Number(a.overdue) || ordinal(a.displayName, b.displayName) || ordinal(a.userId, b.userId);

describe('the people behind on a dashboard of 3,000', () => {
  it('counts everyone behind and names only a first page of them: the answer stays small', async () => {
    expect(behind.size).toBe(2_000);
    const { body, bytes } = await dashboard(admin);
    expect(body).toMatchObject({ assigned: PEOPLE, behind: 2_000, hiddenPeopleBehind: 0, overdue: 1_000, completed: 500 });
    expect(body.peopleBehind).toHaveLength(LIST_LIMITS.limit.default);
    expect(body.peopleBehind.every((person) => person.overdue && behind.get(person.userId) === true)).toBe(true);
    // Without q, limit or cursor, the named people are a first page too: the answer is bounded whatever the cohort's size.
    expect(body.people).toHaveLength(LIST_LIMITS.limit.default);
    expect(body.nextCursor).toEqual(expect.any(String));
    expect(bytes).toBeLessThan(40_000);
    console.info(`dashboard-behind-at-scale: the dashboard's answer is ${bytes} bytes`);
    // The largest page asked for stays bounded too, and carries the same first page of people behind.
    const largest = await dashboard(admin, `&limit=${LIST_LIMITS.limit.max}`);
    expect(largest.body.people).toHaveLength(LIST_LIMITS.limit.max);
    expect(largest.bytes).toBeLessThan(100_000);
    expect(largest.body.peopleBehind).toEqual(body.peopleBehind);
    // The CSV stays complete: a header and one row per person.
    const csv = await api.request('GET', `/api/cohorts/${COHORT_ID}/dashboard/export?moduleId=${MODULE_ID}`, { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split(/\r?\n/)).toHaveLength(PEOPLE + 1);
  });

  it('pages every named person behind exactly once, overdue first, then by name; pages stay small', async () => {
    const started = performance.now();
    const { people, largest } = await walkBehind(admin, '&limit=100');
    console.info(`dashboard-behind-at-scale: 20 pages of 100 people behind in ${Math.round(performance.now() - started)} ms, the largest ${largest} bytes`);
    const ids = people.map((person) => person.userId);
    expect(ids).toHaveLength(2_000);
    expect(new Set(ids)).toEqual(new Set(behind.keys()));
    expect(people.every((person) => person.overdue === behind.get(person.userId))).toBe(true);
    expect(people).toEqual([...people].sort(byBehindOrder));
    expect(largest).toBeLessThan(100_000);
    // The first page of the dashboard is the first page of this list.
    expect((await dashboard(admin)).body.peopleBehind).toEqual(people.slice(0, LIST_LIMITS.limit.default));
  });

  it('search narrows the people behind, and pages too', async () => {
    const found = await dashboard(admin, `&behind=true&q=${encodeURIComponent('QUARTERmaine')}`);
    expect(found.body.people.map((person) => person.displayName)).toEqual([SEARCHED]);
    expect(found.body.nextCursor).toBeNull();
    // "person 12": Person 12, 120–129, 1200–1299 less the renamed one; only those behind.
    const expected = org.people.filter((person) => /^Person 12\d*$/.test(person.displayName) && behind.has(person.id)).map((person) => person.id);
    expect(expected.length).toBeGreaterThan(20);
    const narrowed = await walkBehind(admin, '&q=person%2012&limit=7');
    expect(narrowed.people.map((person) => person.userId).sort()).toEqual([...expected].sort());
    const none = await dashboard(admin, '&behind=true&q=nobody-by-this-name');
    expect(none.body.people).toEqual([]);
    expect(none.body.behind).toBe(2_000);
  });

  it('a Leader sees only their team’s people behind by name; the rest are counted, however they page or search', async () => {
    const leaderPerson = org.people.find((person) => person.id === org.leaderId)!;
    const team = new Set(org.people.filter((person) => person.teamId === leaderPerson.teamId).map((person) => person.id));
    const teamBehind = [...behind.keys()].filter((id) => team.has(id));
    expect(teamBehind.length).toBeGreaterThan(0);
    const { body } = await dashboard(leader);
    expect(body).toMatchObject({ assigned: PEOPLE, behind: 2_000, hiddenPeopleBehind: 2_000 - teamBehind.length });
    expect(body.peopleBehind.map((person) => person.userId).sort()).toEqual([...teamBehind].sort());
    const paged = await walkBehind(leader, '&limit=2');
    expect(paged.people.map((person) => person.userId).sort()).toEqual([...teamBehind].sort());
    // Searching for someone behind outside the team finds nobody by name.
    expect((await dashboard(leader, `&behind=true&q=${encodeURIComponent(SEARCHED)}`)).body.people).toEqual([]);
  });

  it('answers a bad behind value with problem+json naming it', async () => {
    const response = await api.request('GET', `${path}&behind=yes`, { token: admin });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual(['behind']);
  });
});
