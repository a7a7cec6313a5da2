/**
 * One Microsoft Graph read for the directory sync, with the app-only token of the customer tenant,
 * classified for the caller: a page (its values, @odata.nextLink, @odata.deltaLink), throttled (429 or
 * 503, with Retry-After when Graph gave one), expired (a delta or next link Graph no longer knows: 400
 * syncStateNotFound, or 410 Gone: start the round again) or failed. Same configuration as the other
 * Graph readers (GRAPH_CLIENT_ID, GRAPH_BASE_URL, GRAPH_TENANT_AUTHORITY, the managed identity's
 * assertion in Azure); without GRAPH_CLIENT_ID every read answers 'not_configured'.
 */
import { clientCredentialsTokenSource, createTokenCache, managedIdentityAssertion, type GraphTokenProvider } from '../notifications/graph-token.js';
import { parseRetryAfter } from '../notifications/retry-policy.js';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export type GraphRead =
  | { kind: 'ok'; body: Record<string, unknown>; values: Record<string, unknown>[]; nextLink: string | undefined; deltaLink: string | undefined }
  | { kind: 'throttled'; retryAfterMs: number | undefined }
  | { kind: 'expired' }
  | { kind: 'not_found' }
  | { kind: 'failed'; detail: string };

export interface DirectoryGraph {
  /** The Graph base URL (no trailing slash): first links are built on it, and only links on it are followed. */
  baseUrl: string;
  configured: boolean;
  get(tenantId: string, url: string): Promise<GraphRead>;
}

export function createDirectoryGraph(baseUrl: string, tokens: GraphTokenProvider | undefined, timeoutMs = 15_000): DirectoryGraph {
  const base = baseUrl.replace(/\/$/, '');
  return {
    baseUrl: base,
    configured: tokens !== undefined,
    async get(tenantId, url) {
      if (!tokens) return { kind: 'failed', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' };
      // Only links back to Graph itself: the token must never travel elsewhere.
      if (!url.startsWith(`${base}/`)) return { kind: 'failed', detail: 'Graph returned a link elsewhere' };
      let token: string;
      try {
        token = await tokens.get(tenantId);
      } catch (error) {
        return { kind: 'failed', detail: `No app token: ${(error as Error).message}` };
      }
      let response: Response;
      try {
        response = await tracedFetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        // No answer (timeout, reset): transient, like a 503 without Retry-After.
        return { kind: 'throttled', retryAfterMs: undefined };
      }
      // A refused token is not used again: the next read asks Entra ID for a fresh one.
      if (response.status === 401) tokens.invalidate(tenantId);
      if (response.status === 429 || response.status === 503) return { kind: 'throttled', retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) };
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      const code = (body.error as { code?: unknown } | undefined)?.code;
      if (response.status === 410 || (response.status === 400 && code === 'syncStateNotFound')) return { kind: 'expired' };
      if (response.status === 404) return { kind: 'not_found' };
      if (!response.ok) return { kind: 'failed', detail: `Graph answered ${response.status}${typeof code === 'string' ? ` ${code}` : ''}` };
      const link = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
      const values = Array.isArray(body.value) ? (body.value as unknown[]).filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null) : [];
      return { kind: 'ok', body, values, nextLink: link('@odata.nextLink'), deltaLink: link('@odata.deltaLink') };
    },
  };
}

export function createDirectoryGraphFromEnv(env: NodeJS.ProcessEnv): DirectoryGraph {
  const baseUrl = env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com';
  const clientId = env.GRAPH_CLIENT_ID;
  if (!clientId) return createDirectoryGraph(baseUrl, undefined);
  const fixedAssertion = env.GRAPH_CLIENT_ASSERTION;
  if (fixedAssertion && env.WEBSITE_INSTANCE_ID) throw new Error('GRAPH_CLIENT_ASSERTION is for local use only');
  const tokens = createTokenCache(
    clientCredentialsTokenSource({
      authority: env.GRAPH_TENANT_AUTHORITY ?? 'https://login.microsoftonline.com',
      clientId,
      clientAssertion: fixedAssertion ? async () => fixedAssertion : managedIdentityAssertion(env.MANAGED_IDENTITY_CLIENT_ID),
    }),
  );
  return createDirectoryGraph(baseUrl, tokens);
}
