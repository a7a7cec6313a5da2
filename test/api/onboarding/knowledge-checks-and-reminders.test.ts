/**
 * Issue 13 over real HTTP (local stack, embedded Cosmos, fake Graph, real drain):
 * - knowledge checks: a wrong answer says it is wrong and why, and the API never sends the right
 *   option (or the question's explanation) before a correct answer or the second wrong try;
 * - "remind the people behind": through the outbox, at most one reminder a person a day (shared with
 *   the timer's reminders), idempotent, Leaders only, bad input and other tenants' ids write nothing.
 * The API clock is the test's (adjustable) clock: "four days later" is the clock moved, no real date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import {
  answerResultSchema,
  dashboardSchema,
  myModuleSchema,
  myOnboardingSchema,
  problemSchema,
  publishResultSchema,
  remindPeopleBehindResultSchema,
  type Assignment,
  type ModuleContentInput,
} from '../../../api/src/shared/contracts.js';
import { adjustableClockFrom, testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const clock = adjustableClockFrom();
const DAY = 86_400_000;
let kit: OnboardingTestStack;
let grace: string;

const SECRET = 'Because we refund every missed window.';
const RIGHT_WHY = 'A window is a promise.';

function checkedModule(title: string): ModuleContentInput {
  return {
    title,
    estimatedMinutes: 5,
    sections: [{ id: 'one', title: 'One', blocks: [{ type: 'paragraph', text: 'We keep the promise.' }] }],
    questions: [
      {
        id: 'q1',
        prompt: 'What is a delivery window?',
        kind: 'single',
        options: [
          { id: 'promise', text: 'A commitment', explanation: RIGHT_WHY },
          { id: 'estimate', text: 'An estimate', explanation: 'An estimate may slip; customers plan their lines around our window.' },
          { id: 'guess', text: 'A guess' },
        ],
        correctOptionIds: ['promise'],
        explanation: SECRET,
        hint: 'Think about what we do when we miss one.',
      },
      { id: 'q2', prompt: 'Who owns a stuck pallet?', kind: 'single', options: [{ id: 'us', text: 'We do' }, { id: 'them', text: 'Whoever touched it last' }], correctOptionIds: ['us'], explanation: 'Own the whole journey.' },
    ],
    acknowledgement: 'I understand.',
  };
}

async function assigned(title: string, memberIds: string[], dueDate: string, content: ModuleContentInput = checkedModule(title)) {
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: content });
  const published = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } })).body);
  const cohort = await kit.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: title, memberIds } });
  const assignment = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohort.body.id}/assignments`, { token: grace, json: { moduleVersionIds: [published.version.id], dueDate } });
  expect(assignment.status).toBe(201);
  await getServices().notifications.settled(tenant);
  return { moduleId: created.body.id, cohortId: cohort.body.id, assignmentId: assignment.body.assignments[0]!.id };
}

beforeAll(async () => {
  kit = await startOnboardingTestStack({ now: clock.now });
  grace = await kit.api.tokenFor(tenant, p.grace);
});
afterAll(async () => kit?.close());

describe('knowledge checks', () => {
  it('says a wrong answer is wrong and why, without the right option until a right answer or the second wrong try', async () => {
    const { assignmentId } = await assigned('Checks', [p.hugo], testDayPlus(10));
    const hugo = await kit.api.tokenFor(tenant, p.hugo);
    const path = (suffix = '') => `/api/me/onboarding/${assignmentId}${suffix}`;
    const leaks = (raw: string) => [SECRET, RIGHT_WHY, 'correctOptionIds":["promise'].filter((secret) => raw.includes(secret));

    const opened = await kit.api.request('GET', path(), { token: hugo });
    expect(leaks(opened.text)).toEqual([]);
    expect(opened.text).not.toContain('An estimate may slip');
    expect(myModuleSchema.parse(opened.body).questions[0]!.options).toEqual([
      { id: 'promise', text: 'A commitment' }, { id: 'estimate', text: 'An estimate' }, { id: 'guess', text: 'A guess' },
    ]);

    const first = await kit.api.request('POST', path('/answers'), { token: hugo, json: { questionId: 'q1', selectedOptionIds: ['estimate'] } });
    expect(leaks(first.text)).toEqual([]);
    expect(answerResultSchema.parse(first.body).answer).toEqual({
      questionId: 'q1', selectedOptionIds: ['estimate'], correct: false, firstTryCorrect: false, attempts: 1, revealed: false, correctOptionIds: [], explanation: '',
      feedback: ['An estimate may slip; customers plan their lines around our window.', 'Think about what we do when we miss one.'],
    });
    // Reloading the module (another device) shows the same: still nothing of the right answer.
    const reloaded = await kit.api.request('GET', path(), { token: hugo });
    expect(leaks(reloaded.text)).toEqual([]);
    expect(myModuleSchema.parse(reloaded.body).progress.answers[0]).toMatchObject({ revealed: false, correctOptionIds: [] });

    const second = answerResultSchema.parse((await kit.api.request('POST', path('/answers'), { token: hugo, json: { questionId: 'q1', selectedOptionIds: ['guess'] } })).body);
    expect(second.answer).toMatchObject({ correct: false, attempts: 2, revealed: true, correctOptionIds: ['promise'], explanation: SECRET, feedback: [] });

    const right = answerResultSchema.parse((await kit.api.request('POST', path('/answers'), { token: hugo, json: { questionId: 'q2', selectedOptionIds: ['us'] } })).body);
    expect(right.answer).toMatchObject({ correct: true, firstTryCorrect: true, attempts: 1, revealed: true, correctOptionIds: ['us'], explanation: 'Own the whole journey.' });

    // Bad input and another tenant's caller: problem+json (or 404), and nothing written.
    const before = await kit.fingerprint(tenant);
    const empty = await kit.api.request('POST', path('/answers'), { token: hugo, json: { questionId: 'q2', selectedOptionIds: [] } });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(empty.body).errors?.map((error) => error.path)).toEqual(['selectedOptionIds']);
    const sofia = await kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.sofia);
    expect((await kit.api.request('POST', path('/answers'), { token: sofia, json: { questionId: 'q2', selectedOptionIds: ['us'] } })).status).toBe(404);
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });

  it('refuses an option explanation or hint over its limit when authoring, writing nothing', async () => {
    const before = await kit.fingerprint(tenant);
    const content = checkedModule('Too long');
    content.questions![0]!.options[0]!.explanation = 'x'.repeat(1001);
    content.questions![0]!.hint = 'y'.repeat(1001);
    const response = await kit.api.request('POST', '/api/modules', { token: grace, json: content });
    expect(response.status).toBe(400);
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['questions.0.options.0.explanation', 'questions.0.hint']),
    );
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });
});

describe('one module version, two cohorts', () => {
  it('lists it once for the learner; her progress counts in both cohorts’ dashboards, and reminders skip her there too', async () => {
    const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: checkedModule('Two cohorts') });
    const published = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } })).body);
    const cohortA = (await kit.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'Two cohorts A', memberIds: [p.nadia] } })).body.id;
    const cohortB = (await kit.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: 'Two cohorts B', memberIds: [p.nadia, p.lucia] } })).body.id;
    for (const cohortId of [cohortA, cohortB]) {
      expect((await kit.api.request('POST', `/api/cohorts/${cohortId}/assignments`, { token: grace, json: { moduleVersionIds: [published.version.id], dueDate: testDayPlus(20) } })).status).toBe(201);
    }
    await getServices().notifications.settled(tenant);
    const nadia = await kit.api.tokenFor(tenant, p.nadia);
    const mine = myOnboardingSchema.parse((await kit.api.request('GET', '/api/me/onboarding', { token: nadia })).body).assignments.filter((entry) => entry.moduleId === created.body.id);
    expect(mine).toHaveLength(1);
    const path = (suffix: string) => `/api/me/onboarding/${mine[0]!.assignmentId}${suffix}`;
    await kit.api.request('PUT', path('/sections/one'), { token: nadia, json: { done: true } });
    await kit.api.request('POST', path('/answers'), { token: nadia, json: { questionId: 'q1', selectedOptionIds: ['promise'] } });
    await kit.api.request('POST', path('/answers'), { token: nadia, json: { questionId: 'q2', selectedOptionIds: ['us'] } });
    expect((await kit.api.request('POST', path('/acknowledge'), { token: nadia, json: { acknowledged: true } })).status).toBe(200);

    for (const [cohortId, assigned] of [[cohortA, 1], [cohortB, 2]] as const) {
      const dashboard = dashboardSchema.parse((await kit.api.request('GET', `/api/cohorts/${cohortId}/dashboard?moduleId=${created.body.id}`, { token: grace })).body);
      expect(dashboard).toMatchObject({ assigned, completed: 1, notified: assigned });
      expect(dashboard.people.find((person) => person.userId === p.nadia)).toMatchObject({ status: 'completed' });
    }
    const reminded = await kit.api.request('POST', `/api/cohorts/${cohortB}/remind`, { token: grace, json: { moduleId: created.body.id } });
    expect(remindPeopleBehindResultSchema.parse(reminded.body)).toEqual({ behind: 1, reminded: 1, alreadyRemindedToday: 0 });
  });
});

describe('remind the people behind', () => {
  const reminders = (userId: string) => kit.graph.feed(tenant).filter((entry) => entry.userId === userId && entry.activityType === 'moduleReminder');

  it('reminds those behind through the outbox, once a day each (shared with the daily reminders), and says how many', async () => {
    // Due in three days: today is also a reminder day for the timer (three days before).
    const { moduleId, cohortId, assignmentId } = await assigned('Behind', [p.chiara, p.elena, p.farid], testDayPlus(3));
    const remind = (token = grace, body: unknown = { moduleId }) => kit.api.request('POST', `/api/cohorts/${cohortId}/remind`, { token, json: body });
    const farid = await kit.api.tokenFor(tenant, p.farid);
    const elena = await kit.api.tokenFor(tenant, p.elena);
    // Farid completes; Elena starts (not behind until it is overdue); Chiara has not started.
    const learner = (suffix: string) => `/api/me/onboarding/${assignmentId}${suffix}`;
    await kit.api.request('PUT', learner('/sections/one'), { token: farid, json: { done: true } });
    await kit.api.request('POST', learner('/answers'), { token: farid, json: { questionId: 'q1', selectedOptionIds: ['promise'] } });
    await kit.api.request('POST', learner('/answers'), { token: farid, json: { questionId: 'q2', selectedOptionIds: ['us'] } });
    expect((await kit.api.request('POST', learner('/acknowledge'), { token: farid, json: { acknowledged: true } })).status).toBe(200);
    await kit.api.request('PUT', learner('/sections/one'), { token: elena, json: { done: true } });

    const first = await remind();
    expect(first.status).toBe(200);
    expect(remindPeopleBehindResultSchema.parse(first.body)).toEqual({ behind: 1, reminded: 1, alreadyRemindedToday: 0 });
    const again = await remind();
    expect(remindPeopleBehindResultSchema.parse(again.body)).toEqual({ behind: 1, reminded: 0, alreadyRemindedToday: 1 });
    // The timer's reminders the same day: Elena gets hers, Chiara no second one, Farid (completed) none.
    await getServices().notifications.drainAll({ maxRunMs: 50_000 });
    await getServices().notifications.settled(tenant);
    expect([reminders(p.chiara).length, reminders(p.elena).length, reminders(p.farid).length]).toEqual([1, 1, 0]);
    expect(reminders(p.chiara)[0]!.webUrl).toContain(encodeURIComponent(assignmentId));

    // Four days later it is overdue: Elena is behind too, and each gets that day's one reminder.
    clock.advance(4 * DAY);
    expect(remindPeopleBehindResultSchema.parse((await remind()).body)).toEqual({ behind: 2, reminded: 2, alreadyRemindedToday: 0 });
    expect(remindPeopleBehindResultSchema.parse((await remind()).body)).toEqual({ behind: 2, reminded: 0, alreadyRemindedToday: 2 });
    await getServices().notifications.settled(tenant);
    const outbox = (await kit.documents<{ kind: string; recipientUserId: string; assignmentId: string }>(tenant, 'outbox')).filter(
      (entry) => entry.kind === 'reminder' && entry.assignmentId === assignmentId,
    );
    expect(outbox.map((entry) => entry.recipientUserId).sort()).toEqual([p.chiara, p.chiara, p.elena, p.elena].sort());
  });

  it('is for Leaders only; bad input is problem+json; other tenants’ and unknown ids are 404; none of them writes', async () => {
    const { moduleId, cohortId } = await assigned('Refusals', [p.ines], testDayPlus(20));
    const before = await kit.fingerprint(tenant);
    const remind = (token: string, body: unknown, id = cohortId) => kit.api.request('POST', `/api/cohorts/${id}/remind`, { token, json: body });
    expect((await remind(await kit.api.tokenFor(tenant, p.ines), { moduleId })).status).toBe(403);
    for (const bad of [{}, { moduleId: '' }, { moduleId, extra: true }, { moduleId: 'x'.repeat(200) }]) {
      const response = await remind(grace, bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).errors?.length).toBeGreaterThan(0);
    }
    expect((await remind(grace, { moduleId: 'no-such-module' })).status).toBe(404);
    expect((await remind(grace, { moduleId }, 'no-such-cohort')).status).toBe(404);
    const marc = await kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    expect((await remind(marc, { moduleId })).status).toBe(404);
    expect(await kit.fingerprint(tenant)).toEqual(before);
  });
});
