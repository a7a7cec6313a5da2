/**
 * GET /v1.0/users/delta of the loopback fake Graph, answered from the tenant's change log as Graph
 * answers it: the first round lists every user; each later round (from an @odata.deltaLink) lists
 * the users changed since, a deleted one as `{ id, "@removed": { reason: "changed" } }` (Graph keeps
 * deleted users in the recycle bin, hence "changed"). `$select` picks the properties, `$expand=manager`
 * adds `manager@delta`. Pages of at most `pageSize()` users follow each other by @odata.nextLink
 * (`$skiptoken`); the last page carries the @odata.deltaLink (`$deltatoken`) for the next round. Both
 * tokens are opaque, carry the query, and are refused once expired or when not the fake's own: 400
 * `syncStateNotFound`, as Graph answers a delta token older than seven days. Needs User.Read.All (or
 * Directory.Read.All): 403 without.
 */
import type { FakeTenant, FakeUser } from './directory.js';
import { graphError, refuseWithoutRole, type GraphArea } from './graph-context.js';

export const USER_READ_ROLES = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];

/** What a token remembers: the round's start and end in the change log, the page, the query. */
interface DeltaState {
  generation: number;
  /** Changes after this position are in the round (0: the first round, everyone). */
  since: number;
  /** The change log's length when the round started: later changes wait for the next round. */
  upTo: number;
  offset: number;
  select: string[];
  expandManager: boolean;
}

const encode = (state: DeltaState) => Buffer.from(JSON.stringify(state)).toString('base64url');

function decode(token: string, tenant: FakeTenant): DeltaState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    const valid = state.generation === tenant.deltaGeneration && Number.isInteger(state.since) && Number.isInteger(state.upTo) && state.upTo <= tenant.changes.length && Array.isArray(state.select);
    return valid ? state : undefined;
  } catch {
    return undefined;
  }
}

const PROPERTIES: Record<string, (user: FakeUser) => unknown> = {
  displayName: (user) => user.displayName,
  userPrincipalName: (user) => user.userPrincipalName,
  mail: (user) => user.mail ?? null,
  department: (user) => user.department ?? null,
  jobTitle: (user) => user.jobTitle ?? null,
  accountEnabled: (user) => user.accountEnabled ?? true,
  preferredLanguage: (user) => user.preferredLanguage ?? null,
};

function entryFor(tenant: FakeTenant, userId: string, state: DeltaState): Record<string, unknown> {
  const user = tenant.users.get(userId);
  if (!user) return { id: userId, '@removed': { reason: 'changed' } };
  const entry: Record<string, unknown> = { id: user.id };
  for (const name of state.select) if (PROPERTIES[name]) entry[name] = PROPERTIES[name](user);
  if (state.expandManager) entry['manager@delta'] = user.managerId ? [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }] : [];
  return entry;
}

/** The user ids of a round, each once, in the order they first changed. */
function idsOfRound(tenant: FakeTenant, state: DeltaState): string[] {
  if (state.since === 0) return [...tenant.users.keys()];
  const ids = new Set<string>();
  for (const change of tenant.changes.slice(state.since, state.upTo)) if (change.kind === 'user') ids.add(change.id);
  return [...ids];
}

export function usersDeltaArea(options: { pageSize: () => number; requests: { tenantId: string; query: string }[] }): GraphArea {
  return (request) => {
    if (request.method !== 'GET' || request.url.pathname !== '/v1.0/users/delta') return false;
    if (refuseWithoutRole(request, USER_READ_ROLES)) return true;
    const tenant = request.tenant;
    if (!tenant) {
      request.send(403, graphError('Authorization_RequestDenied', 'The tenant has not consented to the application.'));
      return true;
    }
    options.requests.push({ tenantId: tenant.id, query: request.url.search });
    const params = request.url.searchParams;
    const token = params.get('$skiptoken') ?? params.get('$deltatoken');
    let state: DeltaState | undefined;
    if (token === null) {
      state = {
        generation: tenant.deltaGeneration,
        since: 0,
        upTo: tenant.changes.length,
        offset: 0,
        select: (params.get('$select') ?? 'displayName,userPrincipalName,mail').split(','),
        expandManager: (params.get('$expand') ?? '').split(',').includes('manager'),
      };
    } else {
      state = decode(token, tenant);
      if (!state) {
        request.send(400, graphError('syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.'));
        return true;
      }
      // A delta link starts the next round: what changed after the last one ended, up to now.
      if (params.has('$deltatoken')) state = { ...state, since: state.upTo, upTo: tenant.changes.length, offset: 0 };
    }

    const ids = idsOfRound(tenant, state);
    const size = Math.max(1, options.pageSize());
    const page = ids.slice(state.offset, state.offset + size).map((id) => entryFor(tenant, id, state));
    const body: Record<string, unknown> = { '@odata.context': `${request.baseUrl}/v1.0/$metadata#users`, value: page };
    const link = (name: '$skiptoken' | '$deltatoken', next: DeltaState) => `${request.baseUrl}/v1.0/users/delta?${name}=${encode(next)}`;
    if (state.offset + size < ids.length) body['@odata.nextLink'] = link('$skiptoken', { ...state, offset: state.offset + size });
    else body['@odata.deltaLink'] = link('$deltatoken', { ...state, offset: 0 });
    request.send(200, body);
    return true;
  };
}
