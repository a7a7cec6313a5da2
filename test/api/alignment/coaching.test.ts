import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myCoachingSchema, roundSchema, teamsComparisonSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startAlignmentTestStack, type AlignmentTestStack } from './alignment-test-support.js';

const p = CONTOSO_IDS.people;
const s = CONTOSO_IDS.strategies;
const teams = CONTOSO_IDS.teams;
let kit: AlignmentTestStack;
const t: Record<'daniel' | 'grace' | 'elena' | 'ben' | 'marc', string> = {} as never;

beforeAll(async () => {
  kit = await startAlignmentTestStack();
  Object.assign(t, {
    daniel: await kit.token('daniel'), grace: await kit.token('grace'), elena: await kit.token('elena'), ben: await kit.token('ben'),
    marc: await kit.token([FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc]),
  });
  // Daniel (Customer Success) says his job exists for on-time delivery and proactive tracking; his team's tasks serve tracking and one platform.
  const opened = await kit.api.request('POST', '/api/alignment-rounds', { token: t.grace, json: { leaderIds: [p.daniel, p.grace], closesAt: new Date(kit.clock.now().getTime() + 86_400_000).toISOString() } });
  const round = roundSchema.parse(opened.body);
  await kit.api.request('PUT', `/api/alignment-rounds/${round.id}/answers/me`, { token: t.daniel, json: { text: 'I am paid to keep deliveries on time and customers told early.', strategyIds: [s.onTime, s.proactiveTracking] } });
});
afterAll(async () => kit?.close());

const coaching = async (token: string) => myCoachingSchema.parse((await kit.api.request('GET', '/api/coaching/me', { token })).body);

describe('a leader\'s coaching view', () => {
  it('shows the team\'s figures, the leader\'s own answer, the say-vs-do gap and plain suggestions that link to where to act', async () => {
    const view = await coaching(t.daniel);
    expect(view.latestAnswer).toMatchObject({ status: 'open', text: 'I am paid to keep deliveries on time and customers told early.' });
    const [team] = view.teams;
    expect(team).toMatchObject({ team: { id: teams.customerSuccess, name: 'Customer Success' }, taskCount: 5, linkedTaskCount: 4, pulse: null, moments: { given: 0, received: 0 } });
    expect(team!.sayVsDo!.saidNotServed).toEqual([{ id: s.onTime, title: 'Deliver inside the promised window' }]);
    expect(team!.sayVsDo!.servedNotSaid.map((strategy) => strategy.id)).toEqual([s.onePlatform]);
    expect(team!.suggestions.map((suggestion) => suggestion.text)).toEqual([
      'You said your job exists to advance "Deliver inside the promised window", but none of your team\'s tasks serve it.',
      "1 of your team's 5 tasks serve no strategy.",
      'Nobody on your team has been recognised this quarter.',
      // The demo tenant's "Joined from Fabrikam" cohort: Lucía's three modules.
      "3 of your team's 3 onboarding modules are not completed yet.",
    ]);
    expect(team!.onboarding).toEqual({ assigned: 3, completed: 0 });
    expect(team!.suggestions[0]!.action).toEqual({ area: 'teams', params: { team: teams.customerSuccess } });
  });

  it('counts a moment recognising the team\'s people this quarter, and the suggestion goes', async () => {
    await kit.api.request('POST', '/api/moments', { token: t.ben, json: { text: 'Elena\'s SMS alerts reached the pilot customers first.', recognisedUserIds: [p.elena], tag: { kind: 'value', value: 'Say it plainly' } } });
    const [team] = (await coaching(t.daniel)).teams;
    expect(team!.moments).toMatchObject({ received: 1, given: 0 });
    expect(team!.suggestions.map((suggestion) => suggestion.id)).not.toContain('no-recognition');
  });

  it('is for leaders: an employee gets 403', async () => {
    expect((await kit.api.request('GET', '/api/coaching/me', { token: t.elena })).status).toBe(403);
  });
});

describe('Admins compare leaders\' teams', () => {
  it('at team level only: figures and the leaders\' gap per team, no employee named', async () => {
    const response = await kit.api.request('GET', '/api/coaching/teams', { token: t.grace });
    const comparison = teamsComparisonSchema.parse(response.body);
    expect(comparison.teams.map((team) => team.team.id).sort()).toEqual(Object.values(teams).sort());
    const customerSuccess = comparison.teams.find((team) => team.team.id === teams.customerSuccess)!;
    expect(customerSuccess.leaders).toEqual([{ id: p.daniel, displayName: 'Daniel Okafor' }]);
    expect(customerSuccess.sayVsDoGap).toEqual([{ id: s.onTime, title: 'Deliver inside the promised window' }]);
    expect(comparison.teams.find((team) => team.team.id === teams.platform)!.sayVsDoGap).toBeNull();
    for (const employee of ['Ben Carter', 'Elena Petrova', 'Chiara Rossi', 'Farid Haddad']) expect(response.text).not.toContain(employee);
  });

  it('leaders and employees get 403; another tenant\'s Admin sees only their own teams', async () => {
    expect((await kit.api.request('GET', '/api/coaching/teams', { token: t.daniel })).status).toBe(403);
    expect((await kit.api.request('GET', '/api/coaching/teams', { token: t.ben })).status).toBe(403);
    const fabrikam = await kit.api.request('GET', '/api/coaching/teams', { token: t.marc });
    expect(fabrikam.status).toBe(200);
    for (const id of Object.values(teams)) expect(fabrikam.text).not.toContain(id);
  });
});
