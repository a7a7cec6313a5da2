/**
 * The fake Graph's group listing, answered as Graph answers it: GET /v1.0/groups with the `$filter`s
 * the app sends (`groupTypes/any(c:c eq 'Unified')`, `resourceProvisioningOptions/Any(x:x eq 'Team')`),
 * `$select`, `$top` (≤ 999, and the fake's page size) with an opaque `$skiptoken` in @odata.nextLink,
 * and `$search="displayName:…"` / `$count=true`, which Graph refuses (400 Request_UnsupportedQuery)
 * without `ConsistencyLevel: eventual`. 403 without a role that may read groups. Throttling (429 with
 * Retry-After) comes from faults with `path: '/v1.0/groups'`.
 */
import type { FakeGroup } from './directory.js';
import { graphError, refuseWithoutRole, type GraphArea } from './graph-context.js';

/** Application permissions that let an app list groups (least privileged first). */
export const GROUP_LIST_ROLES = ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'];

const UNIFIED_FILTER = /^groupTypes\/any\((\w+):\1 eq 'Unified'\)$/i;
const TEAM_FILTER = /^resourceProvisioningOptions\/any\((\w+):\1 eq 'Team'\)$/i;

function graphView(id: string, group: FakeGroup): Record<string, unknown> {
  return {
    id,
    displayName: group.displayName ?? id,
    description: group.description ?? null,
    groupTypes: group.groupTypes ?? ['Unified'],
    resourceProvisioningOptions: group.isTeam ? ['Team'] : [],
    mailEnabled: (group.groupTypes ?? ['Unified']).includes('Unified'),
    securityEnabled: !(group.groupTypes ?? ['Unified']).includes('Unified'),
  };
}

/** Graph's $search on displayName: every word of the term starts a word of the name. */
function matchesSearch(displayName: string, term: string): boolean {
  const words = displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return term.toLowerCase().split(/\s+/).filter(Boolean).every((part) => words.some((word) => word.startsWith(part)));
}

export function groupListArea(pageSize: () => number): GraphArea {
  return (request) => {
    if (request.method !== 'GET' || request.url.pathname !== '/v1.0/groups') return false;
    if (refuseWithoutRole(request, GROUP_LIST_ROLES)) return true;
    const params = request.url.searchParams;
    const advanced = params.has('$search') || params.get('$count') === 'true';
    if (advanced && request.req.headers.consistencylevel !== 'eventual') {
      request.send(400, graphError('Request_UnsupportedQuery', "$search and $count require the header 'ConsistencyLevel: eventual'."));
      return true;
    }
    let groups = [...(request.tenant?.groups ?? new Map<string, FakeGroup>())].map(([id, group]) => graphView(id, group));
    for (const clause of (params.get('$filter') ?? '').split(/\s+and\s+/i).filter(Boolean)) {
      if (UNIFIED_FILTER.test(clause)) groups = groups.filter((group) => (group.groupTypes as string[]).includes('Unified'));
      else if (TEAM_FILTER.test(clause)) groups = groups.filter((group) => (group.resourceProvisioningOptions as string[]).includes('Team'));
      else {
        request.send(400, graphError('Request_UnsupportedQuery', `Unsupported or invalid query filter clause: ${clause}`));
        return true;
      }
    }
    const search = params.get('$search');
    if (search !== null) {
      const match = /^"displayName:([^"]*)"$/.exec(search);
      if (!match) {
        request.send(400, graphError('Request_UnsupportedQuery', 'Use $search="displayName:<term>".'));
        return true;
      }
      groups = groups.filter((group) => matchesSearch(String(group.displayName), match[1]!));
    }
    const select = params.get('$select')?.split(',');
    const top = Math.min(Number(params.get('$top') ?? 100), 999, pageSize());
    const skip = Number(Buffer.from(params.get('$skiptoken') ?? '', 'base64url').toString() || '0');
    const page = groups.slice(skip, skip + top).map((group) => (select ? Object.fromEntries(Object.entries(group).filter(([key]) => select.includes(key))) : group));
    const body: Record<string, unknown> = { '@odata.context': `${request.baseUrl}/v1.0/$metadata#groups`, value: page };
    if (params.get('$count') === 'true') body['@odata.count'] = groups.length;
    if (skip + top < groups.length) {
      const next = new URL(request.url.pathname, request.baseUrl);
      for (const [key, value] of params) if (key !== '$skiptoken') next.searchParams.set(key, value);
      next.searchParams.set('$skiptoken', Buffer.from(String(skip + top)).toString('base64url'));
      body['@odata.nextLink'] = next.toString();
    }
    request.send(200, body);
    return true;
  };
}
