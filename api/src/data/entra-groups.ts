/**
 * The organisation's Microsoft 365 groups and teams, read through Microsoft Graph with the app-only
 * token (sign-up: "which groups or teams become app teams"):
 *
 *   GET /v1.0/groups?$filter=groupTypes/any(c:c eq 'Unified')
 *       &$select=id,displayName,description,resourceProvisioningOptions&$top=999
 *
 * Microsoft 365 ("Unified") groups only: security groups and distribution lists are not teams of
 * people working together. A group with a team in Teams has "Team" in resourceProvisioningOptions
 * (Graph's "List all teams" guidance; a team has the same id as its group). With a search term the
 * request adds `$search="displayName:<term>"` and `$count=true`, which Graph serves only as an
 * advanced query: header `ConsistencyLevel: eventual`. Pages follow @odata.nextLink up to `max`
 * groups; 429 is retried after Retry-After when that is short, else answered as `throttled` with it;
 * 403 and 404 become reasons an admin can act on. Permission: GroupMember.Read.All (least privileged
 * application permission for List groups).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenCache, isNotConsented, type GraphTokenProvider } from '../notifications/graph-token.js';
import { parseRetryAfter } from '../notifications/retry-policy.js';
import { graphBaseUrlFromEnv, graphTokenSourceFromEnv } from './graph-app-tokens.js';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export interface M365Group {
  id: string;
  displayName: string;
  description: string | null;
  /** Has a team in Teams (resourceProvisioningOptions contains "Team"). */
  isTeam: boolean;
}

export type GroupListFailure = {
  ok: false;
  reason: 'not_configured' | 'not_consented' | 'forbidden' | 'not_found' | 'throttled' | 'unavailable';
  detail: string;
  /** For `throttled`: when Graph said to come back. */
  retryAfterSeconds?: number;
};

export type GroupListResult = { ok: true; groups: M365Group[]; truncated: boolean } | GroupListFailure;

export interface GroupListOptions {
  /** Matches the start of words in the display name (Graph $search tokenisation). */
  search?: string;
  /** Stop after this many groups (default 500); `truncated` then says there were more. */
  max?: number;
}

export interface GroupsReader {
  listGroups(tenantId: string, options?: GroupListOptions): Promise<GroupListResult>;
}

export interface GroupsReaderOptions {
  timeoutMs?: number;
  /** A 429 whose Retry-After is at most this is waited out and retried (default 5 s)... */
  maxRetryWaitMs?: number;
  /** ...at most this many times per page (default 2). */
  maxRetries?: number;
}

type GraphGroup = { id?: unknown; displayName?: unknown; description?: unknown; resourceProvisioningOptions?: unknown };

const SELECT = 'id,displayName,description,resourceProvisioningOptions';

/** The first page's URL: every Microsoft 365 group, or those whose name matches `search`. */
export function groupListUrl(base: string, search?: string): { url: string; headers: Record<string, string> } {
  const params = new URLSearchParams({ $filter: "groupTypes/any(c:c eq 'Unified')", $select: SELECT, $top: '999' });
  const headers: Record<string, string> = {};
  const term = search?.trim().replace(/["\\]/g, '');
  if (term) {
    params.set('$search', `"displayName:${term}"`);
    params.set('$count', 'true');
    headers.ConsistencyLevel = 'eventual';
  }
  return { url: `${base}/v1.0/groups?${params.toString().replaceAll('+', '%20')}`, headers };
}

function asGroup(raw: GraphGroup): M365Group | undefined {
  if (typeof raw.id !== 'string' || typeof raw.displayName !== 'string') return undefined;
  const options = Array.isArray(raw.resourceProvisioningOptions) ? raw.resourceProvisioningOptions : [];
  return { id: raw.id, displayName: raw.displayName, description: typeof raw.description === 'string' ? raw.description : null, isTeam: options.includes('Team') };
}

const byName = (groups: M365Group[]) => groups.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));

export function createGroupsReader(baseUrl: string, tokens: GraphTokenProvider, options: GroupsReaderOptions = {}): GroupsReader {
  const base = baseUrl.replace(/\/$/, '');
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 5_000;
  const maxRetries = options.maxRetries ?? 2;

  return {
    async listGroups(tenantId, { search, max = 500 } = {}) {
      let token: string;
      try {
        token = await tokens.get(tenantId);
      } catch (error) {
        if (isNotConsented(error)) return { ok: false, reason: 'not_consented', detail: 'An administrator has not granted Line of Sight its permissions in your organisation yet.' };
        return { ok: false, reason: 'unavailable', detail: `No app token: ${(error as Error).message}` };
      }
      const first = groupListUrl(base, search);
      const groups: M365Group[] = [];
      let url: string | undefined = first.url;
      let retries = 0;
      while (url) {
        // Only follow links back to Graph itself: the token must never travel elsewhere.
        if (!url.startsWith(`${base}/`)) return { ok: false, reason: 'unavailable', detail: 'Graph returned an unexpected next page link' };
        let response: Response;
        try {
          response = await tracedFetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...first.headers },
            signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
          });
        } catch (error) {
          return { ok: false, reason: 'unavailable', detail: `Graph did not answer: ${(error as Error).message}` };
        }
        if (response.status === 429) {
          const waitMs = parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? 1_000;
          await response.body?.cancel();
          if (retries < maxRetries && waitMs <= maxRetryWaitMs) {
            retries += 1;
            await sleep(waitMs);
            continue;
          }
          return { ok: false, reason: 'throttled', detail: 'Microsoft Graph asked us to slow down; try again shortly.', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
        }
        retries = 0;
        if (response.status === 403) return { ok: false, reason: 'forbidden', detail: 'The app may not list groups: grant it GroupMember.Read.All (admin consent).' };
        if (response.status === 401) {
          tokens.invalidate(tenantId);
          return { ok: false, reason: 'unavailable', detail: 'Microsoft Graph refused the app token; try again.' };
        }
        if (response.status === 404) return { ok: false, reason: 'not_found', detail: 'Microsoft Graph does not know your organisation (is the app registered there?).' };
        if (!response.ok) return { ok: false, reason: 'unavailable', detail: `Graph answered ${response.status}` };
        const page = (await response.json()) as { value?: GraphGroup[]; '@odata.nextLink'?: string };
        for (const raw of page.value ?? []) {
          const group = asGroup(raw);
          if (!group) continue;
          if (groups.length >= max) return { ok: true, groups: byName(groups), truncated: true };
          groups.push(group);
        }
        url = page['@odata.nextLink'];
      }
      return { ok: true, groups: byName(groups), truncated: false };
    },
  };
}

export function createGroupsReaderFromEnv(env: NodeJS.ProcessEnv, tokens?: GraphTokenProvider): GroupsReader {
  const source = graphTokenSourceFromEnv(env);
  if (!source) return { listGroups: async () => ({ ok: false, reason: 'not_configured', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' }) };
  return createGroupsReader(graphBaseUrlFromEnv(env), tokens ?? createTokenCache(source));
}
