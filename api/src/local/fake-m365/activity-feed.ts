/**
 * The Teams activity feed of the fake Graph: POST /teamwork/sendActivityNotificationToRecipients (bulk,
 * ≤ 100 recipients, answers 202) and POST /users/{id}/teamwork/sendActivityNotification (204). It
 * checks what Graph checks (token audience, role TeamsActivity.Send, ≥ 45 minutes left for the bulk
 * call, body shape, webUrl under 1,024 characters, declared activity types), throttles per tenant,
 * and records each delivery by (tenant, recipient, chainId): a repeat with the same chainId REPLACES
 * the feed item, as Graph does.
 *
 * A `teamsAppId` must be the id the tenant's app catalog gave the app (see teams-apps.ts), else 400.
 * In a declared tenant Teams delivers only to people who have the app installed: a single send to
 * anyone else answers 404, and the bulk call accepts the request (202) but delivers nothing to them,
 * as Graph does (it reports no per-recipient outcome).
 */
import type { ServerResponse } from 'node:http';
import { GRAPH_AUDIENCE, graphError, type GraphArea, type GraphRequest } from './graph-context.js';
import type { FakeTenant } from './directory.js';
import type { Fault } from './faults.js';

export interface FeedEntry {
  tenantId: string;
  userId: string;
  chainId: number | undefined;
  activityType: string;
  /** topic.value and previewText.content, as the recipient sees them. */
  topic: string;
  previewText: string;
  webUrl: string;
  templateParameters: Record<string, string>;
  /** How many times this (recipient, chainId) was delivered; > 1 means later sends replaced it. */
  deliveries: number;
}

export interface GraphCall {
  tenantId: string;
  kind: 'bulk' | 'single';
  recipients: number;
  status: number | 'hang' | 'drop';
  /** Arrival time (Date.now()). */
  at: number;
  reason?: string;
  /** Recipients of an accepted call who got nothing because the app is not installed for them. */
  undelivered?: string[];
}

export interface ActivityFeedDependencies {
  activityTypes: readonly string[];
  calls: GraphCall[];
  feed: Map<string, FeedEntry>;
  hanging: Set<ServerResponse>;
  pickFault(path: string): Fault | undefined;
  overLimit(tenantId: string, kind: 'bulk' | 'single'): boolean;
  /** Deliveries so far (counting replacements). */
  stats: { deliveries: number };
  /** Whether an id is an app in the tenant's catalog: the only `teamsAppId` Graph accepts. */
  inCatalog(tenantId: string, tenant: FakeTenant | undefined, teamsAppId: string): boolean;
}

const RECIPIENT_TYPE = 'microsoft.graph.aadUserNotificationRecipient';

/** Returns the problem with a notification body, or undefined when it is well formed. */
function bodyProblem(body: Record<string, unknown>, activityTypes: readonly string[], bulk: boolean): string | undefined {
  const topic = body.topic as { source?: unknown; value?: unknown; webUrl?: unknown } | undefined;
  if (!topic || topic.source !== 'text' || typeof topic.value !== 'string' || topic.value === '') return 'topic must be {source:"text", value}';
  if (typeof topic.webUrl !== 'string' || !topic.webUrl.startsWith('https://')) return 'topic.webUrl is required with source "text"';
  if (topic.webUrl.length >= 1024) return 'topic.webUrl is 1024 characters or longer';
  if (typeof body.activityType !== 'string' || !activityTypes.includes(body.activityType)) return `activityType ${String(body.activityType)} is not declared in the manifest`;
  if (body.chainId !== undefined && !Number.isSafeInteger(body.chainId)) return 'chainId must be an Int64';
  const preview = body.previewText as { content?: unknown } | undefined;
  if (!preview || typeof preview.content !== 'string') return 'previewText.content is required';
  const parameters = body.templateParameters;
  if (!Array.isArray(parameters) || parameters.some((p) => typeof p?.name !== 'string' || typeof p?.value !== 'string')) return 'templateParameters must be [{name, value}]';
  if (!bulk) return body.recipients === undefined ? undefined : 'recipients is not a parameter of sendActivityNotification';
  const recipients = body.recipients;
  if (!Array.isArray(recipients) || recipients.length === 0) return 'recipients is required';
  if (recipients.length > 100) return 'at most 100 recipients per request';
  if (recipients.some((r) => r?.['@odata.type'] !== RECIPIENT_TYPE || typeof r?.userId !== 'string')) return 'recipients must be aadUserNotificationRecipient with userId';
  return undefined;
}

/** Whether Teams would deliver to the user: always in an undeclared tenant, else only with the app installed. */
function reachable(tenant: FakeTenant | undefined, userId: string): boolean {
  if (!tenant) return true;
  const installed = tenant.installedApps.get(userId);
  return Boolean(installed && tenant.catalog.some((app) => installed.has(app.id)));
}

export function activityFeedArea(deps: ActivityFeedDependencies): GraphArea {
  async function handle(request: GraphRequest, kind: 'bulk' | 'single', singleUserId?: string): Promise<void> {
    const raw = await request.readBody();
    const token = request.token;
    const call: GraphCall = { tenantId: token?.tenantId ?? '?', kind, recipients: 0, status: 0, at: Date.now() };
    deps.calls.push(call);
    const answer = (status: number, body?: unknown, headers?: Record<string, string>) => ((call.status = status), request.send(status, body, headers));
    if (!token || token.audience !== GRAPH_AUDIENCE) return answer(401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired'));
    if (!token.roles.includes('TeamsActivity.Send')) return answer(403, graphError('Forbidden', 'Missing role TeamsActivity.Send'));
    if (kind === 'bulk' && token.expiresAtMs - Date.now() < 45 * 60_000) return answer(412, graphError('PreconditionFailed', 'Token must be at least 45 minutes from expiry'));
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return answer(400, graphError('BadRequest', 'body is not JSON'));
    }
    const problem = bodyProblem(body, deps.activityTypes, kind === 'bulk');
    if (problem) return answer(400, graphError('BadRequest', problem));
    // teamsAppId is the catalog's id of the app (teamsApp.id), which for an app published to the org
    // catalog is not the manifest id: anything else names no installed app.
    if (body.teamsAppId !== undefined && (typeof body.teamsAppId !== 'string' || !deps.inCatalog(token.tenantId, request.tenant, body.teamsAppId))) {
      call.reason = 'unknown teamsAppId';
      return answer(400, graphError('BadRequest', `teamsAppId '${String(body.teamsAppId)}' is not the id of an app in the tenant's app catalog.`));
    }
    const fault = deps.pickFault(request.url.pathname);
    if (fault?.kind === 'hang') {
      call.status = 'hang';
      deps.hanging.add(request.res);
      return;
    }
    if (fault?.kind === 'drop') {
      call.status = 'drop';
      request.req.socket.destroy();
      return;
    }
    if (fault?.kind === 'throttle') return (call.reason = 'injected'), answer(429, graphError('TooManyRequests', 'throttled'), { 'retry-after': fault.retryAfter ?? '1' });
    if (fault?.kind === 'fail') return answer(503, graphError('ServiceUnavailable', 'try later'));
    if (deps.overLimit(token.tenantId, kind)) return (call.reason = 'rate limit'), answer(429, graphError('TooManyRequests', 'rate limit'), { 'retry-after': '1' });

    const userIds = kind === 'bulk' ? (body.recipients as { userId: string }[]).map((r) => r.userId) : [singleUserId!];
    if (kind === 'single' && !reachable(request.tenant, singleUserId!)) {
      call.reason = 'app not installed';
      return answer(404, graphError('NotFound', 'The recipient does not have the Teams app installed.'));
    }
    call.recipients = userIds.length;
    const parameters = Object.fromEntries((body.templateParameters as { name: string; value: string }[]).map((p) => [p.name, p.value]));
    for (const userId of userIds) {
      if (!reachable(request.tenant, userId)) {
        (call.undelivered ??= []).push(userId);
        continue;
      }
      deps.stats.deliveries += 1;
      const chainId = body.chainId as number | undefined;
      const key = `${token.tenantId}|${userId}|${chainId ?? `unchained-${deps.stats.deliveries}`}`;
      const topic = body.topic as { value: string; webUrl: string };
      const previewText = (body.previewText as { content: string }).content;
      const previous = deps.feed.get(key);
      deps.feed.set(key, { tenantId: token.tenantId, userId, chainId, activityType: body.activityType as string, topic: topic.value, previewText, webUrl: topic.webUrl, templateParameters: parameters, deliveries: (previous?.deliveries ?? 0) + 1 });
    }
    answer(kind === 'bulk' ? 202 : 204);
  }

  return (request) => {
    if (request.method !== 'POST') return false;
    const path = request.url.pathname;
    if (path === '/v1.0/teamwork/sendActivityNotificationToRecipients') return handle(request, 'bulk').then(() => true);
    const single = /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path);
    if (single) return handle(request, 'single', decodeURIComponent(single[1]!)).then(() => true);
    return false;
  };
}
