/**
 * The Graph group reader against the loopback fake Graph: members across pages (nested groups
 * flattened), the owner check across pages, and Graph's 403 (no permission) and 404 (no group).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupMembersReader, type GroupMembersReader } from '../../../api/src/data/entra-group-members.js';
import { clientCredentialsTokenSource, createTokenCache } from '../../../api/src/notifications/graph-token.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import type { FakeGroups } from '../../../api/src/local/fake-m365/groups.js';

const TENANT = 'c0a70000-0000-4000-8000-0000000000aa';
const GROUP = '5f0c0a11-0000-4000-8000-0000000000a1';
const INNER = '5f0c0a11-0000-4000-8000-0000000000a2';
const user = (n: number) => ({ id: `0000000${n}-0000-4000-8000-000000000000`, userPrincipalName: `user${n}@contoso.example` });
const GROUPS: FakeGroups = {
  [GROUP]: { members: [user(1), user(2), { groupId: INNER }], owners: [user(7).id, user(8).id, user(9).id] },
  // user(2) again: a person in two nested paths is one member.
  [INNER]: { members: [user(2), user(3), user(4), { groupId: GROUP }] },
};

function readerFor(graph: FakeGraph): GroupMembersReader {
  const tokens = createTokenCache(clientCredentialsTokenSource({ authority: graph.authority, clientId: graph.clientId, clientAssertion: async () => 'test-assertion' }));
  return createGroupMembersReader(graph.baseUrl, tokens);
}

let permitted: FakeGraph;
let unpermitted: FakeGraph;
beforeAll(async () => {
  [permitted, unpermitted] = await Promise.all([
    startFakeGraph({ roles: ['GroupMember.Read.All'], groups: GROUPS, groupPageSize: 2 }),
    startFakeGraph({ roles: ['TeamsActivity.Send'], groups: GROUPS }),
  ]);
});
afterAll(async () => {
  await Promise.all([permitted?.close(), unpermitted?.close()]);
});

describe('the Entra group reader', () => {
  it('reads every page of the transitive members, each user once', async () => {
    const result = await readerFor(permitted).transitiveUsers(TENANT, GROUP, 100);
    expect(result).toEqual({ ok: true, members: [user(1), user(2), user(3), user(4)] });
    expect(permitted.groupRequests.filter((entry) => entry.request.endsWith('/transitiveMembers/microsoft.graph.user'))).toHaveLength(2);
  });

  it('stops past the cap', async () => {
    expect(await readerFor(permitted).transitiveUsers(TENANT, GROUP, 3)).toMatchObject({ ok: false, reason: 'too_many' });
  });

  it('finds an owner on a later page, and stops reading once found', async () => {
    const reader = readerFor(permitted);
    const before = permitted.groupRequests.length;
    expect(await reader.isOwner(TENANT, GROUP, user(9).id)).toEqual({ ok: true, isOwner: true });
    expect(permitted.groupRequests.length - before).toBe(2);
    expect(await reader.isOwner(TENANT, GROUP, user(7).id)).toEqual({ ok: true, isOwner: true });
    expect(permitted.groupRequests.length - before).toBe(3);
    expect(await reader.isOwner(TENANT, GROUP, user(1).id)).toEqual({ ok: true, isOwner: false });
  });

  it('answers not_found for an unknown group and forbidden without GroupMember.Read.All', async () => {
    const unknown = '5f0c0a11-0000-4000-8000-0000000000ff';
    expect(await readerFor(permitted).transitiveUsers(TENANT, unknown, 100)).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await readerFor(permitted).isOwner(TENANT, unknown, user(1).id)).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await readerFor(unpermitted).transitiveUsers(TENANT, GROUP, 100)).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(await readerFor(unpermitted).isOwner(TENANT, GROUP, user(7).id)).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});
