import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema, roundResultsSchema, roundSchema, type AlignmentRound } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startAlignmentTestStack, type AlignmentTestStack } from './alignment-test-support.js';
import { formatDay } from '../../../api/src/notifications/notification-format.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const s = CONTOSO_IDS.strategies;
const DAY = 86_400_000;
let kit: AlignmentTestStack;
const t: Record<'aisha' | 'daniel' | 'grace' | 'hugo' | 'ben' | 'marc', string> = {} as never;

beforeAll(async () => {
  kit = await startAlignmentTestStack();
  // Hugo leads too (a role granted in the app): the round has three invited leaders and an uninvited Admin.
  await kit.grant('hugo', ['Leader']);
  Object.assign(t, {
    aisha: await kit.token('aisha'), daniel: await kit.token('daniel'), grace: await kit.token('grace'),
    hugo: await kit.token('hugo'), ben: await kit.token('ben'), marc: await kit.token([FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc]),
  });
});
afterAll(async () => kit?.close());

const closesIn = (days: number) => new Date(kit.clock.now().getTime() + days * DAY).toISOString();

async function openRound(creator: string, leaderIds: string[], extra: Record<string, unknown> = {}): Promise<AlignmentRound> {
  const response = await kit.api.request('POST', '/api/alignment-rounds', { token: creator, json: { leaderIds, closesAt: closesIn(3), ...extra } });
  expect(response.status, response.text).toBe(201);
  return roundSchema.parse(response.body);
}

const answer = (token: string, roundId: string, text: string, strategyIds: string[], ifMatch?: string) =>
  kit.api.request('PUT', `/api/alignment-rounds/${roundId}/answers/me`, { token, json: { text, strategyIds }, ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}) });

const SECRET = 'Reliability for manufacturers is the thing I am paid to protect.';

describe('opening a round', () => {
  it('answers 201 open with the default question, and invites each leader once through the outbox (a retried request queues nothing more)', async () => {
    const body = { leaderIds: [p.aisha, p.daniel], closesAt: closesIn(2) };
    const first = await kit.api.request('POST', '/api/alignment-rounds', { token: t.grace, json: body, headers: { 'idempotency-key': 'round-open-once' } });
    const again = await kit.api.request('POST', '/api/alignment-rounds', { token: t.grace, json: body, headers: { 'idempotency-key': 'round-open-once' } });
    expect(first.status).toBe(201);
    const round = roundSchema.parse(first.body);
    expect(round).toMatchObject({ status: 'open', question: 'What do you get paid to do?', answeredCount: 0, canClose: true, canAnswer: false });
    expect(roundSchema.parse(again.body).id).toBe(round.id);
    await expect.poll(() => kit.graph.feed(tenant).filter((entry) => entry.activityType === 'alignmentRoundInvited' && entry.webUrl.includes(round.id)).map((entry) => entry.userId).sort()).toEqual([p.aisha, p.daniel].sort());
    const outbox = (await kit.documents(tenant, 'onboarding')).filter((doc) => doc.type === 'outbox' && doc.assignmentId === round.id);
    expect(outbox).toHaveLength(2);
    expect(decodeURIComponent(String((outbox[0]!.content as { webUrl: string }).webUrl))).toContain(`alignment-round:${round.id}`);
  });

  it('refuses an employee (403) and bad input with problem+json, writing nothing', async () => {
    const queued = async () => (await kit.documents(tenant, 'onboarding')).filter((doc) => doc.type === 'outbox').map((doc) => doc.id).sort();
    const before = await kit.fingerprint(tenant);
    const queuedBefore = await queued();
    const employee = await kit.api.request('POST', '/api/alignment-rounds', { token: t.ben, json: { leaderIds: [p.aisha, p.daniel], closesAt: closesIn(2) } });
    expect(employee.status).toBe(403);
    const bad = await kit.api.request('POST', '/api/alignment-rounds', { token: t.grace, json: { leaderIds: [p.aisha, p.ben, 'nobody-here'], closesAt: closesIn(-1) } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(bad.body).errors?.map((error) => error.path).sort()).toEqual(['closesAt', 'leaderIds.1', 'leaderIds.2']);
    const shape = await kit.api.request('POST', '/api/alignment-rounds', { token: t.grace, json: { leaderIds: [p.aisha], closesAt: 'soon', extra: 1 } });
    expect(problemSchema.parse(shape.body).errors?.map((error) => error.path).sort()).toEqual(['closesAt', 'extra', 'leaderIds']);
    expect(await kit.fingerprint(tenant)).toEqual(before);
    expect(await queued()).toEqual(queuedBefore);
  });
});

describe('answers before close', () => {
  it('are unreadable for every role: the invited leaders, the creator, an Admin, an employee', async () => {
    // Grace (Admin) opens it; Aisha, Daniel and Hugo are invited.
    const round = await openRound(t.grace, [p.aisha, p.daniel, p.hugo]);
    expect((await answer(t.aisha, round.id, SECRET, [s.onTime])).status).toBe(200);
    for (const [who, token] of Object.entries(t)) {
      const results = await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token });
      const expected = who === 'ben' || who === 'marc' ? 404 : 409;
      expect(results.status, who).toBe(expected);
      expect(results.text, who).not.toContain('Reliability');
      for (const path of [`/api/alignment-rounds/${round.id}`, '/api/alignment-rounds']) {
        const read = await kit.api.request('GET', path, { token });
        expect(read.text, `${who} ${path}`).not.toContain('Reliability');
      }
    }
    // Who has answered is shown; only Aisha reads her own answer back.
    const view = roundSchema.parse((await kit.api.request('GET', `/api/alignment-rounds/${round.id}`, { token: t.daniel })).body);
    expect(view.leaders.find((leader) => leader.id === p.aisha)?.answered).toBe(true);
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/answers/me`, { token: t.aisha })).body).toMatchObject({ text: SECRET });
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/answers/me`, { token: t.daniel })).status).toBe(404);
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/answers/me`, { token: t.grace })).status).toBe(404);
    // The store holds the answer; nothing else does (no copy on the round).
    const stored = await kit.documents(tenant);
    expect(stored.filter((doc) => JSON.stringify(doc).includes('Reliability')).map((doc) => doc.type)).toEqual(['alignmentAnswer']);
  });

  it('only invited leaders answer; a changed answer needs its etag; bad answers write nothing', async () => {
    const round = await openRound(t.aisha, [p.aisha, p.daniel]);
    expect((await answer(t.hugo, round.id, SECRET, [s.onTime])).status).toBe(404);
    expect((await answer(t.grace, round.id, SECRET, [s.onTime])).status).toBe(403);
    const before = await kit.fingerprint(tenant);
    const tooMany = await answer(t.daniel, round.id, 'One. Two. Three. Four sentences is too many.', [s.onTime, s.emptyKm, s.onePlatform, s.proactiveTracking]);
    expect(problemSchema.parse(tooMany.body).errors?.map((error) => error.path).sort()).toEqual(['strategyIds', 'text']);
    const archived = await answer(t.daniel, round.id, SECRET, [s.lyon]);
    expect(problemSchema.parse(archived.body).errors).toEqual([{ path: 'strategyIds.0', message: 'Pick one of the active strategies' }]);
    expect(await kit.fingerprint(tenant)).toEqual(before);
    const first = await answer(t.daniel, round.id, SECRET, [s.onTime]);
    expect((await answer(t.daniel, round.id, 'A better answer about deliveries.', [s.onTime])).status).toBe(428);
    expect((await answer(t.daniel, round.id, 'A better answer about deliveries.', [s.onTime], '"stale"')).status).toBe(412);
    const changed = await answer(t.daniel, round.id, 'A better answer about deliveries.', [s.onTime], first.headers.get('etag')!);
    expect(changed.status).toBe(200);
  });

  it('another tenant\'s round id answers 404 on every route', async () => {
    const round = await openRound(t.aisha, [p.aisha, p.daniel]);
    for (const [method, path] of [['GET', ''], ['GET', '/results'], ['POST', '/close'], ['GET', '/answers/me']] as const) {
      const response = await kit.api.request(method, `/api/alignment-rounds/${round.id}${path}`, { token: t.marc });
      expect(response.status, path).toBe(404);
    }
    expect((await answer(t.marc, round.id, SECRET, [s.onTime])).status).toBe(404);
  });
});

describe('closing and results', () => {
  it('the creator closes; the scored result names the outlier, most divergent first; nobody answers after close', async () => {
    const round = await openRound(t.grace, [p.aisha, p.daniel, p.hugo]);
    await answer(t.aisha, round.id, 'I get paid to make sure customers hear about delays before they ask.', [s.proactiveTracking, s.onTime]);
    await answer(t.daniel, round.id, 'My job is telling customers about delays early, before they need to ask.', [s.proactiveTracking, s.onTime]);
    await answer(t.hugo, round.id, 'I am paid to cut our cloud costs and keep the invoices low.', [s.emptyKm]);
    expect((await kit.api.request('POST', `/api/alignment-rounds/${round.id}/close`, { token: t.aisha })).status).toBe(403);
    const closed = await kit.api.request('POST', `/api/alignment-rounds/${round.id}/close`, { token: t.grace });
    expect(roundSchema.parse(closed.body).status).toBe('closed');
    expect((await kit.api.request('POST', `/api/alignment-rounds/${round.id}/close`, { token: t.grace })).status).toBe(409);
    expect((await answer(t.hugo, round.id, 'Changing my mind after the close.', [s.onTime])).status).toBe(409);

    const results = roundResultsSchema.parse((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.daniel })).body);
    expect(results.outlierId).toBe(p.hugo);
    expect(results.leaders[0]).toMatchObject({ id: p.hugo, displayName: 'Hugo Martins', rarePicks: [{ id: s.emptyKm }], distinctiveTerms: expect.arrayContaining(['cloud', 'invoice']) });
    expect(results.leaders[0]!.missedPicks.map((pick) => pick.id).sort()).toEqual([s.onTime, s.proactiveTracking].sort());
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBeLessThan(100);
    expect(results.trend.at(-1)).toMatchObject({ roundId: round.id, score: results.score });
    // Admins see results too; an employee does not even see the round.
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.grace })).status).toBe(200);
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.ben })).status).toBe(404);
    const audit = (await kit.documents(tenant)).filter((doc) => doc.type === 'audit' && doc.entityId === round.id);
    expect(audit.map((entry) => entry.note ?? entry.action).sort()).toEqual(['closed', 'create']);
  });

  it('a creator who was not invited closes the round but does not read the results (invited leaders and Admins do)', async () => {
    const round = await openRound(t.aisha, [p.daniel, p.hugo]);
    await answer(t.daniel, round.id, SECRET, [s.onTime]);
    expect((await kit.api.request('POST', `/api/alignment-rounds/${round.id}/close`, { token: t.aisha })).status).toBe(200);
    const refused = await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.aisha });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('Reliability');
    expect((await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.hugo })).status).toBe(200);
  });

  it('reminds, through the notification timer, only the invited leaders who have not answered', async () => {
    // Closing after every earlier round of this file, so no earlier round's reminder takes the day's one place.
    const round = await openRound(t.aisha, [p.aisha, p.daniel], { closesAt: closesIn(8) });
    await answer(t.aisha, round.id, SECRET, [s.onTime]);
    kit.clock.advance(7 * DAY); // one day before the closing day
    await kit.api.stack.timers.find((timer) => timer.name === 'notifications-drain-timer')!.run();
    const reminders = () => kit.graph.feed(tenant).filter((entry) => entry.activityType === 'alignmentRoundReminder' && entry.webUrl.includes(round.id));
    await expect.poll(() => reminders().map((entry) => entry.userId)).toEqual([p.daniel]);
    expect(reminders()[0]!.templateParameters).toEqual({ question: 'What do you get paid to do?', closesOn: formatDay(round.closesAt.slice(0, 10), 'en') });
    expect(reminders()[0]!.previewText).toBe(`You have not answered yet. The round closes tomorrow (${formatDay(round.closesAt.slice(0, 10), 'en')}).`);
    await kit.api.stack.timers.find((timer) => timer.name === 'notifications-drain-timer')!.run();
    expect(reminders()).toHaveLength(1);
  });

  it('closes by its date on the next read (the API clock), scored as of that date', async () => {
    const round = await openRound(t.aisha, [p.aisha, p.daniel]);
    await answer(t.aisha, round.id, SECRET, [s.onTime]);
    await answer(t.daniel, round.id, SECRET, [s.onTime]);
    kit.clock.advance(4 * DAY);
    const results = await kit.api.request('GET', `/api/alignment-rounds/${round.id}/results`, { token: t.aisha });
    expect(results.status).toBe(200);
    expect(roundResultsSchema.parse(results.body)).toMatchObject({ score: 100, closedAt: round.closesAt });
    expect(roundSchema.parse((await kit.api.request('GET', `/api/alignment-rounds/${round.id}`, { token: t.daniel })).body)).toMatchObject({ status: 'closed', canSeeResults: true });
  });
});
