import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerResultSchema, dashboardSchema, deadNotificationListSchema, myModuleSchema, myOnboardingSchema, problemSchema, progressSchema, publishResultSchema, type Assignment } from '../../../api/src/shared/contracts.js';
import { getServices } from '../../../api/src/services.js';
import { CONTOSO_IDS, FABRIKAM_IDS, moduleBody, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';
import { testDayPlus } from '../../support/clock.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
let kit: OnboardingTestStack;
let grace: string;
let farid: string;
let ines: string;
let sofia: string;
let moduleId: string;
let moduleEtag: string;
let cohortId: string;
let assignment: Assignment;

beforeAll(async () => {
  kit = await startOnboardingTestStack();
  [grace, farid, ines, sofia] = await Promise.all([
    kit.api.tokenFor(tenant, p.grace),
    kit.api.tokenFor(tenant, p.farid),
    kit.api.tokenFor(tenant, p.ines),
    kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.sofia),
  ]);
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: moduleBody('First steps') });
  moduleId = created.body.id;
  const published = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${moduleId}/publish`, { token: grace, headers: { 'if-match': created.body.etag } })).body);
  moduleEtag = published.module.etag;
  const cohort = await kit.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'New hires', memberIds: [p.farid, p.ines] } });
  cohortId = cohort.body.id;
  const assigned = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohortId}/assignments`, { token: grace, json: { moduleVersionIds: [published.version.id], dueDate: testDayPlus(30) } });
  assignment = assigned.body.assignments[0]!;
  await getServices().notifications.drainNow(tenant);
});
afterAll(async () => kit?.close());

const path = (suffix = '') => `/api/me/onboarding/${assignment.id}${suffix}`;

describe('the new hire', () => {
  it('sees only their own assignments; anyone else’s assignment is a 404', async () => {
    const mine = myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: farid })).body);
    expect(mine.assignments.map((entry) => entry.assignmentId)).toEqual([assignment.id]);
    expect(mine.assignments[0]).toMatchObject({ title: 'First steps', status: 'not_started', sectionCount: 2, questionCount: 1 });
    const ben = await kit.api.tokenFor(tenant, p.ben);
    expect(myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: ben })).body).assignments).toEqual([]);
    expect((await kit.api.request('GET', path(), { token: ben })).status).toBe(404);
    expect((await kit.api.request('PUT', path('/sections/intro'), { token: ben, json: { done: true } })).status).toBe(404);
    expect((await kit.api.request('GET', path(), { token: sofia })).status).toBe(404);
    const seeded = myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: await kit.api.tokenFor(tenant, p.jonas) })).body);
    expect(seeded.assignments.map((entry) => entry.title)).toEqual(expect.arrayContaining(['Our mission and why it matters', 'How our strategies serve customers', 'Your first week: linking your tasks']));
  });

  it('reads the module with the live strategy map and no answers', async () => {
    const module = myModuleSchema.parse((await kit.api.request('GET', path(), { token: farid })).body);
    const map = module.sections[0]!.blocks[1]!;
    expect(map).toMatchObject({ type: 'strategyMap', organisation: { name: 'Contoso Logistics' } });
    expect(map.type === 'strategyMap' && map.strategies.map((strategy) => strategy.id)).toContain(CONTOSO_IDS.strategies.onTime);
    expect(JSON.stringify(module.questions)).not.toContain('explanation');
  });

  it('saves progress per section, answers with feedback, completes only when everything is done', async () => {
    const opened = await kit.api.request('POST', path('/opened'), { token: farid, json: { via: 'notification' } });
    expect(progressSchema.parse(opened.body).openedFromNotificationAt).not.toBeNull();
    const early = await kit.api.request('POST', path('/acknowledge'), { token: farid, json: { acknowledged: true } });
    expect(early.status).toBe(409);
    expect(problemSchema.parse(early.body).errors?.map((error) => error.path)).toEqual(['sections.intro', 'sections.next', 'questions.q1']);

    expect(progressSchema.parse((await kit.api.request('PUT', path('/sections/intro'), { token: farid, json: { done: true } })).body).sectionsDone).toEqual(['intro']);
    expect((await kit.api.request('PUT', path('/sections/nope'), { token: farid, json: { done: true } })).status).toBe(404);
    const badAnswer = await kit.api.request('POST', path('/answers'), { token: farid, json: { questionId: 'q1', selectedOptionIds: ['maybe'] } });
    expect(problemSchema.parse(badAnswer.body).errors).toEqual([{ path: 'selectedOptionIds.0', message: 'Not one of the options' }]);
    const wrong = answerResultSchema.parse((await kit.api.request('POST', path('/answers'), { token: farid, json: { questionId: 'q1', selectedOptionIds: ['yes'] } })).body);
    // The first wrong answer says it is wrong, and nothing more: the right option comes with a correct answer or a second wrong one.
    expect(wrong.answer).toMatchObject({ correct: false, firstTryCorrect: false, revealed: false, correctOptionIds: [], explanation: '' });
    const right = answerResultSchema.parse((await kit.api.request('POST', path('/answers'), { token: farid, json: { questionId: 'q1', selectedOptionIds: ['no'] } })).body);
    expect(right.answer).toMatchObject({ correct: true, firstTryCorrect: false, attempts: 2, revealed: true, correctOptionIds: ['no'], explanation: 'It is a commitment we refund.' });

    await kit.api.request('PUT', path('/sections/next'), { token: farid, json: { done: true } });
    const done = await kit.api.request('POST', path('/acknowledge'), { token: farid, json: { acknowledged: true } });
    expect(done.status).toBe(200);
    expect(progressSchema.parse(done.body)).toMatchObject({ status: 'completed', version: 1 });
    const resumed = myModuleSchema.parse((await kit.api.request('GET', path(), { token: farid })).body);
    expect(resumed.progress).toMatchObject({ status: 'completed', sectionsDone: ['intro', 'next'] });
  });

  it('Inês answers right first time; the dashboard shows the cohort’s figures and exports CSV', async () => {
    await kit.api.request('POST', path('/answers'), { token: ines, json: { questionId: 'q1', selectedOptionIds: ['no'] } });
    const response = await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard?moduleId=${moduleId}`, { token: grace });
    expect(response.status).toBe(200);
    const dashboard = dashboardSchema.parse(response.body);
    expect(dashboard).toMatchObject({ assigned: 2, notified: 2, opened: 1, started: 2, completed: 1, overdue: 0, peopleBehind: [] });
    expect(dashboard.questions).toEqual([{ questionId: 'q1', prompt: 'Is a delivery window an estimate?', answered: 2, firstTryCorrect: 1, firstTryCorrectRate: 0.5 }]);

    const csv = await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard/export?moduleId=${moduleId}`, { token: grace });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('New hires,First steps,Farid Haddad');
    expect((await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard?moduleId=${moduleId}`, { token: farid })).status).toBe(403);

    // Daniel leads Customer Success: the same figures, but only Inês (his team) by name; Farid (Platform) is counted.
    const daniel = await kit.api.tokenFor(tenant, p.daniel);
    const his = dashboardSchema.parse((await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard?moduleId=${moduleId}`, { token: daniel })).body);
    expect(his).toMatchObject({ assigned: 2, completed: 1, hiddenPeople: 1 });
    expect(his.people.map((person) => person.displayName)).toEqual(['Inês Duarte']);
    const hisCsv = await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard/export?moduleId=${moduleId}`, { token: daniel });
    expect(hisCsv.text).toContain('Inês Duarte');
    expect(hisCsv.text).not.toContain('Farid');
    expect(JSON.stringify(his)).not.toContain(p.farid);
    expect((await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard`, { token: grace })).status).toBe(400);
  });

  it('re-assigns a new version to those who completed the old one', async () => {
    const edited = await kit.api.request<{ etag: string }>('PUT', `/api/modules/${moduleId}`, { token: grace, headers: { 'if-match': moduleEtag }, json: moduleBody('First steps, v2') });
    const v2 = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${moduleId}/publish`, { token: grace, headers: { 'if-match': edited.body.etag } })).body).version;
    const response = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohortId}/assignments`, {
      token: grace, json: { moduleVersionIds: [v2.id], dueDate: testDayPlus(60), audience: 'completedPreviousVersion' },
    });
    expect(response.body.assignments[0]).toMatchObject({ version: 2, recipientCount: 1 });
    const faridList = myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: farid })).body);
    expect(faridList.assignments.map((entry) => [entry.version, entry.status])).toEqual([[2, 'not_started'], [1, 'completed']]);
    expect(myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: ines })).body).assignments.map((entry) => entry.version)).toEqual([1]);
  });

  it('lists dead-lettered notifications to leaders and retries them', async () => {
    const services = getServices();
    const [entry] = await services.outbox.listForAssignment(tenant, assignment.id);
    await services.outbox.update(entry!, { state: 'dead', lastError: 'Graph 403: Forbidden', deadAt: new Date().toISOString() }, new Date());
    expect((await kit.api.request('GET', '/api/notifications/dead', { token: farid })).status).toBe(403);
    const dead = deadNotificationListSchema.parse((await kit.api.request('GET', '/api/notifications/dead', { token: grace })).body);
    expect(dead.notifications).toEqual([expect.objectContaining({ id: entry!.id, lastError: 'Graph 403: Forbidden', topic: 'First steps' })]);
    const marc = await kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    expect((await kit.api.request('POST', `/api/notifications/dead/${entry!.id}/retry`, { token: marc })).status).toBe(404);
    expect(deadNotificationListSchema.parse((await kit.api.request('GET', '/api/notifications/dead', { token: marc })).body).notifications).toEqual([]);
    const retried = await kit.api.request('POST', `/api/notifications/dead/${entry!.id}/retry`, { token: grace });
    expect(retried.status).toBe(200);
    expect((await kit.api.request('POST', `/api/notifications/dead/${entry!.id}/retry`, { token: grace })).status).toBe(404);
  });
});
