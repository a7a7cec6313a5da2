/**
 * The Teams app catalog and personal app installations of the fake Graph, answered as Graph's
 * reference describes them:
 * - GET /v1.0/appCatalogs/teamsApps?$filter=externalId eq '{manifest id}' (or `id eq`, joined by `or`):
 *   the catalog's `id` differs from the manifest id, which is its `externalId` (AppCatalog.Read.All);
 * - GET /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalog id}':
 *   [] when not installed, one installation when it is; 404 for an unknown user;
 * - POST /v1.0/users/{id}/teamwork/installedApps with `teamsApp@odata.bind` to the catalog app: 201;
 *   409 when already installed; 404 for an unknown user or an app not in the catalog; 403 when the
 *   org's app permission policy blocks the app for the user or the account is disabled, or without
 *   TeamsAppInstallation.ReadWriteSelfForUser.All.
 *
 * A tenant the directory does not declare (the older tests' mode) has the app published and
 * installed for everyone: its catalog answers any manifest id with an id derived from it.
 */
import { createHash } from 'node:crypto';
import type { FakeTenant } from './directory.js';
import { graphError, refuseWithoutRole, type GraphArea, type GraphRequest } from './graph-context.js';

const CATALOG_READ = ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All'];
const INSTALLATION_READ = ['TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'];
const INSTALLATION_WRITE = ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'];

const INSTALLED_APPS = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/;

export interface TeamsAppsArea {
  area: GraphArea;
  /** Whether `teamsAppId` is an app in the tenant's catalog (what the activity feed accepts). */
  inCatalog(tenantId: string, tenant: FakeTenant | undefined, teamsAppId: string): boolean;
}

interface CatalogEntry {
  id: string;
  externalId: string;
  displayName: string;
  distributionMethod: 'organization';
}

/** The catalog id of the app in a tenant the directory does not declare: stable, never the manifest id. */
export function undeclaredCatalogAppId(tenantId: string, externalId: string): string {
  const hex = createHash('sha256').update(`${tenantId}|${externalId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `externalId eq 'x' or id eq 'y'`: the comparisons, or undefined when the filter says anything else. */
function parseCatalogFilter(filter: string): { field: 'externalId' | 'id'; value: string }[] | undefined {
  const parts = filter.split(/\s+or\s+/);
  const parsed = parts.map((part) => /^\s*\(?\s*(externalId|id)\s+eq\s+'([^']*)'\s*\)?\s*$/.exec(part));
  if (parsed.some((match) => !match)) return undefined;
  return parsed.map((match) => ({ field: match![1] as 'externalId' | 'id', value: match![2]! }));
}

export function teamsAppsArea(): TeamsAppsArea {
  /** Per undeclared tenant, the catalog it has answered (externalId → entry). */
  const undeclared = new Map<string, Map<string, CatalogEntry>>();
  const undeclaredCatalog = (tenantId: string) => {
    let catalog = undeclared.get(tenantId);
    if (!catalog) undeclared.set(tenantId, (catalog = new Map()));
    return catalog;
  };

  function catalogOf(request: GraphRequest, ask: { field: 'externalId' | 'id'; value: string }[]): CatalogEntry[] {
    const tenantId = request.token!.tenantId;
    if (request.tenant) {
      return request.tenant.catalog
        .filter((app) => ask.some((a) => (a.field === 'id' ? app.id : app.externalId) === a.value))
        .map((app) => ({ ...app, distributionMethod: 'organization' as const }));
    }
    const catalog = undeclaredCatalog(tenantId);
    for (const a of ask) {
      if (a.field === 'externalId' && !catalog.has(a.value)) {
        catalog.set(a.value, { id: undeclaredCatalogAppId(tenantId, a.value), externalId: a.value, displayName: 'Line of Sight', distributionMethod: 'organization' });
      }
    }
    return [...catalog.values()].filter((app) => ask.some((a) => (a.field === 'id' ? app.id : app.externalId) === a.value));
  }

  const inCatalog: TeamsAppsArea['inCatalog'] = (tenantId, tenant, teamsAppId) =>
    tenant ? tenant.catalog.some((app) => app.id === teamsAppId) : [...(undeclared.get(tenantId)?.values() ?? [])].some((app) => app.id === teamsAppId);

  function listCatalog(request: GraphRequest): void {
    if (refuseWithoutRole(request, CATALOG_READ)) return;
    const ask = parseCatalogFilter(request.url.searchParams.get('$filter') ?? '');
    if (!ask) return request.send(400, graphError('BadRequest', 'The fake supports $filter=externalId eq \'…\' and id eq \'…\', joined by or.'));
    request.send(200, { '@odata.context': `${request.baseUrl}/v1.0/$metadata#appCatalogs/teamsApps`, value: catalogOf(request, ask) });
  }

  function installedFor(request: GraphRequest, userId: string): Set<string> | undefined {
    const tenant = request.tenant;
    if (!tenant) return new Set([...(undeclared.get(request.token!.tenantId)?.values() ?? [])].map((app) => app.id));
    if (!tenant.users.has(userId)) return undefined;
    return tenant.installedApps.get(userId) ?? new Set();
  }

  const userNotFound = (request: GraphRequest, userId: string) =>
    request.send(404, graphError('Request_ResourceNotFound', `Resource '${userId}' does not exist or one of its queried reference-property objects are not present.`));

  function listInstalled(request: GraphRequest, userId: string): void {
    if (refuseWithoutRole(request, INSTALLATION_READ)) return;
    const filter = /^teamsApp\/id eq '([^']*)'$/.exec(request.url.searchParams.get('$filter') ?? '');
    if (!filter) return request.send(400, graphError('BadRequest', 'The fake supports $filter=teamsApp/id eq \'…\' only.'));
    const installed = installedFor(request, userId);
    if (!installed) return userNotFound(request, userId);
    const appId = filter[1]!;
    const app = installed.has(appId) ? catalogOf(request, [{ field: 'id', value: appId }])[0] : undefined;
    const expand = (request.url.searchParams.get('$expand') ?? '').split(',').includes('teamsApp');
    const value = app ? [{ id: Buffer.from(`${userId}##${app.id}`).toString('base64'), ...(expand ? { teamsApp: app } : {}) }] : [];
    request.send(200, { '@odata.context': `${request.baseUrl}/v1.0/$metadata#users('${userId}')/teamwork/installedApps`, value });
  }

  async function install(request: GraphRequest, userId: string): Promise<void> {
    if (refuseWithoutRole(request, INSTALLATION_WRITE)) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await request.readBody()) as Record<string, unknown>;
    } catch {
      return request.send(400, graphError('BadRequest', 'body is not JSON'));
    }
    const bind = /\/v1\.0\/appCatalogs\/teamsApps\/([^/?#]+)$/.exec(String(body['teamsApp@odata.bind'] ?? ''));
    if (!bind) return request.send(400, graphError('BadRequest', 'teamsApp@odata.bind must reference /appCatalogs/teamsApps/{id}'));
    const appId = decodeURIComponent(bind[1]!);
    const installed = installedFor(request, userId);
    if (!installed) return userNotFound(request, userId);
    const tenant = request.tenant;
    if (!inCatalog(request.token!.tenantId, tenant, appId)) return request.send(404, graphError('NotFound', `The Teams app '${appId}' was not found in the app catalog.`));
    if (installed.has(appId)) return request.send(409, graphError('Conflict', 'The app is already installed for this user.'));
    if (tenant) {
      const user = tenant.users.get(userId)!;
      if (user.accountEnabled === false) return request.send(403, graphError('Forbidden', 'The user account is disabled.'));
      if (tenant.blockedByPolicy.has(userId)) return request.send(403, graphError('Forbidden', 'The app is blocked for this user by the organization\'s app permission policy.'));
      request.directory.installApp(tenant.id, userId, appId);
    }
    request.send(201);
  }

  const area: GraphArea = (request) => {
    const path = request.url.pathname;
    if (path === '/v1.0/appCatalogs/teamsApps' && request.method === 'GET') {
      listCatalog(request);
      return true;
    }
    const installedApps = INSTALLED_APPS.exec(path);
    if (!installedApps) return false;
    const userId = decodeURIComponent(installedApps[1]!);
    if (request.method === 'GET') {
      listInstalled(request, userId);
      return true;
    }
    if (request.method === 'POST') return install(request, userId).then(() => true);
    return false;
  };

  return { area, inCatalog };
}
