/**
 * Every POST route the Functions app registers goes through the idempotency wrapper, so a route
 * added later cannot forget it: each one answers a malformed Idempotency-Key with 400
 * idempotency_key_invalid, which only the wrapper says, before its own handler runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES_WITHOUT_IDEMPOTENCY } from '../../../api/src/http/idempotency.js';
import { registeredHttpFunctions } from '../../../api/src/local/functions-core-stand-in.js';
import { problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';
import { storedDocumentsOf, type StoredDocuments } from '../support/stored-documents.js';

let api: ApiTestStack;
let store: StoredDocuments;
let grace: string;
const tenant = CONTOSO_IDS.tenant;

beforeAll(async () => {
  api = await startApiTestStack();
  store = storedDocumentsOf(api);
  grace = await api.tokenFor(tenant, CONTOSO_IDS.people.grace);
});
afterAll(async () => {
  store?.close();
  await api?.close();
});

/** Every registered route that accepts POST, with its template filled with a plausible id. */
function postRoutes(): { name: string; path: string }[] {
  return registeredHttpFunctions().flatMap((fn) =>
    Object.values(fn.metadata.bindings)
      .filter((binding) => binding.type.toLowerCase() === 'httptrigger' && (binding.methods ?? ['POST']).some((method) => method.toUpperCase() === 'POST'))
      .map((binding) => ({ name: fn.metadata.name, path: `/api/${(binding.route ?? fn.metadata.name).replace(/\{[^}]+\}/g, 'x1')}` })),
  );
}

describe('every POST route honours Idempotency-Key', () => {
  it('finds the POST routes of the app (the check below is not vacuous)', () => {
    const names = postRoutes().map((route) => route.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'me-tasks-create', 'strategies-create', 'teams-create', 'modules-create', 'modules-publish', 'cohorts-create',
        'cohorts-members-add', 'cohorts-members-import', 'cohorts-assignments-create', 'strategy-map-import', 'notifications-dead-retry',
        'alignment-rounds-create', 'alignment-rounds-close', 'moments-create', 'moments-hide',
        'pulses-create', 'pulses-close', 'pulses-responses-create',
      ]),
    );
  });

  it('leaves out only the routes listed with a reason (an anonymous pulse answer, the public survey), and those keep no record', async () => {
    const exempt = postRoutes().filter((route) => ROUTES_WITHOUT_IDEMPOTENCY.has(route.name)).map((route) => route.name);
    expect(exempt.sort()).toEqual(['client-errors-create', 'public-survey-answer', 'pulses-responses-create']);
    const before = await store.fingerprint('idempotency', tenant);
    const response = await api.request('POST', '/api/pulses/x1/responses', { token: grace, json: {}, headers: { 'idempotency-key': 'k'.repeat(256) } });
    expect(response.status).toBe(404);
    expect(await store.fingerprint('idempotency', tenant)).toEqual(before);
  });

  it('each answers a malformed key with 400 idempotency_key_invalid and writes nothing', async () => {
    const containers = ['tasks', 'strategy', 'directory', 'onboarding', 'alignment', 'idempotency', 'pulses'] as const;
    const before = await Promise.all(containers.map((name) => store.fingerprint(name, tenant)));
    const answers: Record<string, string> = {};
    for (const route of postRoutes().filter((candidate) => !ROUTES_WITHOUT_IDEMPOTENCY.has(candidate.name))) {
      const response = await api.request('POST', route.path, { token: grace, json: {}, headers: { 'idempotency-key': 'k'.repeat(256) } });
      answers[route.name] = `${response.status} ${response.status === 400 ? problemSchema.parse(response.body).code : response.text}`;
    }
    expect(Object.values(answers).length).toBeGreaterThan(20);
    expect(Object.entries(answers).filter(([, answer]) => answer !== '400 idempotency_key_invalid')).toEqual([]);
    expect(await Promise.all(containers.map((name) => store.fingerprint(name, tenant)))).toEqual(before);
  });
});
