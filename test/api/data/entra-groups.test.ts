/**
 * The Microsoft 365 groups reader against the loopback fake Graph: only Microsoft 365 groups, teams
 * told apart, every page followed, `$search` sent as an advanced query (ConsistencyLevel), 429 waited
 * out after Retry-After, and 403 / no consent answered as reasons an admin can act on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupsReader, type GroupsReader } from '../../../api/src/data/entra-groups.js';
import { clientCredentialsTokenSource, createTokenCache } from '../../../api/src/notifications/graph-token.js';
import { createFakeDirectory, type FakeGroups } from '../../../api/src/local/fake-m365/directory.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';

const CONSENTED = 'c0a70000-0000-4000-8000-0000000000b1';
const NOT_CONSENTED = 'c0a70000-0000-4000-8000-0000000000b2';
const group = (n: number) => `5f0c0b00-0000-4000-8000-00000000000${n}`;
const GROUPS: FakeGroups = {
  [group(1)]: { displayName: 'Sales', isTeam: true, members: [] },
  [group(2)]: { displayName: 'Warehouse', isTeam: true, members: [] },
  [group(3)]: { displayName: 'All Company', description: 'Everyone', members: [] },
  [group(4)]: { displayName: 'Sales Leadership', members: [] },
  // A security group: not a Microsoft 365 group, never offered.
  [group(5)]: { displayName: 'VPN users', groupTypes: [], members: [] },
};

function readerFor(graph: FakeGraph): GroupsReader {
  const tokens = createTokenCache(clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'test-assertion' }));
  return createGroupsReader(graph.baseUrl, tokens);
}

let graph: FakeGraph;
let readOnlyFeed: FakeGraph;
beforeAll(async () => {
  const directory = createFakeDirectory([
    { id: CONSENTED, displayName: 'Consented', consented: true, groups: GROUPS },
    { id: NOT_CONSENTED, displayName: 'Not yet', consented: false, groups: GROUPS },
  ]);
  [graph, readOnlyFeed] = await Promise.all([
    startFakeGraph({ directory, refuseUndeclaredTenants: true, groupPageSize: 2 }),
    startFakeGraph({ directory: createFakeDirectory([{ id: CONSENTED, displayName: 'Feed only', consented: true, groups: GROUPS }]), consentedRoles: ['TeamsActivity.Send'] }),
  ]);
});
afterAll(async () => {
  await Promise.all([graph?.close(), readOnlyFeed?.close()]);
});

const listRequests = () => graph.requests.filter((entry) => entry.request === 'GET /v1.0/groups');

describe('listing Microsoft 365 groups and teams', () => {
  it('reads every page of Microsoft 365 groups, by name, teams marked', async () => {
    const before = listRequests().length;
    const result = await readerFor(graph).listGroups(CONSENTED);
    expect(result).toEqual({
      ok: true,
      truncated: false,
      groups: [
        { id: group(3), displayName: 'All Company', description: 'Everyone', isTeam: false },
        { id: group(1), displayName: 'Sales', description: null, isTeam: true },
        { id: group(4), displayName: 'Sales Leadership', description: null, isTeam: false },
        { id: group(2), displayName: 'Warehouse', description: null, isTeam: true },
      ],
    });
    expect(listRequests().length - before).toBe(2);
  });

  it('stops at the cap and says so', async () => {
    expect(await readerFor(graph).listGroups(CONSENTED, { max: 3 })).toMatchObject({ ok: true, truncated: true, groups: { length: 3 } });
  });

  it('searches by name as an advanced query (the fake refuses $search without ConsistencyLevel, as Graph does)', async () => {
    const result = await readerFor(graph).listGroups(CONSENTED, { search: 'sal' });
    expect(result.ok && result.groups.map((g) => g.displayName)).toEqual(['Sales', 'Sales Leadership']);
    const { token } = await clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'a' })(CONSENTED);
    const search = `${graph.baseUrl}/v1.0/groups?$search=${encodeURIComponent('"displayName:sal"')}`;
    expect((await fetch(search, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
    expect((await fetch(search, { headers: { authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' } })).status).toBe(200);
  });

  it('waits out a 429 for its Retry-After and goes on', async () => {
    graph.inject({ kind: 'throttle', count: 1, retryAfter: '1', path: '/v1.0/groups' });
    const before = listRequests().length;
    const result = await readerFor(graph).listGroups(CONSENTED);
    expect(result).toMatchObject({ ok: true, groups: { length: 4 } });
    expect(listRequests().length - before).toBe(3);
  });

  it('answers throttled, with when to come back, when Graph asks for a long wait', async () => {
    graph.inject({ kind: 'throttle', count: 1, retryAfter: '120', path: '/v1.0/groups' });
    expect(await readerFor(graph).listGroups(CONSENTED)).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 120 });
    graph.clearFaults();
  });

  it('answers not_consented before the admin consented, forbidden without a group-read permission', async () => {
    expect(await readerFor(graph).listGroups(NOT_CONSENTED)).toMatchObject({ ok: false, reason: 'not_consented' });
    expect(await readerFor(readOnlyFeed).listGroups(CONSENTED)).toMatchObject({ ok: false, reason: 'forbidden', detail: expect.stringContaining('GroupMember.Read.All') });
  });
});
