/**
 * A loopback fake of Microsoft Graph and of the Entra ID endpoints the app uses, as one real HTTP
 * server: the token endpoint and admin consent (fake-entra.ts), the Teams activity feed
 * (activity-feed.ts) and group reads (groups.ts), answered as the services answer them, failures
 * included. Tenants declared in its directory (directory.ts) behave like real customer tenants:
 * consent, users, groups, app catalog and installed apps. Tenants it does not declare get tokens
 * with fixed roles (most tests need no more). `npm start` runs one with the demo tenants and
 * Northwind Traders; tests start their own and can tell it to misbehave (faults.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { activityFeedArea, type FeedEntry, type GraphCall } from './activity-feed.js';
import { createFakeDirectory, type FakeDirectory, type FakeGroups } from './directory.js';
import { createFakeEntra } from './fake-entra.js';
import { createFaults, createRateLimit, type Fault } from './faults.js';
import { graphError, type GraphArea, type GraphRequest } from './graph-context.js';
import { answerGroupsRequest } from './groups.js';
import { groupReadArea } from './group-read.js';
import { usersDeltaArea } from './users-delta.js';
import { teamsAppsArea } from './teams-apps.js';
import { groupListArea } from './group-list.js';
import type { TrustedUserTokens } from './fake-entra-delegated.js';
import { tasksArea } from './tasks-area.js';
import { findRepoRoot } from '../static-files.js';

export type { Fault, FaultKind } from './faults.js';
export type { FeedEntry, GraphCall } from './activity-feed.js';

export interface FakeGraphOptions {
  clientId?: string;
  /**
   * Roles of app tokens for tenants the directory does not declare (default: TeamsActivity.Send and
   * what finding and installing the app needs, AppCatalog.Read.All and TeamsAppInstallation.ReadWriteSelfForUser.All).
   */
  roles?: string[];
  /** Tenants the directory does not declare get no token (AADSTS90002), as for an unknown tenant. */
  refuseUndeclaredTenants?: boolean;
  /** Roles of app tokens for declared tenants that consented (default: every permission the app requests). */
  consentedRoles?: string[];
  tokenLifetimeSeconds?: number;
  /** Default: the types appPackage/manifest.json declares. */
  activityTypes?: string[];
  /** Requests per second per tenant (bulk, single); beyond it: 429 + Retry-After. Off when undefined. */
  rateLimit?: { bulk: number; single: number; tasks?: number };
  /** Groups of undeclared tenants' group reads (the token needs e.g. GroupMember.Read.All in `roles`). */
  groups?: FakeGroups;
  /** Users per page of a list or delta read (Graph's default is 100); small values exercise paging. */
  groupPageSize?: number;
  /** Items per page of Planner and To Do reads (default 20); small values exercise paging. */
  taskPageSize?: number;
  /** The customer tenants, their consent, people, groups and apps. */
  directory?: FakeDirectory;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface FakeGraph {
  baseUrl: string;
  authority: string;
  clientId: string;
  directory: FakeDirectory;
  calls: GraphCall[];
  readonly tokenRequests: number;
  /** Every group read, as "GET <path>" (with the tenant of the token that made it). */
  groupRequests: { tenantId: string; request: string }[];
  /** Every Graph request (not token or consent requests), as "METHOD <path>", with the W3C traceparent it carried. */
  requests: { tenantId: string; request: string; traceparent?: string }[];
  /** Every /users/delta request the fake answered (past faults), with its query string. */
  usersDeltaRequests: { tenantId: string; query: string }[];
  /** Users per page of list and delta reads from now on (the `groupPageSize` option's value). */
  setPageSize(size: number): void;
  inject(fault: Fault): void;
  clearFaults(): void;
  /** The SSO tokens the on-behalf-of grant accepts as assertions (the issuer the API trusts). */
  trustUserTokens(tokens: TrustedUserTokens): void;
  /** What each person sees in their activity feed: one entry per (recipient, chainId). */
  feed(tenantId?: string): FeedEntry[];
  /** Deliveries in total (counting replacements). */
  deliveryCount(): number;
  close(): Promise<void>;
}

/** The activity types appPackage/manifest.json declares: the only ones Graph accepts for the app. */
export function manifestActivityTypes(): string[] {
  const manifest = JSON.parse(readFileSync(join(findRepoRoot(), 'appPackage', 'manifest.json'), 'utf8')) as { activities?: { activityTypes?: { type: string }[] } };
  return (manifest.activities?.activityTypes ?? []).map((activity) => activity.type);
}

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

/** What a tenant the directory does not declare consented to, unless the test says otherwise. */
export const UNDECLARED_TENANT_ROLES = ['TeamsActivity.Send', 'AppCatalog.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'];

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const clientId = options.clientId ?? '11111111-2222-3333-4444-555555555555';
  const directory = options.directory ?? createFakeDirectory();
  const entra = createFakeEntra({
    clientId,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3599,
    undeclaredTenants: options.refuseUndeclaredTenants ? 'refuse' : { roles: options.roles ?? UNDECLARED_TENANT_ROLES },
    ...(options.consentedRoles ? { consentedRoles: options.consentedRoles } : {}),
  });
  const feed = new Map<string, FeedEntry>();
  const calls: GraphCall[] = [];
  const faults = createFaults();
  const overLimit = createRateLimit(options.rateLimit);
  const hanging = new Set<ServerResponse>();
  const stats = { deliveries: 0 };
  let pageSize = options.groupPageSize ?? 100;
  const usersDeltaRequests: { tenantId: string; query: string }[] = [];

  const groupsArea: GraphArea = (request) => {
    if (request.method !== 'GET') return false;
    const groups = request.tenant ? Object.fromEntries(request.tenant.groups) : options.groups;
    if (!groups) return false;
    const answer = answerGroupsRequest(request.url, request.baseUrl, groups, request.token?.roles ?? [], pageSize);
    if (!answer) return false;
    state.groupRequests.push({ tenantId: request.token?.tenantId ?? '?', request: `GET ${request.url.pathname}` });
    if (!request.token) request.send(401, graphError('InvalidAuthenticationToken', 'Access token is missing, invalid or expired'));
    else request.send(answer.status, answer.body);
    return true;
  };

  const teamsApps = teamsAppsArea();
  /** Graph's areas, tried in turn. */
  const graphAreas: GraphArea[] = [
    activityFeedArea({ activityTypes: options.activityTypes ?? manifestActivityTypes(), calls, feed, hanging, pickFault: (path) => faults.pick(path), overLimit, stats, inCatalog: teamsApps.inCatalog }),
    groupsArea,
    teamsApps.area,
    groupReadArea,
    usersDeltaArea({ pageSize: () => pageSize, requests: usersDeltaRequests }),
    groupListArea(() => options.groupPageSize ?? 100),
    tasksArea({ pageSize: options.taskPageSize ?? 20, overLimit }),
  ];

  /** A fault ordered for this path (other than the feed's, which applies them after checking the body). */
  function answeredByFault(request: GraphRequest): boolean {
    if (request.url.pathname.includes('/teamwork/sendActivityNotification')) return false;
    const fault = faults.pick(request.url.pathname, request.method);
    if (!fault) return false;
    if (fault.kind === 'hang') hanging.add(request.res);
    else if (fault.kind === 'drop') request.req.socket.destroy();
    else if (fault.kind === 'throttle') request.send(429, graphError('TooManyRequests', 'throttled'), { 'retry-after': fault.retryAfter ?? '1' });
    else request.send(503, graphError('ServiceUnavailable', 'try later'));
    return true;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let body: Promise<string> | undefined;
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const issued = entra.tokens.get(bearer);
    const token = issued && issued.expiresAtMs > Date.now() ? issued : undefined;
    const request: GraphRequest = {
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      baseUrl: base,
      token,
      tenant: token ? directory.tenant(token.tenantId) : undefined,
      directory,
      send: (status, responseBody, headers) => send(res, status, responseBody, headers),
      readBody: () => (body ??= readBody(req)),
    };
    if (await entra.area(request)) return;
    if (url.pathname.startsWith('/v1.0/')) {
      const traceparent = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
      state.requests.push({ tenantId: token?.tenantId ?? '?', request: `${request.method} ${url.pathname}`, ...(traceparent ? { traceparent } : {}) });
      if (answeredByFault(request)) return;
      for (const area of graphAreas) if (await area(request)) return;
    }
    send(res, 404, graphError('NotFound', `No such resource: ${url.pathname}`));
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const state: FakeGraph = {
    baseUrl: base,
    authority: base,
    clientId,
    directory,
    calls,
    get tokenRequests() {
      return entra.tokenRequests();
    },
    groupRequests: [],
    requests: [],
    usersDeltaRequests,
    setPageSize(size) {
      pageSize = size;
    },
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    trustUserTokens: (tokens) => entra.delegated.trust(tokens),
    feed(tenantId) {
      return [...feed.values()].filter((entry) => tenantId === undefined || entry.tenantId === tenantId);
    },
    deliveryCount: () => stats.deliveries,
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
