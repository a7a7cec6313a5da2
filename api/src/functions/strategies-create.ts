import { auditDocument } from '../data/audit.js';
import type { StrategyDocument } from '../data/documents.js';
import type { StoredStrategy } from '../data/strategy-editing-repository.js';
import { nextStrategyOrder } from '../domain/strategy-editing.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { createStrategySchema } from '../shared/contracts.js';
import { ownerError, toEditableStrategy } from './strategy-editing-support.js';

/** POST /api/strategies (Leader/Admin) → 201 with the new strategy (active, last in order); audited. */
export const strategiesCreate = authenticatedHandler(async ({ request, caller, services, newId }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createStrategySchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const invalidOwner = await ownerError(services, tenantId, body.value.ownerId);
  if (invalidOwner) return invalidOwner;

  const existing = await services.strategyEditing.listStrategies(tenantId);
  const document: StrategyDocument = {
    id: newId('strategy'), tenantId, type: 'strategy', order: nextStrategyOrder(existing), status: 'active', ...body.value,
  };
  const audit = auditDocument({ tenantId, entityType: 'strategy', entityId: document.id, action: 'create', actor: actorOf(authorised), before: null, after: document, at: services.now() });
  const result = await services.strategyEditing.commit(tenantId, [{ kind: 'create', document }], [audit]);
  // A conflict is this very create re-run after a crash (a derived id): answer the strategy it wrote.
  const saved = result.status === 'ok' ? (result.documents[0] as StoredStrategy) : result.status === 'conflict' ? await services.strategyEditing.readStrategy(tenantId, document.id) : undefined;
  if (!saved) throw new Error(`Creating a strategy failed: ${result.status}`);
  return json(201, await toEditableStrategy(services, tenantId, saved), { ETag: saved._etag, Location: `/api/strategies/${saved.id}` });
});
