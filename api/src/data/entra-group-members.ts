/**
 * Members and owners of a Microsoft Entra group, read through Microsoft Graph with the app-only token:
 * GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user (nested groups included, users only)
 * and GET /v1.0/groups/{id}/owners/microsoft.graph.user, following @odata.nextLink pages (members up
 * to a cap). Both need only the GroupMember.Read.All application permission. Same configuration as
 * the notification sender (GRAPH_CLIENT_ID, GRAPH_BASE_URL, GRAPH_TENANT_AUTHORITY, managed identity
 * assertion in Azure); without GRAPH_CLIENT_ID the reader is disabled.
 */
import { createTokenCache, type GraphTokenProvider } from '../notifications/graph-token.js';
import { graphBaseUrlFromEnv, graphTokenSourceFromEnv } from './graph-app-tokens.js';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export interface GroupMember {
  id: string;
  userPrincipalName: string | null;
}

type GroupReadFailure = { ok: false; reason: 'not_configured' | 'not_found' | 'forbidden' | 'unavailable' | 'too_many'; detail: string };

export type GroupMembersResult = { ok: true; members: GroupMember[] } | GroupReadFailure;
export type GroupOwnerResult = { ok: true; isOwner: boolean } | GroupReadFailure;

export interface GroupMembersReader {
  transitiveUsers(tenantId: string, groupId: string, max: number): Promise<GroupMembersResult>;
  /** Whether this user is one of the group's owners (owners are direct; a group owner is never nested). */
  isOwner(tenantId: string, groupId: string, userId: string): Promise<GroupOwnerResult>;
}

type GraphUser = { id?: unknown; userPrincipalName?: unknown };

export function createGroupMembersReader(baseUrl: string, tokens: GraphTokenProvider, timeoutMs = 15_000): GroupMembersReader {
  const base = baseUrl.replace(/\/$/, '');

  /**
   * Reads `firstUrl` and its next pages, handing each page's users to `onPage` until it answers
   * 'stop' or the pages end. undefined when every page read, else the failure.
   */
  async function readPages(tenantId: string, firstUrl: string, onPage: (users: GraphUser[]) => 'more' | 'stop' | GroupReadFailure): Promise<GroupReadFailure | undefined> {
    let token: string;
    try {
      token = await tokens.get(tenantId);
    } catch (error) {
      return { ok: false, reason: 'unavailable', detail: `No app token: ${(error as Error).message}` };
    }
    let url: string | undefined = firstUrl;
    while (url) {
      // Only follow links back to Graph itself: the token must never travel elsewhere.
      if (!url.startsWith(`${base}/`)) return { ok: false, reason: 'unavailable', detail: 'Graph returned an unexpected next page link' };
      let response: Response;
      try {
        response = await tracedFetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        return { ok: false, reason: 'unavailable', detail: `Graph did not answer: ${(error as Error).message}` };
      }
      if (response.status === 404) return { ok: false, reason: 'not_found', detail: 'No group with this id in your organisation' };
      if (response.status === 403) return { ok: false, reason: 'forbidden', detail: 'The app may not read group members (GroupMember.Read.All)' };
      if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Graph answered ${response.status}` };
      const page = (await response.json()) as { value?: GraphUser[]; '@odata.nextLink'?: string };
      const next = onPage(page.value ?? []);
      if (next !== 'more') return next === 'stop' ? undefined : next;
      url = page['@odata.nextLink'];
    }
    return undefined;
  }

  const groupUrl = (groupId: string, relation: string, select: string) =>
    `${base}/v1.0/groups/${encodeURIComponent(groupId)}/${relation}/microsoft.graph.user?$select=${select}&$top=999`;

  return {
    async transitiveUsers(tenantId, groupId, max) {
      const members: GroupMember[] = [];
      const failure = await readPages(tenantId, groupUrl(groupId, 'transitiveMembers', 'id,userPrincipalName'), (users) => {
        for (const user of users) {
          if (typeof user.id === 'string') members.push({ id: user.id, userPrincipalName: typeof user.userPrincipalName === 'string' ? user.userPrincipalName : null });
        }
        return members.length > max ? { ok: false, reason: 'too_many', detail: `The group has more than ${max} members` } : 'more';
      });
      return failure ?? { ok: true, members };
    },
    async isOwner(tenantId, groupId, userId) {
      let isOwner = false;
      const failure = await readPages(tenantId, groupUrl(groupId, 'owners', 'id'), (users) => {
        isOwner = users.some((user) => user.id === userId);
        return isOwner ? 'stop' : 'more';
      });
      return failure ?? { ok: true, isOwner };
    },
  };
}

export function createGroupMembersReaderFromEnv(env: NodeJS.ProcessEnv): GroupMembersReader {
  const source = graphTokenSourceFromEnv(env);
  if (!source) {
    const notConfigured = { ok: false, reason: 'not_configured', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' } as const;
    return { transitiveUsers: async () => notConfigured, isOwner: async () => notConfigured };
  }
  return createGroupMembersReader(graphBaseUrlFromEnv(env), createTokenCache(source));
}
