import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineOfSightSchema, strategyMapSchema } from '../../../api/src/shared/contracts.js';
import { CONTOSO_IDS, FABRIKAM_IDS, startApiTestStack, type ApiTestStack } from '../support/api-test-stack.js';

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack();
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/me/line-of-sight', () => {
  it('shows a demo employee the chain vision → strategy → their task, and their unlinked tasks apart', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
    const response = await api.request('GET', '/api/me/line-of-sight', { token });
    expect(response.status).toBe(200);
    const view = lineOfSightSchema.parse(response.body);

    expect(view.tenant).toEqual({ id: CONTOSO_IDS.tenant, name: 'Contoso Logistics' });
    expect(view.me).toEqual({ id: CONTOSO_IDS.people.ben, displayName: 'Ben Carter', teamName: 'Operations', roles: ['Employee'] });
    expect(view.organisation.vision).toMatch(/Every shipment arrives/);
    expect(view.organisation.values.length).toBeGreaterThanOrEqual(3);

    // Active strategies only, in order; the archived Lyon strategy is not among them.
    expect(view.strategies.map((strategy) => strategy.id)).toEqual([
      CONTOSO_IDS.strategies.onTime,
      CONTOSO_IDS.strategies.onePlatform,
      CONTOSO_IDS.strategies.proactiveTracking,
      CONTOSO_IDS.strategies.emptyKm,
    ]);
    const onTime = view.strategies[0];
    expect(onTime?.myTasks.map((task) => task.title)).toEqual(['Re-plan the Tuesday Porto–Madrid run around the new loading slots']);
    expect(onTime?.myTasks[0]?.howItServes).toMatch(/window/);
    // Ben serves nothing under "one platform" himself.
    expect(view.strategies[1]?.myTasks).toEqual([]);

    // Unlinked: no strategy at all, or a strategy that was archived.
    expect(view.unlinkedTasks.map((task) => task.title).sort()).toEqual([
      'Collect quotes for Lyon warehouse racking',
      'Renew forklift certification',
    ]);
  });

  it('shows only the caller\u2019s own tasks, never a colleague\u2019s', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ben);
    const view = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token })).body);
    const shownIds = [...view.strategies.flatMap((strategy) => strategy.myTasks), ...view.unlinkedTasks].map((task) => task.id);
    const stored = await api.storedTasks(CONTOSO_IDS.tenant);
    expect(shownIds).toHaveLength(5);
    for (const id of shownIds) expect(stored.get(id)?.ownerId).toBe(CONTOSO_IDS.people.ben);
  });

  it('gives a person without tasks an empty but complete view', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.ines);
    const view = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token })).body);
    expect(view.strategies).toHaveLength(4);
    expect(view.strategies.every((strategy) => strategy.myTasks.length === 0)).toBe(true);
    expect(view.unlinkedTasks).toEqual([]);
  });

  it('shows the merged company\u2019s people their own organisation, not the acquirer\u2019s', async () => {
    const token = await api.tokenFor(FABRIKAM_IDS.tenant, FABRIKAM_IDS.people.sofia);
    const view = lineOfSightSchema.parse((await api.request('GET', '/api/me/line-of-sight', { token })).body);
    expect(view.tenant.name).toBe('Fabrikam Freight');
    expect(view.organisation.name).toBe('Fabrikam Freight');
    expect(view.strategies.map((strategy) => strategy.id)).not.toContain(CONTOSO_IDS.strategies.onTime);
    expect(view.strategies[0]?.myTasks.map((task) => task.title)).toEqual(['Add two night-shift loading bays in Grenoble']);
  });
});

describe('GET /api/strategy-map', () => {
  it('lists the organisation and all its strategies, archived ones marked', async () => {
    const token = await api.tokenFor(CONTOSO_IDS.tenant, CONTOSO_IDS.people.grace);
    const response = await api.request('GET', '/api/strategy-map', { token });
    expect(response.status).toBe(200);
    const map = strategyMapSchema.parse(response.body);
    expect(map.organisation.name).toBe('Contoso Logistics');
    expect(map.strategies.map((strategy) => strategy.status)).toEqual(['active', 'active', 'active', 'active', 'archived']);
    // Storage details (partition key, document type, Cosmos system fields) stay inside the API.
    expect(JSON.stringify(response.body)).not.toMatch(/tenantId|_rid|_etag|"type"/);
  });
});
