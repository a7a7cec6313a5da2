/**
 * Sends Teams activity feed notifications through Microsoft Graph (v1.0):
 * - bulk:   POST /teamwork/sendActivityNotificationToRecipients (≤ 100 recipients; 202 Accepted)
 * - single: POST /users/{userId}/teamwork/sendActivityNotification (204 No Content)
 * Requests, timeouts and the classification of failures are graph-http.ts's.
 *
 * `teamsAppId` is the id the tenant's app catalog gave Line of Sight (teamsApp.id, which for an app
 * published to the org catalog differs from the manifest id): Graph's reference names it "Teams app
 * ID" and uses the same id in `appCatalogs/teamsApps/{teamsAppId}`. See teams-app-catalog.ts.
 */
import { createGraphHttp, type GraphAnswer, type GraphHttp } from './graph-http.js';
import type { NotificationContent } from './outbox.js';
import type { GraphTokenProvider } from './graph-token.js';
import type { SendFailure } from './retry-policy.js';

export const MAX_BULK_RECIPIENTS = 100;

export interface GraphNotification {
  content: NotificationContent;
  chainId: number;
  /** The app's catalog id in the tenant; omitted only where no catalog is resolved (see drain.ts). */
  teamsAppId?: string;
}

export type SendOutcome = { ok: true } | ({ ok: false; status?: number; code?: string } & SendFailure);

export interface GraphClient {
  /** `beforeRequest` runs once the token is at hand, right before the request leaves (for pacing). */
  sendToRecipients(tenantId: string, notification: GraphNotification, userIds: readonly string[], beforeRequest?: () => Promise<void>): Promise<SendOutcome>;
  sendToUser(tenantId: string, notification: GraphNotification, userId: string, beforeRequest?: () => Promise<void>): Promise<SendOutcome>;
  /** The same Graph connection, for the app catalog and installation requests. */
  readonly http: GraphHttp;
}

export interface GraphClientConfig {
  /** https://graph.microsoft.com (GRAPH_BASE_URL) */
  baseUrl: string;
  tokens: GraphTokenProvider;
  timeoutMs?: number;
  now?: () => number;
}

function bodyFor(notification: GraphNotification) {
  const { content } = notification;
  return {
    topic: { source: 'text', value: content.topic, webUrl: content.webUrl },
    activityType: content.activityType,
    chainId: notification.chainId,
    previewText: { content: content.previewText },
    templateParameters: Object.entries(content.templateParameters).map(([name, value]) => ({ name, value })),
    ...(notification.teamsAppId ? { teamsAppId: notification.teamsAppId } : {}),
  };
}

const outcomeOf = (answer: GraphAnswer): SendOutcome => {
  if (answer.ok) return { ok: true };
  const { graphMessage: _message, ...failure } = answer;
  return failure;
};

export function createGraphClient(config: GraphClientConfig): GraphClient {
  const http = createGraphHttp(config);
  return {
    http,
    async sendToRecipients(tenantId, notification, userIds, beforeRequest) {
      if (userIds.length === 0 || userIds.length > MAX_BULK_RECIPIENTS) {
        throw new RangeError(`a bulk send takes 1 to ${MAX_BULK_RECIPIENTS} recipients, got ${userIds.length}`);
      }
      const recipients = userIds.map((userId) => ({ '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId }));
      return outcomeOf(await http.request(tenantId, 'POST', '/teamwork/sendActivityNotificationToRecipients', { ...bodyFor(notification), recipients }, beforeRequest));
    },
    async sendToUser(tenantId, notification, userId, beforeRequest) {
      return outcomeOf(await http.request(tenantId, 'POST', `/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`, bodyFor(notification), beforeRequest));
    },
  };
}
