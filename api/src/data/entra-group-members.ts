/**
 * Members of a Microsoft Entra group, read through Microsoft Graph with the app-only token:
 * GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user (nested groups included, users only),
 * following @odata.nextLink pages up to a cap. Needs the GroupMember.Read.All application permission.
 * Same configuration as the notification sender (GRAPH_CLIENT_ID, GRAPH_BASE_URL, GRAPH_TENANT_AUTHORITY,
 * managed identity assertion in Azure); without GRAPH_CLIENT_ID the reader is disabled.
 */
import { clientCredentialsTokenSource, createTokenCache, managedIdentityAssertion, type GraphTokenProvider } from '../notifications/graph-token.js';

export interface GroupMember {
  id: string;
  userPrincipalName: string | null;
}

export type GroupMembersResult =
  | { ok: true; members: GroupMember[] }
  | { ok: false; reason: 'not_configured' | 'not_found' | 'forbidden' | 'unavailable' | 'too_many'; detail: string };

export interface GroupMembersReader {
  transitiveUsers(tenantId: string, groupId: string, max: number): Promise<GroupMembersResult>;
}

export function createGroupMembersReader(baseUrl: string, tokens: GraphTokenProvider, timeoutMs = 15_000): GroupMembersReader {
  const base = baseUrl.replace(/\/$/, '');
  return {
    async transitiveUsers(tenantId, groupId, max) {
      let token: string;
      try {
        token = await tokens.get(tenantId);
      } catch (error) {
        return { ok: false, reason: 'unavailable', detail: `No app token: ${(error as Error).message}` };
      }
      const members: GroupMember[] = [];
      let url: string | undefined = `${base}/v1.0/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName&$top=999`;
      while (url) {
        // Only follow links back to Graph itself: the token must never travel elsewhere.
        if (!url.startsWith(`${base}/`)) return { ok: false, reason: 'unavailable', detail: 'Graph returned an unexpected next page link' };
        let response: Response;
        try {
          response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          return { ok: false, reason: 'unavailable', detail: `Graph did not answer: ${(error as Error).message}` };
        }
        if (response.status === 404) return { ok: false, reason: 'not_found', detail: 'No group with this id in your organisation' };
        if (response.status === 403) return { ok: false, reason: 'forbidden', detail: 'The app may not read group members (GroupMember.Read.All)' };
        if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Graph answered ${response.status}` };
        const page = (await response.json()) as { value?: { id?: unknown; userPrincipalName?: unknown }[]; '@odata.nextLink'?: string };
        for (const user of page.value ?? []) {
          if (typeof user.id === 'string') members.push({ id: user.id, userPrincipalName: typeof user.userPrincipalName === 'string' ? user.userPrincipalName : null });
        }
        if (members.length > max) return { ok: false, reason: 'too_many', detail: `The group has more than ${max} members` };
        url = page['@odata.nextLink'];
      }
      return { ok: true, members };
    },
  };
}

export function createGroupMembersReaderFromEnv(env: NodeJS.ProcessEnv): GroupMembersReader {
  const clientId = env.GRAPH_CLIENT_ID;
  if (!clientId) {
    return { transitiveUsers: async () => ({ ok: false, reason: 'not_configured', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' }) };
  }
  const fixedAssertion = env.GRAPH_CLIENT_ASSERTION;
  if (fixedAssertion && env.WEBSITE_INSTANCE_ID) throw new Error('GRAPH_CLIENT_ASSERTION is for local use only');
  const tokens = createTokenCache(
    clientCredentialsTokenSource({
      authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
      clientId,
      clientAssertion: fixedAssertion ? async () => fixedAssertion : managedIdentityAssertion(env.MANAGED_IDENTITY_CLIENT_ID),
    }),
  );
  return createGroupMembersReader(env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com', tokens);
}
