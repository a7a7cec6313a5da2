/**
 * The public survey's rate limits over real HTTP: per client address (here 3 a minute; every request
 * of the test reaches the stack from 127.0.0.1) and per link (here 4 a minute). Refused answers write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { surveyWaveSchema } from '../../../api/src/shared/survey-contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';

const tenant = CONTOSO_IDS.tenant;
let api: ApiTestStack;
let store: StoredDocuments;

beforeAll(async () => {
  process.env.LOS_SURVEY_RATE_LIMIT_PER_CLIENT = '3';
  process.env.LOS_SURVEY_RATE_LIMIT_PER_LINK = '1000';
  api = await startApiTestStack();
  store = storedDocumentsOf(api);
});
afterAll(async () => {
  delete process.env.LOS_SURVEY_RATE_LIMIT_PER_CLIENT;
  delete process.env.LOS_SURVEY_RATE_LIMIT_PER_LINK;
  store?.close();
  await api?.close();
});

describe('public survey rate limits', () => {
  it('refuses the fourth answer in a minute from one client with 429 and Retry-After, and writes nothing', async () => {
    const created = await api.request('POST', '/api/surveys', { token: await api.tokenFor(tenant, CONTOSO_IDS.people.aisha), json: { title: 'Busy wave' } });
    const wave = surveyWaveSchema.parse(created.body);
    const valid = { standsFor: 'On-time freight', different: 'Honest about delays', consistency: 4 };
    for (let index = 0; index < 3; index += 1) expect((await api.request('POST', `/api/public/surveys/${wave.publicPath.split('/').pop()}/answers`, { json: valid })).status).toBe(201);
    const before = await store.fingerprint('pulses', tenant);
    const refused = await api.request('POST', `/api/public/surveys/${wave.publicPath.split('/').pop()}/answers`, { json: valid });
    expect(refused.status).toBe(429);
    expect(problemSchema.parse(refused.body).code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await store.fingerprint('pulses', tenant)).toEqual(before);
  });
});
