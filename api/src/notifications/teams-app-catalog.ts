/**
 * The Graph requests that find Line of Sight in a tenant's Teams app catalog and install it for a
 * person (application permissions AppCatalog.Read.All and TeamsAppInstallation.ReadWriteSelfForUser.All):
 * - GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}': an app published to the org
 *   catalog has its own `id` there, and the manifest id is its `externalId`; a Teams Store app has
 *   `id` = manifest id and no externalId, hence `or id eq '{manifest id}'`.
 * - GET /users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{catalog id}':
 *   [] when the app is not installed for the person, one installation when it is.
 * - POST /users/{id}/teamwork/installedApps {"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{catalog id}"}:
 *   201 Created; 409 Conflict when it is already installed (a concurrent or earlier install), which
 *   is as good as 201 here.
 */
import type { GraphAnswer, GraphHttp } from './graph-http.js';

export type GraphFailure = Extract<GraphAnswer, { ok: false }>;

export interface CatalogApp {
  id: string;
  externalId?: string | null;
  distributionMethod?: string;
}

const CATALOG_APPS = '/appCatalogs/teamsApps';
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** The org catalog's entry first (that is how Line of Sight is published), then the Store's. */
const preference = (app: CatalogApp) => (app.distributionMethod === 'organization' ? 0 : app.distributionMethod === 'store' ? 1 : 2);

export async function findCatalogApp(http: GraphHttp, tenantId: string, manifestAppId: string, gate?: () => Promise<void>): Promise<{ ok: true; app: CatalogApp | undefined } | GraphFailure> {
  const filter = `externalId eq ${quoted(manifestAppId)} or id eq ${quoted(manifestAppId)}`;
  const answer = await http.request(tenantId, 'GET', `${CATALOG_APPS}?$filter=${encodeURIComponent(filter)}`, undefined, gate);
  if (!answer.ok) return answer;
  const apps = ((answer.body as { value?: CatalogApp[] } | undefined)?.value ?? []).filter((app) => typeof app?.id === 'string');
  return { ok: true, app: [...apps].sort((a, b) => preference(a) - preference(b))[0] };
}

export async function isInstalledFor(http: GraphHttp, tenantId: string, userId: string, catalogAppId: string, gate?: () => Promise<void>): Promise<{ ok: true; installed: boolean } | GraphFailure> {
  const filter = encodeURIComponent(`teamsApp/id eq ${quoted(catalogAppId)}`);
  const answer = await http.request(tenantId, 'GET', `/users/${encodeURIComponent(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`, undefined, gate);
  if (!answer.ok) return answer;
  const installations = (answer.body as { value?: { teamsApp?: { id?: string } }[] } | undefined)?.value ?? [];
  return { ok: true, installed: installations.some((installation) => installation.teamsApp?.id === undefined || installation.teamsApp.id === catalogAppId) };
}

export async function installFor(http: GraphHttp, tenantId: string, userId: string, catalogAppId: string, gate?: () => Promise<void>): Promise<{ ok: true; alreadyInstalled: boolean } | GraphFailure> {
  const body = { 'teamsApp@odata.bind': http.base + CATALOG_APPS + '/' + encodeURIComponent(catalogAppId) };
  const answer = await http.request(tenantId, 'POST', `/users/${encodeURIComponent(userId)}/teamwork/installedApps`, body, gate);
  if (answer.ok) return { ok: true, alreadyInstalled: false };
  if (answer.status === 409) return { ok: true, alreadyInstalled: true };
  return answer;
}
