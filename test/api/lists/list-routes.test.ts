/**
 * The other searchable lists of issue 13 over the seeded tenants: cohorts (keyset page by name), a
 * cohort dashboard's named people (paged, names only as name visibility allows), and Microsoft 365
 * groups searched by name through the fake Graph — with bad parameters as problem+json.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONBOARDING_IDS } from '../../../api/src/local/seed-onboarding.js';
import { cohortSearchPageSchema, dashboardSchema, groupSearchSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const { tenant, people } = CONTOSO_IDS;
let api: ApiTestStack;
let grace: string;
let aisha: string;
let ben: string;
let marc: string;

beforeAll(async () => {
  api = await startApiTestStack({ fakeM365: true });
  [grace, aisha, ben, marc] = await Promise.all([
    api.tokenFor(tenant, people.grace),
    api.tokenFor(tenant, people.aisha),
    api.tokenFor(tenant, people.ben),
    api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc),
  ]);
});
afterAll(async () => {
  await api?.close();
});

const dashboardPath = `/api/cohorts/${ONBOARDING_IDS.cohorts.joinedFromFabrikam}/dashboard?moduleId=${ONBOARDING_IDS.modules.mission}`;

describe('searchable lists beyond people', () => {
  it('cohorts: searched by name and paged by cursor; another tenant sees none of them', async () => {
    const found = cohortSearchPageSchema.parse((await api.request('GET', '/api/cohorts?q=FABRIKAM', { token: aisha })).body);
    expect(found.cohorts.map((cohort) => cohort.id)).toEqual([ONBOARDING_IDS.cohorts.joinedFromFabrikam]);
    expect(found.nextCursor).toBeNull();
    const foreign = cohortSearchPageSchema.parse((await api.request('GET', '/api/cohorts?q=fabrikam', { token: marc })).body);
    expect(foreign.cohorts).toEqual([]);
    const bad = await api.request('GET', '/api/cohorts?q=x&limit=500', { token: aisha });
    expect(bad.status).toBe(400);
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path)).toEqual(['limit']);
  });

  it('a dashboard pages its named people one at a time without repeats, and searches them; the figures still count everyone', async () => {
    const whole = dashboardSchema.parse((await api.request('GET', dashboardPath, { token: grace })).body);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = dashboardSchema.parse((await api.request('GET', `${dashboardPath}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: grace })).body);
      expect(page.assigned).toBe(whole.assigned);
      expect(page.people.length).toBeLessThanOrEqual(1);
      seen.push(...page.people.map((person) => person.userId));
      cursor = page.nextCursor ?? null;
    }
    expect(seen).toHaveLength(whole.people.length);
    expect(new Set(seen)).toEqual(new Set(whole.people.map((person) => person.userId)));
    const searched = dashboardSchema.parse((await api.request('GET', `${dashboardPath}&q=nadia`, { token: grace })).body);
    expect(searched.people.map((person) => person.userId)).toEqual([people.nadia]);

    // Aisha leads Operations: only her team's people are named to her, however she pages.
    const asLeader = dashboardSchema.parse((await api.request('GET', `${dashboardPath}&limit=10`, { token: aisha })).body);
    const named = asLeader.people.map((person) => person.userId);
    expect(named).toContain(people.jonas);
    expect(named).not.toContain(people.lucia);
    expect(named).not.toContain(people.marco);
    expect((await api.request('GET', `${dashboardPath}&cursor=%%%`, { token: grace })).status).toBe(400);
    expect((await api.request('GET', `${dashboardPath}&limit=1`, { token: marc })).status).toBe(404);
  });

  it('Microsoft 365 groups are found by name for leaders, not by Object ID; bad parameters are problem+json', async () => {
    const groupId = randomUUID();
    api.stack.fakeM365!.directory.tenant(tenant)!.groups.set(groupId, { displayName: 'Harbour night shift', isTeam: true, members: [] });
    const found = groupSearchSchema.parse((await api.request('GET', '/api/groups?q=harbour', { token: aisha })).body);
    expect(found.groups).toEqual([{ id: groupId, displayName: 'Harbour night shift', isTeam: true }]);
    expect((await api.request('GET', '/api/groups?q=harbour', { token: ben })).status).toBe(403);
    const paged = await api.request('GET', '/api/groups?q=harbour&cursor=abc', { token: aisha });
    expect(paged.status).toBe(400);
    expect(paged.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(paged.body).errors?.map((error) => error.path)).toEqual(['cursor']);
    expect((await api.request('GET', `/api/groups?q=${'y'.repeat(81)}`, { token: aisha })).status).toBe(400);
  });
});
