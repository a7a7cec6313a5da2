import { applyStrategyEdit, strategyContentOf } from '../domain/strategy-editing.js';
import { requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { parseIdParam, ifMatchOf } from '../http/route-params.js';
import { updateStrategySchema } from '../shared/contracts.js';
import { commitStrategyChange, ownerError, staleStrategy, strategyDocumentOf } from './strategy-editing-support.js';

/** PATCH /api/strategies/{id} (Leader/Admin, If-Match) — some fields; stale → 412 with the current version; audited. */
export const strategiesUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'strategy');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, updateStrategySchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const stored = await services.strategyEditing.readStrategy(tenantId, id.value);
  if (!stored) return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleStrategy(services, tenantId, stored);
  const invalidOwner = await ownerError(services, tenantId, body.value.ownerId);
  if (invalidOwner) return invalidOwner;

  const next = strategyDocumentOf(stored, applyStrategyEdit(strategyContentOf(stored), body.value));
  return commitStrategyChange({ services, authorised, stored, next, ifMatch: ifMatch.value, action: 'update' });
});
