/**
 * Planner and To Do through Microsoft Graph v1.0 with a delegated token, classified for the sync:
 * 429 throttled (with Retry-After, in seconds), 401/403 (token or consent gone), 404, 412 (stale
 * If-Match), other failures. Calls are paced per person (at most `perPersonPerSecond`, default 8:
 * under Graph's 10,000 requests per 10 minutes per app and mailbox for To Do, and Planner's
 * per-user limits), and one person's calls run one at a time (the sync is sequential).
 */
import { parseRetryAfter } from '../notifications/retry-policy.js';
import { tracedFetch } from '../telemetry/traced-fetch.js';

export type GraphFailureKind = 'throttled' | 'unauthorized' | 'forbidden' | 'not_found' | 'precondition_failed' | 'error';
export type GraphResult<T> = { ok: true; body: T } | { ok: false; kind: GraphFailureKind; status: number; message: string; retryAfterSeconds?: number };

export interface TaskGraph {
  /** `pathOrLink`: a path under /v1.0 ("/me/todo/lists") or a nextLink / deltaLink Graph gave. */
  get<T>(token: string, paceKey: string, pathOrLink: string): Promise<GraphResult<T>>;
  patch<T>(token: string, paceKey: string, path: string, body: unknown, ifMatch?: string): Promise<GraphResult<T>>;
  /** Graph requests made (bench and tests). */
  readonly calls: number;
}

export interface TaskGraphConfig {
  baseUrl: string;
  perPersonPerSecond?: number;
  timeoutMs?: number;
  now?: () => number;
}

export function createTaskGraph(config: TaskGraphConfig): TaskGraph {
  const base = `${config.baseUrl.replace(/\/$/, '')}/v1.0`;
  const now = config.now ?? Date.now;
  const spacingMs = 1000 / (config.perPersonPerSecond ?? 8);
  const nextSlot = new Map<string, number>();
  let calls = 0;

  async function pace(key: string): Promise<void> {
    const at = Math.max(now(), nextSlot.get(key) ?? 0);
    nextSlot.set(key, at + spacingMs);
    if (nextSlot.size > 10_000) nextSlot.clear();
    const wait = at - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  async function send<T>(method: string, token: string, paceKey: string, pathOrLink: string, body?: unknown, ifMatch?: string): Promise<GraphResult<T>> {
    await pace(paceKey);
    calls += 1;
    const url = /^https?:\/\//.test(pathOrLink) ? pathOrLink : base + pathOrLink;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch) headers['if-match'] = ifMatch;
    if (method === 'PATCH') headers.prefer = 'return=representation';
    let response: Response;
    try {
      response = await tracedFetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(config.timeoutMs ?? 15_000) });
    } catch (error) {
      return { ok: false, kind: 'error', status: 0, message: `Graph did not answer: ${(error as Error).message}` };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true, body: (text ? JSON.parse(text) : {}) as T };
    const message = `Graph ${response.status}: ${text.slice(0, 200)}`;
    const kinds: Record<number, GraphFailureKind> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 412: 'precondition_failed', 429: 'throttled' };
    const kind = kinds[response.status] ?? 'error';
    if (kind !== 'throttled') return { ok: false, kind, status: response.status, message };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now()) ?? 1000;
    return { ok: false, kind, status: 429, message, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  return {
    get: (token, paceKey, pathOrLink) => send('GET', token, paceKey, pathOrLink),
    patch: (token, paceKey, path, body, ifMatch) => send('PATCH', token, paceKey, path, body, ifMatch),
    get calls() {
      return calls;
    },
  };
}
