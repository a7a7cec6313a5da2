/**
 * Bounded onboarding reads over real HTTP: a cohort's people come a page at a time (searchable),
 * the cohort list and the dead letters are paged with a total, and bad paging is a 400 at its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDocumentFor } from '../../../api/src/notifications/outbox.js';
import { assignedContent, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { getServices } from '../../../api/src/services.js';
import { cohortListSchema, cohortSchema, deadNotificationListSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
let kit: OnboardingTestStack;
let grace: string;

beforeAll(async () => {
  kit = await startOnboardingTestStack();
  grace = await kit.api.tokenFor(tenant, CONTOSO_IDS.people.grace);
});
afterAll(async () => kit?.close());

const get = (path: string) => kit.api.request('GET', path, { token: grace });

describe('paged onboarding reads', () => {
  it('answers a cohort\'s people a page at a time, by name, with a total and a search', async () => {
    const people = await kit.addPeople(tenant, 'paged', 130);
    const created = await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name: 'Paged cohort', memberIds: people } });
    const cohort = cohortSchema.parse(created.body);
    expect(cohort.members).toHaveLength(50);
    expect(cohort.memberPage).toEqual({ offset: 0, limit: 50, total: 130, search: '' });

    const last = cohortSchema.parse((await get(`/api/cohorts/${cohort.id}?offset=100&limit=50`)).body);
    expect(last.members.map((member) => member.userId)).toEqual(people.slice(100));
    expect(last.memberCount).toBe(130);
    const found = cohortSchema.parse((await get(`/api/cohorts/${cohort.id}?search=PAGED-12`)).body);
    expect(found.members.map((member) => member.userId)).toEqual(people.slice(120, 130));
    expect(found.memberPage).toMatchObject({ total: 10, search: 'PAGED-12' });

    const bad = await get(`/api/cohorts/${cohort.id}?limit=500&offset=-1`);
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path).sort()).toEqual(['limit', 'offset']);
    // Adding people answers the first page too.
    const added = await kit.api.request('POST', `/api/cohorts/${cohort.id}/members`, { token: grace, json: { userIds: [CONTOSO_IDS.people.farid] } });
    expect(cohortSchema.parse(added.body)).toMatchObject({ memberCount: 131, memberPage: { total: 131, offset: 0, limit: 50 } });
  });

  it('pages the cohort list with a total, counting each cohort\'s assignments', async () => {
    const names = ['List A', 'List B', 'List C'];
    for (const name of names) await kit.api.request('POST', '/api/cohorts', { token: grace, json: { name } });
    const all = cohortListSchema.parse((await get('/api/cohorts')).body);
    expect(all).toMatchObject({ offset: 0, limit: 100 });
    expect(all.total).toBe(all.cohorts.length);
    expect(all.cohorts.find((cohort) => cohort.name === 'Joined from Fabrikam')).toMatchObject({ memberCount: 4, assignmentCount: 3 });
    const index = all.cohorts.findIndex((cohort) => cohort.name === 'List B');
    const page = cohortListSchema.parse((await get(`/api/cohorts?offset=${index}&limit=2`)).body);
    expect(page.cohorts.map((cohort) => cohort.name)).toEqual(['List B', 'List C']);
    expect(page.total).toBe(all.total);
    const marc = await kit.api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    expect(cohortListSchema.parse((await kit.api.request('GET', '/api/cohorts', { token: marc })).body)).toMatchObject({ cohorts: [], total: 0 });
  });

  it('pages the dead letters, newest first, with a total', async () => {
    const services = getServices();
    const at = (minutes: number) => new Date(services.now().getTime() + minutes * 60_000).toISOString();
    const dead = [1, 2, 3].map((n) => ({
      ...outboxDocumentFor(tenant, {
        recipientUserId: CONTOSO_IDS.people.farid, kind: 'assigned', assignmentId: `paged-dead-${n}`, idempotencyKey: `paged-dead-${n}`, chainKey: `paged-dead-${n}`,
        content: assignedContent(`Dead ${n}`, testDayPlus(10), moduleDeepLink('app', `paged-dead-${n}`)),
      }, services.now()),
      state: 'dead' as const, attempts: 6, lastError: 'Graph answered 503', deadAt: at(n),
    }));
    await services.outbox.createMany(tenant, dead);
    const first = deadNotificationListSchema.parse((await get('/api/notifications/dead?limit=2')).body);
    expect(first).toMatchObject({ offset: 0, limit: 2, total: 3 });
    expect(first.notifications.map((entry) => entry.topic)).toEqual(['Dead 3', 'Dead 2']);
    expect(first.notifications[0]).toMatchObject({ recipientName: 'Farid Haddad' });
    const rest = deadNotificationListSchema.parse((await get('/api/notifications/dead?offset=2&limit=2')).body);
    expect(rest.notifications.map((entry) => entry.topic)).toEqual(['Dead 1']);
  });
});
