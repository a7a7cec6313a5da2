import type { ModuleDocument } from '../data/onboarding-documents.js';
import { toModule } from '../domain/onboarding/module-views.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { moduleContentSchema } from '../shared/contracts.js';

/** Module bodies carry whole sections; 256 KiB leaves room for a long module, far below Cosmos' 2 MB. */
export const MODULE_BODY_BYTES = 256 * 1024;

/** POST /api/modules — a new draft; Leader/Admin. */
export const modulesCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  await requireLeader(services, caller);
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
  const result = await services.onboarding.create(document);
  // A conflict is this very create re-run after a crash (a derived id): answer the module it wrote.
  const saved = result.status === 'ok' ? result.document : result.status === 'conflict' ? await services.onboarding.getModule(caller.tenantId, document.id) : undefined;
  if (!saved) throw new Error(`module create failed: ${result.status}`);
  return json(201, toModule(saved), { ETag: saved._etag });
});
