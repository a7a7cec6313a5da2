import { toModule } from '../domain/onboarding/module-views.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';

/** GET /api/modules — every onboarding module (drafts with their published versions); Leader/Admin. */
export const modulesList = authenticatedHandler(async ({ caller, services }) => {
  await requireLeader(services, caller);
  const modules = await services.onboarding.listModules(caller.tenantId);
  return json(200, { modules: modules.map(toModule) });
});

/** GET /api/modules/{id} — one module; another tenant's id is simply not found. */
export const modulesGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const module = await services.onboarding.getModule(caller.tenantId, id.value);
  if (!module) return problems.notFound();
  return json(200, toModule(module), { ETag: module._etag });
});

/** GET /api/module-versions/{id} — a published (immutable) version, for previews; Leader/Admin. */
export const moduleVersionsGet = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  await requireLeader(services, caller);
  const version = await services.onboarding.getVersion(caller.tenantId, id.value);
  if (!version) return problems.notFound();
  const { id: versionId, moduleId, version: number, content, publishedAt, publishedBy } = version;
  return json(200, { id: versionId, moduleId, version: number, content, publishedAt, publishedBy });
});
