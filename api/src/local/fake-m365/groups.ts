/**
 * The group reads of the loopback fake Graph, answered as Graph answers them:
 * GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user (users of nested groups included, each
 * once) and GET /v1.0/groups/{id}/owners/microsoft.graph.user, in pages of at most `$top` (and the
 * fake's own page size) with an opaque `$skiptoken` in @odata.nextLink; 403 Authorization_RequestDenied
 * without a role that may read group members; 404 Request_ResourceNotFound for an unknown group.
 */

import type { FakeGroups } from './directory.js';

export type { FakeGroup, FakeGroupMember, FakeGroups } from './directory.js';

/** Application permissions that let an app read a group's members and owners (least privileged first). */
export const GROUP_READ_ROLES = ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'];

const PATH = /^\/v1\.0\/groups\/([^/]+)\/(transitiveMembers|owners)\/microsoft\.graph\.user$/;

export interface GroupsAnswer {
  status: number;
  body: unknown;
}

const graphError = (code: string, message: string) => ({ error: { code, message } });

function transitiveUsers(groups: FakeGroups, groupId: string, seen = new Set<string>()): { id: string; userPrincipalName: string }[] {
  if (seen.has(groupId)) return [];
  seen.add(groupId);
  const users = new Map<string, { id: string; userPrincipalName: string }>();
  for (const member of groups[groupId]?.members ?? []) {
    const found = 'groupId' in member ? transitiveUsers(groups, member.groupId, seen) : [member];
    for (const user of found) users.set(user.id, user);
  }
  return [...users.values()];
}

/**
 * The answer to a group read, or undefined when `url` is not one (the caller routes it elsewhere).
 * `roles` are the calling token's application roles.
 */
export function answerGroupsRequest(url: URL, baseUrl: string, groups: FakeGroups, roles: readonly string[], pageSize: number): GroupsAnswer | undefined {
  const match = PATH.exec(url.pathname);
  if (!match) return undefined;
  if (!roles.some((role) => GROUP_READ_ROLES.includes(role))) {
    return { status: 403, body: graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.') };
  }
  const groupId = decodeURIComponent(match[1]!);
  const group = groups[groupId];
  if (!group) return { status: 404, body: graphError('Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`) };

  const users = match[2] === 'owners' ? (group.owners ?? []).map((id) => ({ id, userPrincipalName: `${id}@owner.example` })) : transitiveUsers(groups, groupId);
  const select = (url.searchParams.get('$select') ?? 'id,userPrincipalName').split(',');
  const top = Math.min(Number(url.searchParams.get('$top') ?? 100), 999, pageSize);
  const skip = Number(Buffer.from(url.searchParams.get('$skiptoken') ?? '', 'base64url').toString() || '0');
  const page = users.slice(skip, skip + top).map((user) => Object.fromEntries(Object.entries(user).filter(([key]) => select.includes(key))));
  const body: Record<string, unknown> = { '@odata.context': `${baseUrl}/v1.0/$metadata#users`, value: page };
  if (skip + top < users.length) {
    const next = new URL(url.pathname, baseUrl);
    for (const [key, value] of url.searchParams) if (key !== '$skiptoken') next.searchParams.set(key, value);
    next.searchParams.set('$skiptoken', Buffer.from(String(skip + top)).toString('base64url'));
    body['@odata.nextLink'] = next.toString();
  }
  return { status: 200, body };
}
