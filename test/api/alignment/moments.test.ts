import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { momentFeedSchema, momentOptionsSchema, momentSchema, problemSchema, type Moment } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startAlignmentTestStack, type AlignmentTestStack } from './alignment-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const s = CONTOSO_IDS.strategies;
let kit: AlignmentTestStack;
const t: Record<'aisha' | 'ben' | 'chiara' | 'elena' | 'farid' | 'daniel' | 'marc', string> = {} as never;

beforeAll(async () => {
  kit = await startAlignmentTestStack();
  Object.assign(t, {
    aisha: await kit.token('aisha'), ben: await kit.token('ben'), chiara: await kit.token('chiara'), elena: await kit.token('elena'),
    farid: await kit.token('farid'), daniel: await kit.token('daniel'), marc: await kit.token([FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc]),
  });
});
afterAll(async () => kit?.close());

const post = (token: string, json: unknown, headers: Record<string, string> = {}) => kit.api.request('POST', '/api/moments', { token, json, headers });
const feed = async (token: string, query = '') => momentFeedSchema.parse((await kit.api.request('GET', `/api/moments${query}`, { token })).body);
/** The alignment container as stored, and which notifications are queued (their send state moves on its own as the drain sends them). */
const everything = async () => ({
  alignment: await kit.fingerprint(tenant),
  queued: (await kit.documents(tenant, 'onboarding')).filter((doc) => doc.type === 'outbox').map((doc) => doc.id).sort(),
});

async function postMoment(token: string, json: Record<string, unknown>): Promise<Moment> {
  const response = await post(token, json);
  expect(response.status, response.text).toBe(201);
  return momentSchema.parse(response.body);
}

describe('posting a moment', () => {
  it('recognises a colleague, who is notified once; the feed filters by value, strategy, team and person', async () => {
    const text = 'Ben logged the Madrid dock delay before the customer called. <b>Not bold</b>';
    const moment = await postMoment(t.elena, { text, recognisedUserIds: [p.ben], tag: { kind: 'value', value: 'say it plainly' } });
    expect(moment).toMatchObject({ text, author: { id: p.elena, displayName: 'Elena Petrova' }, recognised: [{ id: p.ben, displayName: 'Ben Carter' }], tag: { kind: 'value', value: 'Say it plainly' }, mine: true, canHide: false });
    await expect.poll(() => kit.graph.feed(tenant).filter((entry) => entry.activityType === 'momentRecognised' && entry.webUrl.includes(moment.id)).map((entry) => entry.userId)).toEqual([p.ben]);
    const strategyMoment = await postMoment(t.farid, { text: 'Customer Success rewrote the delay notices.', teamId: CONTOSO_IDS.teams.customerSuccess, tag: { kind: 'strategy', strategyId: s.proactiveTracking } });
    expect(strategyMoment.tag).toEqual({ kind: 'strategy', strategyId: s.proactiveTracking, title: 'Tell customers about delays before they ask' });

    const ids = (list: { moments: Moment[] }) => list.moments.map((item) => item.id);
    expect(ids(await feed(t.ben, '?value=Say%20it%20plainly'))).toContain(moment.id);
    expect(ids(await feed(t.ben, '?value=Say%20it%20plainly'))).not.toContain(strategyMoment.id);
    expect(ids(await feed(t.ben, `?strategyId=${s.proactiveTracking}`))).toEqual([strategyMoment.id]);
    expect(ids(await feed(t.ben, `?teamId=${CONTOSO_IDS.teams.operations}`))).toContain(moment.id);
    expect(ids(await feed(t.ben, `?teamId=${CONTOSO_IDS.teams.customerSuccess}`))).toContain(strategyMoment.id);
    expect(ids(await feed(t.ben, `?personId=${p.ben}`))).toEqual([moment.id]);
    // Keyset paging: one at a time, newest first.
    const first = await feed(t.ben, '?limit=1');
    expect(first.moments).toHaveLength(1);
    const second = await feed(t.ben, `?limit=1&cursor=${first.next}`);
    expect(second.moments[0]!.id).not.toBe(first.moments[0]!.id);
  });

  it('refuses bad input with problem+json and writes nothing: another tenant\'s person, unknown tag, yourself, too long, no one', async () => {
    const before = await everything();
    const foreign = await post(t.elena, { text: 'Thanks!', recognisedUserIds: [FABRIKAM_IDS.people.marc, p.elena], tag: { kind: 'value', value: 'Not a value' } });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(problemSchema.parse(foreign.body).errors?.map((error) => error.path)).toEqual(['recognisedUserIds.0', 'recognisedUserIds.1', 'tag.value']);
    const long = await post(t.elena, { text: 'x'.repeat(501), recognisedUserIds: [], tag: { kind: 'strategy', strategyId: s.lyon } });
    expect(problemSchema.parse(long.body).errors?.map((error) => error.path).sort()).toEqual(['recognisedUserIds', 'text']);
    const archived = await post(t.elena, { text: 'Lyon racking quotes', recognisedUserIds: [p.ben], tag: { kind: 'strategy', strategyId: s.lyon } });
    expect(problemSchema.parse(archived.body).errors?.map((error) => error.path)).toEqual(['tag.strategyId']);
    expect(await everything()).toEqual(before);
  });
});

describe('what the composer picks from', () => {
  it('gives anyone the tenant\'s colleagues (name, team, whether they lead), teams, values and active strategies, nothing more', async () => {
    const response = await kit.api.request('GET', '/api/moments/options', { token: t.ben });
    const options = momentOptionsSchema.parse(response.body);
    expect(options.people.find((person) => person.id === p.aisha)).toEqual({ id: p.aisha, displayName: 'Aisha Khan', teamId: CONTOSO_IDS.teams.operations, leads: true });
    expect(options.values).toContain('Keep the promise');
    expect(options.strategies.map((strategy) => strategy.id)).not.toContain(s.lyon);
    expect(response.text).not.toContain(FABRIKAM_IDS.people.marc);
    expect(Object.keys(options.people[0]!).sort()).toEqual(['displayName', 'id', 'leads', 'teamId']);
  });
});

describe('the daily limit', () => {
  it('allows ten moments a person a day, then a clear 429 with Retry-After that writes nothing; deleting does not give a place back', async () => {
    const body = { text: 'Chiara saw the mission in action.', recognisedUserIds: [p.ben], tag: { kind: 'value', value: 'Keep the promise' } };
    const posted: Moment[] = [];
    for (let index = 0; index < 10; index++) posted.push(await postMoment(t.chiara, body));
    await kit.api.request('DELETE', `/api/moments/${posted[0]!.id}`, { token: t.chiara });
    const before = await everything();
    const refused = await post(t.chiara, body);
    expect(refused.status).toBe(429);
    expect(problemSchema.parse(refused.body)).toMatchObject({ code: 'moment_limit_reached', detail: expect.stringContaining('10 moments a day') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await everything()).toEqual(before);
    // Someone else still posts.
    expect((await post(t.daniel, body)).status).toBe(201);
  });
});

describe('moderation and reactions', () => {
  it('a leader hides a moment with a reason: gone from the feed, audited in the same container; an employee cannot', async () => {
    const moment = await postMoment(t.ben, { text: 'Aisha kept the promise to Porto.', recognisedUserIds: [p.aisha], tag: { kind: 'value', value: 'Keep the promise' } });
    const before = await everything();
    expect((await kit.api.request('POST', `/api/moments/${moment.id}/hide`, { token: t.elena, json: { reason: 'Not appropriate' } })).status).toBe(403);
    expect((await kit.api.request('POST', `/api/moments/${moment.id}/hide`, { token: t.aisha, json: { reason: '' } })).status).toBe(400);
    expect(await everything()).toEqual(before);
    const hidden = await kit.api.request('POST', `/api/moments/${moment.id}/hide`, { token: t.aisha, json: { reason: 'Names a customer' } });
    expect(hidden.status).toBe(200);
    expect((await feed(t.ben)).moments.map((item) => item.id)).not.toContain(moment.id);
    const stored = await kit.documents(tenant);
    const audit = stored.filter((doc) => doc.type === 'audit' && doc.entityId === moment.id);
    expect(audit).toMatchObject([{ entityType: 'moment', action: 'update', actor: { id: p.aisha }, note: 'hidden: Names a customer', after: { hidden: { reason: 'Names a customer' } } }]);
    expect(stored.find((doc) => doc.id === moment.id)).toMatchObject({ hidden: { reason: 'Names a customer', by: { id: p.aisha } } });
    expect((await kit.api.request('POST', `/api/moments/${moment.id}/hide`, { token: t.aisha, json: { reason: 'Again' } })).status).toBe(404);
  });

  it('only the author deletes; the text is gone from the store', async () => {
    const moment = await postMoment(t.ben, { text: 'Chiara moved the Milan pick-ups before the peak.', recognisedUserIds: [p.chiara], tag: { kind: 'value', value: 'Keep the promise' } });
    expect((await kit.api.request('DELETE', `/api/moments/${moment.id}`, { token: t.chiara })).status).toBe(403);
    expect((await kit.api.request('DELETE', `/api/moments/${moment.id}`, { token: t.ben })).status).toBe(204);
    expect((await kit.documents(tenant)).find((doc) => doc.id === moment.id)).toMatchObject({ text: '', deletedAt: expect.any(String) });
  });

  it('"seen it too": one reaction per person, taken back with DELETE', async () => {
    const moment = await postMoment(t.ben, { text: 'Elena turned on SMS alerts for the pilot.', recognisedUserIds: [p.elena], tag: { kind: 'strategy', strategyId: s.proactiveTracking } });
    const react = (token: string, method: 'PUT' | 'DELETE') => kit.api.request(method, `/api/moments/${moment.id}/reactions/me`, { token });
    await react(t.chiara, 'PUT');
    const twice = momentSchema.parse((await react(t.chiara, 'PUT')).body);
    expect(twice).toMatchObject({ reactions: 1, reactedByMe: true });
    expect(momentSchema.parse((await react(t.farid, 'PUT')).body).reactions).toBe(2);
    expect(momentSchema.parse((await react(t.chiara, 'DELETE')).body)).toMatchObject({ reactions: 1, reactedByMe: false });
  });

  it('another tenant\'s moment ids answer 404', async () => {
    const moment = await postMoment(t.ben, { text: 'Farid imported the Fabrikam shipments.', recognisedUserIds: [p.farid], tag: { kind: 'strategy', strategyId: s.onePlatform } });
    const before = await everything();
    expect((await kit.api.request('DELETE', `/api/moments/${moment.id}`, { token: t.marc })).status).toBe(404);
    expect((await kit.api.request('POST', `/api/moments/${moment.id}/hide`, { token: t.marc, json: { reason: 'Because' } })).status).toBe(404);
    expect((await kit.api.request('PUT', `/api/moments/${moment.id}/reactions/me`, { token: t.marc })).status).toBe(404);
    expect((await kit.api.request('GET', `/api/moments/${moment.id}`, { token: t.marc })).status).toBe(404);
    expect(momentSchema.parse((await kit.api.request('GET', `/api/moments/${moment.id}`, { token: t.farid })).body).recognised).toEqual([{ id: p.farid, displayName: 'Farid Haddad' }]);
    expect((await kit.api.request('GET', '/api/moments', { token: t.marc })).text).not.toContain(moment.id);
    expect(await everything()).toEqual(before);
  });
});
