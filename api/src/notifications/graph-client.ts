/**
 * Sends Teams activity feed notifications through Microsoft Graph (v1.0):
 * - bulk:   POST /teamwork/sendActivityNotificationToRecipients (≤ 100 recipients; 202 Accepted)
 * - single: POST /users/{userId}/teamwork/sendActivityNotification (204 No Content)
 * Every request has a timeout (a hung connection is a transient failure, not a stuck drain), and
 * every outcome is classified for the retry policy: 429 throttled (with Retry-After), 5xx /
 * network / timeout transient, other 4xx permanent. 401 and 412 (the bulk call's "token has less
 * than 45 minutes left") drop the cached token and count as transient: the next try gets a new one.
 */
import type { NotificationContent } from './outbox.js';
import type { GraphTokenProvider } from './graph-token.js';
import { parseRetryAfter, type SendFailure } from './retry-policy.js';

export const MAX_BULK_RECIPIENTS = 100;

export interface GraphNotification {
  content: NotificationContent;
  chainId: number;
}

export type SendOutcome = { ok: true } | ({ ok: false } & SendFailure);

export interface GraphClient {
  /** `beforeRequest` runs once the token is at hand, right before the request leaves (for pacing). */
  sendToRecipients(tenantId: string, notification: GraphNotification, userIds: readonly string[], beforeRequest?: () => Promise<void>): Promise<SendOutcome>;
  sendToUser(tenantId: string, notification: GraphNotification, userId: string, beforeRequest?: () => Promise<void>): Promise<SendOutcome>;
}

export interface GraphClientConfig {
  /** https://graph.microsoft.com (GRAPH_BASE_URL) */
  baseUrl: string;
  tokens: GraphTokenProvider;
  timeoutMs?: number;
  /** Optional: the Teams app id, to disambiguate when several apps share the Entra app id. */
  teamsAppId?: string;
  now?: () => number;
}

function bodyFor(notification: GraphNotification, teamsAppId: string | undefined) {
  const { content } = notification;
  return {
    topic: { source: 'text', value: content.topic, webUrl: content.webUrl },
    activityType: content.activityType,
    chainId: notification.chainId,
    previewText: { content: content.previewText },
    templateParameters: Object.entries(content.templateParameters).map(([name, value]) => ({ name, value })),
    ...(teamsAppId ? { teamsAppId } : {}),
  };
}

export function createGraphClient(config: GraphClientConfig): GraphClient {
  const base = `${config.baseUrl.replace(/\/$/, '')}/v1.0`;
  const now = config.now ?? Date.now;

  async function post(tenantId: string, path: string, body: unknown, beforeRequest?: () => Promise<void>): Promise<SendOutcome> {
    let token: string;
    try {
      token = await config.tokens.get(tenantId);
    } catch (error) {
      return { ok: false, kind: 'transient', message: `no app token: ${(error as Error).message}` };
    }
    await beforeRequest?.();
    let response: Response;
    try {
      response = await fetch(base + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      const name = (error as Error).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return { ok: false, kind: 'transient', message: timedOut ? 'Graph did not answer in time' : `network error: ${(error as Error).message}` };
    }
    // Read the body so the connection can be reused; its text is kept as the reason on failure.
    const text = await response.text().catch(() => '');
    if (response.ok) return { ok: true };
    const detail = `Graph ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`;
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      return { ok: false, kind: 'throttled', message: detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    if (response.status === 401 || response.status === 412) {
      config.tokens.invalidate(tenantId);
      return { ok: false, kind: 'transient', message: detail };
    }
    if (response.status >= 500 || response.status === 408) return { ok: false, kind: 'transient', message: detail };
    return { ok: false, kind: 'permanent', message: detail };
  }

  return {
    sendToRecipients(tenantId, notification, userIds, beforeRequest) {
      if (userIds.length === 0 || userIds.length > MAX_BULK_RECIPIENTS) {
        throw new RangeError(`a bulk send takes 1 to ${MAX_BULK_RECIPIENTS} recipients, got ${userIds.length}`);
      }
      const recipients = userIds.map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));
      return post(tenantId, '/teamwork/sendActivityNotificationToRecipients', { ...bodyFor(notification, config.teamsAppId), recipients }, beforeRequest);
    },
    sendToUser(tenantId, notification, userId, beforeRequest) {
      return post(tenantId, `/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`, bodyFor(notification, config.teamsAppId), beforeRequest);
    },
  };
}
