/**
 * One Microsoft Graph (v1.0) request as the app, for a customer tenant: its app-only token, a
 * timeout (a hung connection is a transient failure, not a stuck drain), and the outcome classified
 * for the retry policy: 429 throttled (with Retry-After), 5xx / network / timeout transient, other
 * 4xx permanent. 401 and 412 (the bulk send's "token has less than 45 minutes left") drop the cached
 * token and count as transient: the next try gets a new one. Graph's error `code` is kept, so a
 * caller can tell one 403 from another.
 */
import type { GraphTokenProvider } from './graph-token.js';
import { parseRetryAfter, type SendFailure } from './retry-policy.js';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export type GraphAnswer =
  | { ok: true; status: number; body: unknown }
  | ({ ok: false; status?: number; code?: string; graphMessage?: string } & SendFailure);

export interface GraphHttp {
  /** `beforeRequest` runs once the token is at hand, right before the request leaves (for pacing). */
  request(tenantId: string, method: 'GET' | 'POST', path: string, body?: unknown, beforeRequest?: () => Promise<void>): Promise<GraphAnswer>;
  /** The v1.0 base URL, for `@odata.bind` references. */
  readonly base: string;
}

export interface GraphHttpConfig {
  /** https://graph.microsoft.com (GRAPH_BASE_URL) */
  baseUrl: string;
  tokens: GraphTokenProvider;
  timeoutMs?: number;
  now?: () => number;
}

function graphError(text: string): { code?: string; message?: string } {
  try {
    const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    return { ...(typeof error?.code === 'string' ? { code: error.code } : {}), ...(typeof error?.message === 'string' ? { message: error.message } : {}) };
  } catch {
    return {};
  }
}

export function createGraphHttp(config: GraphHttpConfig): GraphHttp {
  const base = `${config.baseUrl.replace(/\/$/, '')}/v1.0`;
  const now = config.now ?? Date.now;

  async function request(tenantId: string, method: 'GET' | 'POST', path: string, body?: unknown, beforeRequest?: () => Promise<void>): Promise<GraphAnswer> {
    let token: string;
    try {
      token = await config.tokens.get(tenantId);
    } catch (error) {
      return { ok: false, kind: 'transient', message: `no app token: ${(error as Error).message}` };
    }
    await beforeRequest?.();
    let response: Response;
    try {
      response = await tracedFetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const name = (error as Error).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { ok: false, kind: 'transient', message: timedOut ? 'Graph did not answer in time' : `network error: ${(error as Error).message}` };
    }
    // Read the body so the connection can be reused; its text is kept as the reason on failure.
    const text = await response.text().catch(() => '');
    if (response.ok) {
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { ok: true, status: response.status, body: parsed };
    }
    const status = response.status;
    const error = graphError(text);
    const detail = { status, ...(error.code ? { code: error.code } : {}), ...(error.message ? { graphMessage: error.message } : {}), message: `Graph ${status}${text ? `: ${text.slice(0, 300)}` : ''}` };
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return { ok: false, kind: 'throttled', ...detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    if (status === 401 || status === 412) {
      config.tokens.invalidate(tenantId);
      return { ok: false, kind: 'transient', ...detail };
    }
    if (status >= 500 || status === 408) return { ok: false, kind: 'transient', ...detail };
    return { ok: false, kind: 'permanent', ...detail };
  }

  return { request, base };
}
