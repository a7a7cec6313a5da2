/**
 * Customers' awareness over real HTTP: a leader creates a wave; the public page has no script; a
 * customer answers without signing in; a revoked link, a honeypot hit, oversized input and too many
 * answers from one client are refused with problem+json and write nothing; results respect k.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { surveyResultsSchema, surveyWaveSchema, type SurveyWave } from '../../../api/src/shared/survey-contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';

const tenant = CONTOSO_IDS.tenant;
let api: ApiTestStack;
let store: StoredDocuments;
let client = 0;

beforeAll(async () => {
  // Every request of a test reaches the stack from 127.0.0.1: the per-client limit gets its own file.
  process.env.LOS_SURVEY_RATE_LIMIT_PER_CLIENT = '1000';
  api = await startApiTestStack();
  store = storedDocumentsOf(api);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

/** A forwarded address per request (the local host appends the real peer, which is what counts). */
const nextClient = () => `198.51.100.${(client += 1)}`;
const leader = () => api.tokenFor(tenant, CONTOSO_IDS.people.aisha);
async function newWave(title: string): Promise<SurveyWave & { token: string }> {
  const response = await api.request('POST', '/api/surveys', { token: await leader(), json: { title } });
  expect(response.status).toBe(201);
  const wave = surveyWaveSchema.parse(response.body);
  return { ...wave, token: wave.publicPath.split('/').pop()! };
}
const valid = { standsFor: 'Keeping every delivery promise on time', different: 'They warn us about delays before we ask', consistency: 4, segment: 'business' };
const answer = (token: string, json: unknown, from = nextClient()) => api.request('POST', `/api/public/surveys/${token}/answers`, { json, headers: { 'x-forwarded-for': from } });
const answers = async () => store.list('pulses', tenant, 'surveyAnswer');

describe('the public survey', () => {
  it('is leaders’ to create; the page has no script and a strict CSP; a customer answers without signing in; nothing personal is stored', async () => {
    expect((await api.request('POST', '/api/surveys', { token: await api.tokenFor(tenant, CONTOSO_IDS.people.ben), json: { title: 'x' } })).status).toBe(403);
    const wave = await newWave('Spring wave');
    expect(wave.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await api.request('GET', wave.publicPath, { headers: { 'accept-language': 'fr-FR' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('lang="fr"');
    expect(page.text).toContain('Contoso');

    const response = await answer(wave.token, valid, '203.0.113.77');
    expect(response.status).toBe(201);
    const stored = (await answers()).filter((doc) => doc.waveId === wave.id);
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]!).filter((key) => !key.startsWith('_')).sort()).toEqual(['consistency', 'different', 'id', 'segment', 'standsFor', 'tenantId', 'type', 'waveId']);
    expect(JSON.stringify(stored[0])).not.toContain('203.0.113.77');
  });

  it('refuses a honeypot hit, oversized input and a bad score with problem+json, and writes nothing', async () => {
    const wave = await newWave('Honeypot wave');
    const before = await store.fingerprint('pulses', tenant);
    const cases: [unknown, number, string][] = [
      [{ ...valid, website: 'http://spam.example' }, 400, 'rejected'],
      [{ ...valid, standsFor: 'x'.repeat(501) }, 400, 'validation_failed'],
      [{ ...valid, different: 'y'.repeat(5000) }, 413, 'payload_too_large'],
      [{ ...valid, consistency: 9 }, 400, 'validation_failed'],
      [{ ...valid, email: 'someone@example.com' }, 400, 'validation_failed'],
    ];
    for (const [json, status, code] of cases) {
      const response = await answer(wave.token, json);
      expect(response.status, code).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(problemSchema.parse(response.body).code).toBe(code);
    }
    expect(await store.fingerprint('pulses', tenant)).toEqual(before);
  });

  it('refuses a revoked link (page and answers) and writes nothing', async () => {
    const wave = await newWave('Revoked wave');
    expect((await api.request('POST', `/api/surveys/${wave.id}/revoke`, { token: await leader() })).status).toBe(200);
    const before = await store.fingerprint('pulses', tenant);
    const response = await answer(wave.token, valid);
    expect(response.status).toBe(404);
    expect(problemSchema.parse(response.body).code).toBe('survey_closed');
    expect((await api.request('GET', wave.publicPath)).status).toBe(404);
    expect((await api.request('GET', `/api/public/surveys/${'A'.repeat(43)}`)).status).toBe(404);
    expect(await store.fingerprint('pulses', tenant)).toEqual(before);
  });

  it('takes a plain HTML form post (no script needed) and answers with a page', async () => {
    const wave = await newWave('Form wave');
    const body = new URLSearchParams({ standsFor: 'On-time freight', different: 'Honest about delays', consistency: '5', segment: '', website: '', lang: 'en' }).toString();
    const response = await api.request('POST', `/api/public/surveys/${wave.token}/answers`, { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextClient() } });
    expect(response.status).toBe(201);
    expect(response.text).toContain('Thank you');
    expect((await answers()).filter((doc) => doc.waveId === wave.id)[0]).toMatchObject({ segment: null, consistency: 5 });
  });

  it('shows results to leaders only, hides them below k, and answers 404 to another tenant', async () => {
    const wave = await newWave('Results wave');
    for (const text of ['Keeping every delivery promise on time', 'Freight you can depend on', "I don't know"]) expect((await answer(wave.token, { ...valid, standsFor: text })).status).toBe(201);
    const path = `/api/surveys/${wave.id}/results`;
    expect((await api.request('GET', path, { token: await api.tokenFor(tenant, CONTOSO_IDS.people.ben) })).status).toBe(403);
    expect((await api.request('GET', path, { token: await api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.marc) })).status).toBe(404);
    const few = surveyResultsSchema.parse((await api.request('GET', path, { token: await leader() })).body);
    expect(few).toMatchObject({ respondents: 3, couldSayShare: null, closenessToMission: null });
    for (const text of ['Delivering on time, every time', 'Reliable deliveries across Europe']) expect((await answer(wave.token, { ...valid, standsFor: text, segment: 'consumer' })).status).toBe(201);
    const results = surveyResultsSchema.parse((await api.request('GET', path, { token: await leader() })).body);
    expect(results.respondents).toBe(5);
    expect(results.couldSayShare).toBe(0.8);
    expect(results.closenessToMission).not.toBeNull();
    expect(results.consistency.mean).toBe(4);
    // business 3 (below k) and consumer 2 (below k): both hidden.
    expect(results.bySegment.every((segment) => segment.respondents === null)).toBe(true);
    const qr = await api.request('GET', `/api/surveys/${wave.id}/qr`, { token: await leader() });
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(qr.text).toContain('<svg');
  });
});
