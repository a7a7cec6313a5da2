import type { ModuleDocument } from '../data/onboarding-documents.js';
import { toModule } from '../domain/onboarding/module-views.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { moduleContentSchema } from '../shared/contracts.js';
import { onboardingAudit } from './onboarding-support.js';

/** Module bodies carry whole sections; 256 KiB leaves room for a long module, far below Cosmos' 2 MB. */
export const MODULE_BODY_BYTES = 256 * 1024;

/** POST /api/modules — a new draft and its audit entry (one batch); Leader/Admin. */
export const modulesCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, moduleContentSchema, MODULE_BODY_BYTES);
  if (!body.ok) return body.response;
  const now = services.now().toISOString();
  const document: ModuleDocument = {
    id: newId('module'),
    tenantId: caller.tenantId,
    type: 'module',
    content: body.value,
    versions: [],
    draftChanged: true,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
    updatedBy: caller.userId,
  };
  const audit = onboardingAudit(services, authorised, { entityType: 'module', entityId: document.id, action: 'create', before: null, after: document });
  const result = await services.onboarding.batch<ModuleDocument>(caller.tenantId, [{ kind: 'create', document }], [audit]);
  // A conflict is this very create re-run after a crash (a derived id): answer the module it wrote.
  const saved = result.status === 'ok' ? result.documents[0] : result.status === 'conflict' ? await services.onboarding.getModule(caller.tenantId, document.id) : undefined;
  if (!saved) throw new Error(`module create failed: ${result.status}`);
  return json(201, toModule(saved), { ETag: saved._etag });
});
