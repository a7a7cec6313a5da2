import { auditDocument } from '../data/audit.js';
import type { StrategyDocument } from '../data/documents.js';
import type { StoredStrategy } from '../data/strategy-editing-repository.js';
import { nextStrategyOrder } from '../domain/strategy-editing.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { randomUUID } from 'node:crypto';
import { createStrategySchema } from '../shared/contracts.js';
import { ownerError, toEditableStrategy } from './strategy-editing-support.js';

/** POST /api/strategies (Leader/Admin) → 201 with the new strategy (active, last in order); audited. */
export const strategiesCreate = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, createStrategySchema);
  if (!body.ok) return body.response;
  const { tenantId } = caller;
  const invalidOwner = await ownerError(services, tenantId, body.value.ownerId);
  if (invalidOwner) return invalidOwner;

  const existing = await services.strategyEditing.listStrategies(tenantId);
  const document: StrategyDocument = {
    id: randomUUID(), tenantId, type: 'strategy', order: nextStrategyOrder(existing), status: 'active', ...body.value,
  };
  const audit = auditDocument({ tenantId, entityType: 'strategy', entityId: document.id, action: 'create', actor: actorOf(authorised), before: null, after: document, at: services.now() });
  const result = await services.strategyEditing.commit(tenantId, [{ kind: 'create', document }], [audit]);
  if (result.status !== 'ok') throw new Error(`Creating a strategy failed: ${result.status}`);
  const saved = result.documents[0] as StoredStrategy;
  return json(201, await toEditableStrategy(services, tenantId, saved), { ETag: saved._etag, Location: `/api/strategies/${saved.id}` });
});
