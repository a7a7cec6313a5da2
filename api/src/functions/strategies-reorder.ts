import { auditDocument } from '../data/audit.js';
import { planReorder, strategyContentOf } from '../domain/strategy-editing.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { reorderStrategiesSchema } from '../shared/contracts.js';
import { strategyDocumentOf, toEditableStrategies } from './strategy-editing-support.js';

/**
 * PUT /api/strategies/order (Leader/Admin) {order: [{id, etag}]} — every active strategy in its new
 * order. All moved strategies and one audit entry are written in one transactional batch; any stale
 * etag → 412 (current: {strategies, staleIds}) and nothing is written.
 */
export const strategiesReorder = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const body = await parseJsonBody(request, reorderStrategiesSchema);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const all = await services.strategyEditing.listStrategies(tenantId);
  const active = all.filter((strategy) => strategy.status === 'active');
  const plan = planReorder({ active: active.map((s) => ({ id: s.id, order: s.order, etag: s._etag })), requested: body.value.order });
  if (!plan.ok) return problems.validation(plan.errors);
  const staleResponse = async (staleIds: string[]) =>
    problems.staleDocument('strategy order', { strategies: await toEditableStrategies(services, tenantId, all), staleIds });
  if (plan.staleIds.length > 0) return staleResponse(plan.staleIds);
  if (plan.changes.length === 0) return json(200, { strategies: await toEditableStrategies(services, tenantId, all) });

  const byId = new Map(active.map((strategy) => [strategy.id, strategy]));
  const writes = plan.changes.map((change) => {
    const stored = byId.get(change.id);
    if (!stored) throw new Error('Reorder plan names an unknown strategy');
    return { kind: 'replace' as const, document: strategyDocumentOf(stored, strategyContentOf(stored), { order: change.order }), ifMatch: change.etag };
  });
  const audit = auditDocument({
    tenantId, entityType: 'strategyOrder', entityId: 'order', action: 'reorder', actor: actorOf(authorised),
    before: { order: active.map((s) => s.id) }, after: { order: body.value.order.map((entry) => entry.id) }, at: services.now(),
  });
  const result = await services.strategyEditing.commit(tenantId, writes, [audit]);
  if (result.status !== 'ok') {
    const latest = await services.strategyEditing.listStrategies(tenantId);
    const etags = new Map(latest.map((s) => [s.id, s._etag]));
    return staleResponse(body.value.order.filter((entry) => etags.get(entry.id) !== entry.etag).map((entry) => entry.id));
  }
  const latest = await services.strategyEditing.listStrategies(tenantId);
  return json(200, { strategies: await toEditableStrategies(services, tenantId, latest) });
});
