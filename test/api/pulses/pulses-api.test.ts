/**
 * Mission pulses over real HTTP: who may open, answer and read what; the anonymity of what is
 * stored (read straight from the pulses container); double answers; the threshold locked at open;
 * closing destroys the secret and leaves only tallies. Each test opens its own pulse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import type { Pulse } from '../../../api/src/shared/pulse-contracts.js';
import { adjustableClockFrom } from '../../support/clock.js';
import { CONTOSO_IDS, FABRIKAM_IDS, pulseBody, startPulseTestStack, TENANT, type PulseTestStack } from './pulse-test-support.js';

const clock = adjustableClockFrom();
let stack: PulseTestStack;

beforeAll(async () => {
  stack = await startPulseTestStack(clock);
});
afterAll(async () => stack?.close());

const api = () => stack.kit.api;
const setThreshold = async (minimumGroupSize: number) =>
  api().request('PUT', '/api/settings/anonymity', { token: await stack.token('grace'), json: { minimumGroupSize } });

describe('setting up', () => {
  it('lets only an Admin set the threshold, 3..25; bad input is problem+json and writes nothing', async () => {
    expect((await api().request('PUT', '/api/settings/anonymity', { token: await stack.token('aisha'), json: { minimumGroupSize: 5 } })).status).toBe(403);
    const before = await stack.store.fingerprint('pulses', TENANT);
    for (const body of [{ minimumGroupSize: 2 }, { minimumGroupSize: 26 }, { minimumGroupSize: 5.5 }, { minimumGroupSize: 5, extra: 1 }]) {
      const response = await api().request('PUT', '/api/settings/anonymity', { token: await stack.token('grace'), json: body });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).code).toBe('validation_failed');
    }
    expect(await stack.store.fingerprint('pulses', TENANT)).toEqual(before);
    expect((await setThreshold(5)).status).toBe(200);
  });

  it('lets Leaders and Admins open pulses, not employees; bad pulses are refused and write nothing', async () => {
    expect((await api().request('POST', '/api/pulses', { token: await stack.token('ben'), json: pulseBody(clock) })).status).toBe(403);
    const before = await stack.store.fingerprint('pulses', TENANT);
    const bad = [
      pulseBody(clock, { statements: [{ text: 'Only one' }, { text: 'Two' }] }),
      pulseBody(clock, { closesAt: new Date(clock.now().getTime() - 1000).toISOString() }),
      pulseBody(clock, { audience: { teamIds: ['no-such-team'] } }),
      pulseBody(clock, { title: '' }),
    ];
    for (const body of bad) {
      const response = await api().request('POST', '/api/pulses', { token: await stack.token('aisha'), json: body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await stack.store.fingerprint('pulses', TENANT)).toEqual(before);
  });

  it('locks the threshold into a pulse when it opens: a later change applies only to later pulses', async () => {
    await setThreshold(5);
    const first = await stack.open('aisha');
    expect(first.threshold).toBe(5);
    expect(first.statements.map((statement) => statement.id)).toEqual(['s1', 's2', 's3']);
    expect((await setThreshold(7)).status).toBe(200);
    const second = await stack.open('aisha');
    expect(second.threshold).toBe(7);
    expect((await stack.results('aisha', first.id)).body.threshold).toBe(5);
    expect((await stack.store.list('pulses', TENANT, 'pulse')).find((doc) => doc.id === first.id)?.threshold).toBe(5);
    await setThreshold(5);
  });
});

describe('answering', () => {
  let pulse: Pulse;
  beforeAll(async () => {
    pulse = await stack.open('grace');
  });

  it('stores a response with no person id, name or time of its own, and refuses a second answer with 409', async () => {
    expect(await stack.answer('ben', pulse, 5, 'Proud of the on-time work')).toBe(201);
    expect(await stack.answer('ben', pulse, 1)).toBe(409);
    const documents = await stack.store.list('pulses', TENANT);
    const responses = documents.filter((doc) => doc.type === 'pulseResponse' && doc.pulseId === pulse.id);
    expect(responses).toHaveLength(1);
    const ben = { id: CONTOSO_IDS.people.ben, name: 'Ben Carter' };
    for (const doc of documents.filter((d) => d.pulseId === pulse.id)) {
      const fields = Object.keys(doc).filter((key) => !key.startsWith('_'));
      expect(fields.every((key) => ['id', 'tenantId', 'type', 'pulseId', 'teamId', 'values', 'comment', 'wrapped'].includes(key)), fields.join()).toBe(true);
      const text = JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))));
      expect(text).not.toContain(ben.id);
      expect(text).not.toContain(ben.name);
      expect(text).not.toContain('ben.carter');
      // No time of the answer: nothing that looks like an ISO date-time.
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    expect(responses[0]).toMatchObject({ teamId: CONTOSO_IDS.teams.operations, values: [5, 5, 5], comment: 'Proud of the on-time work' });
    // The wrapped secret is in a document of its own, not in clear.
    const secret = documents.find((doc) => doc.type === 'pulseSecret' && doc.pulseId === pulse.id);
    expect(String(secret?.wrapped)).toMatch(/^local:/);
  });

  it('keeps no idempotency record for an answer, even when the client sends Idempotency-Key', async () => {
    const token = await stack.token('chiara');
    const response = await api().request('POST', `/api/pulses/${pulse.id}/responses`, {
      token,
      headers: { 'idempotency-key': 'answer-1' },
      json: { answers: pulse.statements.map((statement) => ({ statementId: statement.id, value: 3 })) },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ recorded: true });
    const records = await stack.store.list('idempotency', TENANT);
    expect(records.filter((record) => record.userId === CONTOSO_IDS.people.chiara)).toEqual([]);
  });

  it('tells me which open pulses I answered (from the marker)', async () => {
    const mine = async (person: 'ben' | 'nadia') =>
      (await api().request<{ pulses: (Pulse & { answered: boolean })[] }>('GET', '/api/me/pulses', { token: await stack.token(person) })).body.pulses.find((p) => p.id === pulse.id);
    expect((await mine('ben'))?.answered).toBe(true);
    expect((await mine('nadia'))?.answered).toBe(false);
  });

  it('refuses bad answers with problem+json and writes nothing', async () => {
    const before = await stack.store.fingerprint('pulses', TENANT);
    const token = await stack.token('jonas');
    for (const json of [
      { answers: [{ statementId: 's1', value: 5 }] },
      { answers: pulse.statements.map((statement) => ({ statementId: statement.id, value: 6 })) },
      { answers: [{ statementId: 's1', value: 5 }, { statementId: 's1', value: 5 }, { statementId: 's2', value: 5 }] },
      { answers: pulse.statements.map((statement) => ({ statementId: statement.id, value: 3 })), comment: 'x'.repeat(1001) },
    ]) {
      const response = await api().request('POST', `/api/pulses/${pulse.id}/responses`, { token, json });
      expect(response.status, JSON.stringify(json).slice(0, 80)).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await stack.store.fingerprint('pulses', TENANT)).toEqual(before);
  });

  it('answers 404 to another tenant for this pulse, whatever it asks', async () => {
    const marc = await api().tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc);
    const answers = pulse.statements.map((statement) => ({ statementId: statement.id, value: 3 }));
    expect((await api().request('GET', `/api/pulses/${pulse.id}/results`, { token: marc })).status).toBe(404);
    expect((await api().request('POST', `/api/pulses/${pulse.id}/responses`, { token: marc, json: { answers } })).status).toBe(404);
    // Marc leads in Fabrikam: past the role check, the Contoso pulse does not exist for him.
    expect((await api().request('POST', `/api/pulses/${pulse.id}/close`, { token: marc })).status).toBe(404);
    expect((await stack.store.list('pulses', TENANT, 'pulse')).find((doc) => doc.id === pulse.id)?.status).toBe('open');
  });

  it('keeps a pulse for chosen teams to those teams', async () => {
    const teamPulse = await stack.open('grace', { audience: { teamIds: [CONTOSO_IDS.teams.platform] } });
    expect(await stack.answer('ben', teamPulse)).toBe(403);
    expect(await stack.answer('hugo', teamPulse)).toBe(201);
    expect(teamPulse.audienceSize).toBe(4);
  });
});

describe('results', () => {
  it('hide a team below k and the team that would reveal it by subtraction; employees see the organisation only, after close', async () => {
    const pulse = await stack.open('grace');
    // Operations 5, Customer Success 4, Platform 4: both small teams are hidden; their 8 together may be worked out.
    for (const person of ['aisha', 'ben', 'chiara', 'jonas', 'nadia', 'daniel', 'elena', 'ines', 'lucia', 'farid', 'grace', 'hugo', 'marco'] as const) {
      expect(await stack.answer(person, pulse, person === 'elena' ? 1 : 4, `comment from a ${person.length}-letter name`)).toBe(201);
    }
    const live = await stack.results('aisha', pulse.id);
    expect(live.body.answersShown).toBe(false);
    expect(live.body.groups.every((group) => group.statements.every((statement) => statement.agreeShare === null))).toBe(true);
    expect((await stack.results('ben', pulse.id)).status).toBe(403);

    expect((await api().request('POST', `/api/pulses/${pulse.id}/close`, { token: await stack.token('ben') })).status).toBe(403);
    const closed = await api().request<Pulse>('POST', `/api/pulses/${pulse.id}/close`, { token: await stack.token('aisha') });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const leader = (await stack.results('aisha', pulse.id)).body;
    const byId = Object.fromEntries(leader.groups.map((group) => [group.id, group]));
    expect(byId.organisation!.respondents).toBe(13);
    expect(byId.organisation!.statements[0]!.agreeShare).toBeCloseTo(12 / 13, 3);
    expect(byId.organisation!.comments).toHaveLength(13);
    expect(byId[CONTOSO_IDS.teams.operations]!.respondents).toBe(5);
    expect(byId[CONTOSO_IDS.teams.operations]!.statements[0]!.distribution).toEqual([0, 0, 0, 5, 0]);
    expect(byId[CONTOSO_IDS.teams.customerSuccess]!.respondents).toBeNull();
    expect(byId[CONTOSO_IDS.teams.customerSuccess]!.statements[0]).toMatchObject({ agreeShare: null, distribution: null });
    expect(byId[CONTOSO_IDS.teams.platform]!.respondents).toBeNull();

    const employee = await stack.results('ben', pulse.id);
    expect(employee.status).toBe(200);
    expect(employee.body.groups.map((group) => group.kind)).toEqual(['organisation']);
    expect(JSON.stringify(employee.body)).not.toContain(CONTOSO_IDS.teams.operations);
  });

  it('after close: the secret, the markers and the responses are gone; only tallies stay, and nobody can answer', async () => {
    const pulse = await stack.open('grace');
    expect(await stack.answer('farid', pulse, 2)).toBe(201);
    const before = await stack.store.list('pulses', TENANT);
    expect(before.filter((doc) => doc.pulseId === pulse.id).map((doc) => doc.type).sort()).toEqual(['pulseMarker', 'pulseResponse', 'pulseSecret']);
    expect((await api().request('POST', `/api/pulses/${pulse.id}/close`, { token: await stack.token('grace') })).status).toBe(200);
    await getServices().notifications.settled(TENANT);
    const after = await stack.store.list('pulses', TENANT);
    expect(after.filter((doc) => doc.pulseId === pulse.id)).toEqual([]);
    const stored = after.find((doc) => doc.id === pulse.id) as unknown as Record<string, unknown> & { summary: { tallies: { organisation: { respondents: number } } } };
    expect(stored.summary.tallies.organisation.respondents).toBe(1);
    expect(stored.sealedAt).toBeTypeOf('string');
    // The marker can no longer be made: farid is told the pulse is closed, never "already answered".
    const retry = await api().request('POST', `/api/pulses/${pulse.id}/responses`, {
      token: await stack.token('farid'),
      json: { answers: pulse.statements.map((statement) => ({ statementId: statement.id, value: 2 })) },
    });
    expect(retry.status).toBe(409);
    expect(problemSchema.parse(retry.body).code).toBe('pulse_closed');
  });
});
