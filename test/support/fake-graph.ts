/**
 * A loopback fake of the Entra token endpoint and of Microsoft Graph's Teams activity feed API,
 * as a real HTTP server. It checks what the real services check (bearer token audience, role
 * TeamsActivity.Send, ≥ 45 minutes left for the bulk call, body shape, ≤ 100 recipients, webUrl
 * under 1,024 characters, declared activity types), enforces a rate limit per tenant like Graph,
 * records every delivery by (tenant, recipient, chainId) — a repeat with the same chainId REPLACES
 * the notification in the feed, as Graph does — and can be told to misbehave. With `groups` it also
 * answers group member and owner reads (fake-graph-groups.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGroupsRequest, type FakeGroups } from './fake-graph-groups.js';

export type FaultKind = 'throttle' | 'fail' | 'hang' | 'drop';
export interface Fault {
  kind: FaultKind;
  /** Applies to the next `count` Graph calls... */
  count?: number;
  /** ...or to this fraction of them (deterministic pseudo-random). */
  fraction?: number;
  /** 429 only: the Retry-After header value (seconds, or an HTTP date). */
  retryAfter?: string;
}

export interface FeedEntry {
  tenantId: string;
  userId: string;
  chainId: number | undefined;
  activityType: string;
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
}

export interface FakeGraphOptions {
  clientId?: string;
  roles?: string[];
  tokenLifetimeSeconds?: number;
  activityTypes?: string[];
  /** Requests per second per tenant (bulk, single); beyond it: 429 + Retry-After. Off when undefined. */
  rateLimit?: { bulk: number; single: number };
  /** Entra groups the group reads answer from (the token needs e.g. GroupMember.Read.All in `roles`). */
  groups?: FakeGroups;
  /** Users per page of a group read (Graph's default is 100); small values exercise paging. */
  groupPageSize?: number;
}

export interface FakeGraph {
  baseUrl: string;
  authority: string;
  clientId: string;
  calls: GraphCall[];
  tokenRequests: number;
  /** Every group read, as "GET <path>" (with the tenant of the token that made it). */
  groupRequests: { tenantId: string; request: string }[];
  inject(fault: Fault): void;
  clearFaults(): void;
  /** What each person sees in their activity feed: one entry per (recipient, chainId). */
  feed(tenantId?: string): FeedEntry[];
  /** Deliveries in total (counting replacements). */
  deliveryCount(): number;
  close(): Promise<void>;
}

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const RECIPIENT_TYPE = 'microsoft.graph.aadUserNotificationRecipient';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const graphError = (code: string, message: string) => ({ error: { code, message } });

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

function manifestActivityTypes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../appPackage/manifest.json', import.meta.url), 'utf8')) as { activities?: { activityTypes?: { type: string }[] } };
  return (manifest.activities?.activityTypes ?? []).map((entry) => entry.type);
}

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const clientId = options.clientId ?? '11111111-2222-3333-4444-555555555555';
  // By default exactly what the app package declares: a notification of an undeclared type is refused, as Teams does.
  const activityTypes = options.activityTypes ?? manifestActivityTypes();
  const tokens = new Map<string, { tenantId: string; expiresAtMs: number; roles: string[]; audience: string }>();
  const feed = new Map<string, FeedEntry>();
  const calls: GraphCall[] = [];
  let faults: (Fault & { left?: number })[] = [];
  let seed = 42;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const hanging = new Set<ServerResponse>();
  let deliveries = 0;

  const nextRandom = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  function pickFault(): Fault | undefined {
    for (const fault of faults) {
      if (fault.left !== undefined && fault.left > 0) {
        fault.left -= 1;
        return fault;
      }
      if (fault.fraction !== undefined && nextRandom() < fault.fraction) return fault;
    }
    return undefined;
  }

  /**
   * Per tenant and kind, a token bucket like Graph's own throttling: `limit` requests a second,
   * holding at most one second's worth.
   */
  function overLimit(tenantId: string, kind: 'bulk' | 'single'): boolean {
    const limit = options.rateLimit?.[kind];
    if (limit === undefined) return false;
    const key = `${tenantId}|${kind}`;
    const nowMs = Date.now();
    const bucket = buckets.get(key) ?? { tokens: limit, at: nowMs };
    bucket.tokens = Math.min(limit, bucket.tokens + ((nowMs - bucket.at) * limit) / 1000);
    bucket.at = nowMs;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }

  async function tokenEndpoint(req: IncomingMessage, res: ServerResponse, tenantId: string): Promise<void> {
    state.tokenRequests += 1;
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== 'client_credentials') return send(res, 400, { error: 'unsupported_grant_type' });
    if (form.get('client_id') !== clientId) return send(res, 400, { error: 'unauthorized_client' });
    if (form.get('scope') !== `${GRAPH_AUDIENCE}/.default`) return send(res, 400, { error: 'invalid_scope' });
    const hasAssertion = form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' && Boolean(form.get('client_assertion'));
    if (!hasAssertion) return send(res, 401, { error: 'invalid_client' });
    const lifetime = options.tokenLifetimeSeconds ?? 3599;
    const token = `fake-graph-token-${tokens.size + 1}-${tenantId}`;
    tokens.set(token, { tenantId, expiresAtMs: Date.now() + lifetime * 1000, roles: options.roles ?? ['TeamsActivity.Send'], audience: GRAPH_AUDIENCE });
    send(res, 200, { token_type: 'Bearer', expires_in: lifetime, access_token: token });
  }

  async function graphEndpoint(req: IncomingMessage, res: ServerResponse, kind: 'bulk' | 'single', singleUserId?: string): Promise<void> {
    const raw = await readBody(req);
    const token = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const call: GraphCall = { tenantId: token?.tenantId ?? '?', kind, recipients: 0, status: 0, at: Date.now() };
    calls.push(call);
    const answer = (status: number, body?: unknown, headers?: Record<string, string>) => ((call.status = status), send(res, status, body, headers));
    if (!token || token.expiresAtMs <= Date.now() || token.audience !== GRAPH_AUDIENCE) return answer(401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired'));
    if (!token.roles.includes('TeamsActivity.Send')) return answer(403, graphError('Forbidden', 'Missing role TeamsActivity.Send'));
    if (kind === 'bulk' && token.expiresAtMs - Date.now() < 45 * 60_000) return answer(412, graphError('PreconditionFailed', 'Token must be at least 45 minutes from expiry'));
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return answer(400, graphError('BadRequest', 'body is not JSON'));
    }
    const problem = bodyProblem(body, activityTypes, kind === 'bulk');
    if (problem) return answer(400, graphError('BadRequest', problem));
    const fault = pickFault();
    if (fault?.kind === 'hang') {
      call.status = 'hang';
      hanging.add(res);
      return;
    }
    if (fault?.kind === 'drop') {
      call.status = 'drop';
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'throttle') return (call.reason = 'injected'), answer(429, graphError('TooManyRequests', 'throttled'), { 'retry-after': fault.retryAfter ?? '1' });
    if (fault?.kind === 'fail') return answer(503, graphError('ServiceUnavailable', 'try later'));
    if (overLimit(token.tenantId, kind)) return (call.reason = 'rate limit'), answer(429, graphError('TooManyRequests', 'rate limit'), { 'retry-after': '1' });

    const userIds = kind === 'bulk' ? (body.recipients as { userId: string }[]).map((r) => r.userId) : [singleUserId!];
    call.recipients = userIds.length;
    const parameters = Object.fromEntries((body.templateParameters as { name: string; value: string }[]).map((p) => [p.name, p.value]));
    for (const userId of userIds) {
      deliveries += 1;
      const chainId = body.chainId as number | undefined;
      const key = `${token.tenantId}|${userId}|${chainId ?? `unchained-${deliveries}`}`;
      const topic = body.topic as { webUrl: string };
      const previous = feed.get(key);
      feed.set(key, { tenantId: token.tenantId, userId, chainId, activityType: body.activityType as string, webUrl: topic.webUrl, templateParameters: parameters, deliveries: (previous?.deliveries ?? 0) + 1 });
    }
    answer(kind === 'bulk' ? 202 : 204);
  }

  function groupsEndpoint(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (req.method !== 'GET' || !options.groups) return false;
    const token = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const answer = answerGroupsRequest(url, base, options.groups, token?.roles ?? [], options.groupPageSize ?? 100);
    if (!answer) return false;
    state.groupRequests.push({ tenantId: token?.tenantId ?? '?', request: `GET ${url.pathname}` });
    if (!token || token.expiresAtMs <= Date.now()) send(res, 401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired'));
    else send(res, answer.status, answer.body);
    return true;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    const singleMatch = /^\/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path);
    let handling: Promise<void>;
    if (req.method === 'POST' && tokenMatch) handling = tokenEndpoint(req, res, decodeURIComponent(tokenMatch[1]!));
    else if (req.method === 'POST' && path === '/v1.0/teamwork/sendActivityNotificationToRecipients') handling = graphEndpoint(req, res, 'bulk');
    else if (req.method === 'POST' && singleMatch) handling = graphEndpoint(req, res, 'single', decodeURIComponent(singleMatch[1]!));
    else if (groupsEndpoint(req, res, url)) handling = Promise.resolve();
    else handling = Promise.resolve(send(res, 404, graphError('NotFound', path)));
    handling.catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: FakeGraph = {
    baseUrl: base,
    authority: base,
    clientId,
    calls,
    tokenRequests: 0,
    groupRequests: [],
    inject(fault) {
      faults.push({ ...fault, ...(fault.count !== undefined ? { left: fault.count } : {}) });
    },
    clearFaults() {
      faults = [];
    },
    feed(tenantId) {
      return [...feed.values()].filter((entry) => tenantId === undefined || entry.tenantId === tenantId);
    },
    deliveryCount: () => deliveries,
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return state;
}
