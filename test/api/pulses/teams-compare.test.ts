/**
 * Teams compared over real HTTP: leaders only; alignment, pulse (threshold respected), onboarding and
 * the mission-moments hook side by side; highlights name teams, never people; the CSV holds aggregates
 * only; the industry benchmark needs 5 other companies and opting out removes the contribution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkPartition } from '../../../api/src/data/pulse-benchmark.js';
import { SEED_TENANTS } from '../../../api/src/local/seed.js';
import { myCoachingSchema } from '../../../api/src/shared/coaching-contracts.js';
import { teamComparisonSchema, type TeamComparison } from '../../../api/src/shared/pulse-contracts.js';
import { adjustableClockFrom } from '../../support/clock.js';
import { CONTOSO_IDS, startPulseTestStack, TENANT, type PulseTestStack } from './pulse-test-support.js';

const clock = adjustableClockFrom();
let stack: PulseTestStack;
const { teams } = CONTOSO_IDS;
const peopleNames = SEED_TENANTS.find((tenant) => tenant.id === TENANT)!.people.map((person) => person.displayName);

beforeAll(async () => {
  stack = await startPulseTestStack(clock);
});
afterAll(async () => stack?.close());

const compare = async (person: 'aisha' | 'ben' = 'aisha') => stack.kit.api.request<TeamComparison>('GET', '/api/teams/compare', { token: await stack.token(person) });
const byTeam = (comparison: TeamComparison) => Object.fromEntries(comparison.teams.map((team) => [team.teamId, team]));

describe('teams compared', () => {
  it('is for leaders: an employee gets 403', async () => {
    expect((await compare('ben')).status).toBe(403);
    expect((await stack.kit.api.request('GET', '/api/teams/compare/export', { token: await stack.token('ben') })).status).toBe(403);
  });

  it('shows alignment and onboarding per team, and the latest pulse only where the threshold allows', async () => {
    const before = teamComparisonSchema.parse((await compare()).body);
    expect(before.latestPulse).toBeNull();
    expect(before.teams.every((team) => team.values.pulse === null)).toBe(true);
    expect(byTeam(before)[teams.operations]!.values.alignment).toBeGreaterThan(0);

    const pulse = await stack.open('grace');
    for (const person of ['aisha', 'ben', 'chiara', 'jonas', 'nadia', 'daniel', 'elena', 'ines', 'farid', 'grace'] as const) {
      expect(await stack.answer(person, pulse, person === 'elena' ? 1 : 5)).toBe(201);
    }
    await stack.kit.api.request('POST', `/api/pulses/${pulse.id}/close`, { token: await stack.token('grace') });
    const after = teamComparisonSchema.parse((await compare()).body);
    expect(after.latestPulse?.id).toBe(pulse.id);
    const rows = byTeam(after);
    // Operations 5 answered: shown. Customer Success 3 and Platform 2: below k = 5, hidden.
    expect(rows[teams.operations]!.values.pulse).toBe(1);
    expect(rows[teams.customerSuccess]!.values.pulse).toBeNull();
    expect(rows[teams.platform]!.values.pulse).toBeNull();
    expect(after.organisation.pulse).toBeCloseTo(0.9, 3);
    expect(after.highlights.length).toBeGreaterThan(0);
    expect(after.highlights[0]!.standsOutOn.length).toBeGreaterThan(0);
    const text = JSON.stringify(after);
    for (const name of peopleNames) expect(text).not.toContain(name);

    // A leader's coaching view shows their team's pulse exactly as the results do: Operations shown, Customer Success hidden.
    const coaching = async (person: 'aisha' | 'daniel') => myCoachingSchema.parse((await stack.kit.api.request('GET', '/api/coaching/me', { token: await stack.token(person) })).body);
    expect((await coaching('aisha')).teams[0]!.pulse).toEqual({ responses: 5, threshold: 5, score: 100 });
    expect((await coaching('daniel')).teams[0]!.pulse).toEqual({ responses: null, threshold: 5, score: null });
  });

  it('counts the mission moments each team received this quarter', async () => {
    const posted = await stack.kit.api.request('POST', '/api/moments', {
      token: await stack.token('aisha'),
      json: { text: 'Ben re-planned the Porto run before the customer asked.', recognisedUserIds: [CONTOSO_IDS.people.ben], tag: { kind: 'value', value: 'Keep the promise' } },
    });
    expect(posted.status).toBe(201);
    const rows = byTeam(teamComparisonSchema.parse((await compare()).body));
    expect(rows[teams.operations]!.values.missionMoments).toBe(1);
    expect(rows[teams.customerSuccess]!.values.missionMoments).toBe(0);
  });

  it('exports the aggregates as CSV: one row per team and the organisation, no person, no response', async () => {
    const response = await stack.kit.api.request('GET', '/api/teams/compare/export', { token: await stack.token('aisha') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = response.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 3 + 1);
    expect(lines[0]).toContain('Agreeing in the latest pulse (%)');
    for (const name of peopleNames) expect(response.text).not.toContain(name);
    expect(lines.find((line) => line.startsWith('Customer Success'))).toContain('hidden or none');
  });

  it('shows the industry benchmark only with 5 other companies, names none, and opting out removes the contribution', async () => {
    const grace = await stack.token('grace');
    expect((await stack.kit.api.request('PUT', '/api/settings/benchmark', { token: await stack.token('aisha'), json: { industry: 'logistics', optIn: true } })).status).toBe(403);
    expect((await stack.kit.api.request('PUT', '/api/settings/benchmark', { token: grace, json: { industry: 'nowhere', optIn: true } })).status).toBe(400);
    const container = stack.store.container('pulses');
    const partition = benchmarkPartition('logistics');
    for (const [index, agreeShare] of [0.5, 0.6, 0.7, 0.8].entries()) await container.items.upsert({ id: `bc-other-${index}`, tenantId: partition, type: 'benchmarkContribution', agreeShare });

    expect((await stack.kit.api.request('PUT', '/api/settings/benchmark', { token: grace, json: { industry: 'logistics', optIn: true } })).status).toBe(200);
    const contributions = async () => (await stack.store.list('pulses', partition as string)).filter((doc) => doc.type === 'benchmarkContribution');
    const mine = (await contributions()).filter((doc) => !String(doc.id).startsWith('bc-other-'));
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]!).filter((key) => !key.startsWith('_')).sort()).toEqual(['agreeShare', 'id', 'tenantId', 'type']);
    expect(JSON.stringify(mine[0])).not.toContain(TENANT);
    // Four others: not enough.
    expect(teamComparisonSchema.parse((await compare()).body).benchmark).toBeNull();

    await container.items.upsert({ id: 'bc-other-4', tenantId: partition, type: 'benchmarkContribution', agreeShare: 0.9 });
    const shown = teamComparisonSchema.parse((await compare()).body).benchmark;
    expect(shown).toMatchObject({ industry: 'logistics', companies: 5, median: 0.7, lowerQuartile: 0.6, upperQuartile: 0.8 });
    expect(shown!.yours).toBeCloseTo(0.9, 2);

    expect((await stack.kit.api.request('PUT', '/api/settings/benchmark', { token: grace, json: { industry: 'logistics', optIn: false } })).status).toBe(200);
    expect((await contributions()).map((doc) => doc.id).sort()).toEqual(['bc-other-0', 'bc-other-1', 'bc-other-2', 'bc-other-3', 'bc-other-4']);
    expect(teamComparisonSchema.parse((await compare()).body).benchmark).toBeNull();
  });
});
