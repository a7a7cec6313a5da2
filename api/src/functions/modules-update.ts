import { publish, toModule, toModuleVersion } from '../domain/onboarding/module-views.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler, type AuthenticatedRequest } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import { moduleContentSchema } from '../shared/contracts.js';
import { MODULE_BODY_BYTES } from './modules-create.js';
import { onboardingAudit } from './onboarding-support.js';

/**
 * The common start of a write to a module: its id, a Leader, If-Match, the module itself.
 * The etag is compared by each caller (after body validation for updates, so bad input reads as 400 first).
 */
async function moduleForWrite({ request, caller, services }: AuthenticatedRequest) {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return { ok: false as const, response: id.response };
  const authorised = await requireLeader(services, caller);
  const ifMatch = ifMatchOf(request, 'module');
  if (!ifMatch.ok) return ifMatch;
  const module = await services.onboarding.getModule(caller.tenantId, id.value);
  if (!module) return { ok: false as const, response: problems.notFound() };
  return { ok: true as const, id: id.value, ifMatch: ifMatch.value, module, authorised };
}

/** PUT /api/modules/{id} (If-Match) — replaces the draft's content (audited, one batch); published versions never change. */
export const modulesUpdate = authenticatedHandler(async (input) => {
  const { request, caller, services } = input;
  const target = await moduleForWrite(input);
  if (!target.ok) return target.response;
  const { id, ifMatch, module, authorised } = target;
  const body = await parseJsonBody(request, moduleContentSchema, MODULE_BODY_BYTES);
  if (!body.ok) return body.response;
  if (module._etag !== ifMatch) return problems.staleDocument('module', toModule(module));

  const next = { ...module, content: body.value, draftChanged: true, updatedAt: services.now().toISOString(), updatedBy: caller.userId };
  const audit = onboardingAudit(services, authorised, { entityType: 'module', entityId: id, action: 'update', before: module, after: next });
  const result = await services.onboarding.batch<typeof next>(caller.tenantId, [{ kind: 'replace', document: next, ifMatch }], [audit]);
  if (result.status === 'not_found') return problems.notFound();
  if (result.status !== 'ok') return problems.staleDocument('module', toModule((await services.onboarding.getModule(caller.tenantId, id)) ?? module));
  const saved = result.documents[0]!;
  return json(200, toModule(saved), { ETag: saved._etag });
});

/** POST /api/modules/{id}/publish (If-Match: the draft you reviewed) → 201 the new immutable version. */
export const modulesPublish = authenticatedHandler(async (input) => {
  const { caller, services } = input;
  const target = await moduleForWrite(input);
  if (!target.ok) return target.response;
  const { id, ifMatch, module, authorised } = target;
  if (module._etag !== ifMatch) return problems.staleDocument('module', toModule(module));

  const published = publish(module, caller.userId, services.now().toISOString());
  const audit = onboardingAudit(services, authorised, {
    entityType: 'moduleVersion', entityId: published.version.id, action: 'create', before: null, after: published.version, note: `published version ${published.version.version} of module ${id}`,
  });
  // Guarded module replace first, then the version create and the audit entry: all saved or none.
  const result = await services.onboarding.batch<typeof published.module | typeof published.version>(
    caller.tenantId,
    [{ kind: 'replace', document: published.module, ifMatch }, { kind: 'create', document: published.version }],
    [audit],
  );
  if (result.status === 'not_found') return problems.notFound();
  if (result.status !== 'ok') return problems.staleDocument('module', toModule((await services.onboarding.getModule(caller.tenantId, id)) ?? module));
  const saved = { ...published.module, _etag: result.documents[0]!._etag };
  return json(201, { version: toModuleVersion(published.version), module: toModule(saved) }, { ETag: saved._etag });
});
