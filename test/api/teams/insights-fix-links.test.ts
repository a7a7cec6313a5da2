/** Issue 13: insights say which teams the viewer may act on, so a fix-link never leads into another team's dead end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaderInsightsSchema, problemSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

const { people: p, teams: t, tenant } = CONTOSO_IDS;
let api: ApiTestStack;

beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => {
  await api?.close();
});

async function actionable(userId: string): Promise<string[]> {
  const response = await api.request('GET', '/api/insights', { token: await api.tokenFor(tenant, userId) });
  expect(response.status).toBe(200);
  return leaderInsightsSchema.parse(response.body).actionableTeamIds;
}

describe('GET /api/insights: actionableTeamIds', () => {
  it('a Leader may act on the team they lead only, an Admin on every team — exactly where the team routes let them', async () => {
    expect(await actionable(p.aisha)).toEqual([t.operations]);
    expect(await actionable(p.daniel)).toEqual([t.customerSuccess]);
    expect((await actionable(p.grace)).sort()).toEqual([t.operations, t.customerSuccess, t.platform].sort());

    // The server agrees: Daniel's link into Operations' tasks would be a 403, Aisha's is fine.
    const daniel = await api.tokenFor(tenant, p.daniel);
    const refused = await api.request('GET', `/api/teams/${t.operations}/tasks`, { token: daniel });
    expect(refused.status).toBe(403);
    expect(problemSchema.parse(refused.body).code).toBe('forbidden');
    const aisha = await api.tokenFor(tenant, p.aisha);
    expect((await api.request('GET', `/api/teams/${t.operations}/tasks`, { token: aisha })).status).toBe(200);
  });
});
