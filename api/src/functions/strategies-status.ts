import { strategyContentOf } from '../domain/strategy-editing.js';
import { actorOf, requireLeader } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { parseIdParam, ifMatchOf } from '../http/route-params.js';
import { archiveStrategySchema, type ArchiveStrategyInput } from '../shared/contracts.js';
import { commitStrategyChange, staleStrategy, strategyDocumentOf } from './strategy-editing-support.js';

/**
 * POST /api/strategies/{id}/archive (Leader/Admin, If-Match) {moveTasksTo?}. The strategy is
 * archived first (with its audit entry); then, with moveTasksTo, every task serving it is re-linked
 * (audited per task). Without it — or if moving stops half-way — the tasks keep pointing at the
 * archived strategy and their owners see "needs a new link": never orphaned silently.
 */
export const strategiesArchive = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'strategy');
  if (!ifMatch.ok) return ifMatch.response;
  // An empty body is fine: it means "leave the tasks needing a new link".
  const body = request.headers.get('content-type')
    ? await parseJsonBody(request, archiveStrategySchema)
    : ({ ok: true, value: {} as ArchiveStrategyInput } as const);
  if (!body.ok) return body.response;

  const { tenantId } = caller;
  const stored = await services.strategyEditing.readStrategy(tenantId, id.value);
  if (!stored) return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleStrategy(services, tenantId, stored);
  if (stored.status === 'archived') return problem(409, 'already_archived', 'This strategy is archived already');
  const target = body.value.moveTasksTo;
  if (target) {
    const destination = await services.strategyEditing.readStrategy(tenantId, target.strategyId);
    if (!destination || destination.status !== 'active' || destination.id === stored.id) {
      return problems.validation([{ path: 'moveTasksTo.strategyId', message: 'Choose another active strategy of your organisation' }]);
    }
  }

  const next = strategyDocumentOf(stored, strategyContentOf(stored), { status: 'archived' });
  const response = await commitStrategyChange({ services, authorised, stored, next, ifMatch: ifMatch.value, action: 'archive' });
  if (target && response.status === 200) {
    await services.strategyTaskLinks.moveAll(tenantId, stored.id, target, actorOf(authorised), `moved when “${stored.title}” was archived`);
  }
  return response;
});

/** POST /api/strategies/{id}/restore (Leader/Admin, If-Match) — back to active, last in order; audited. */
export const strategiesRestore = authenticatedHandler(async ({ request, caller, services }) => {
  const authorised = await requireLeader(services, caller);
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'strategy');
  if (!ifMatch.ok) return ifMatch.response;

  const { tenantId } = caller;
  const all = await services.strategyEditing.listStrategies(tenantId);
  const stored = all.find((strategy) => strategy.id === id.value);
  if (!stored) return problems.notFound();
  if (stored._etag !== ifMatch.value) return staleStrategy(services, tenantId, stored);
  if (stored.status === 'active') return problem(409, 'not_archived', 'This strategy is active already');
  const lastActive = all.filter((strategy) => strategy.status === 'active').reduce((max, strategy) => Math.max(max, strategy.order), 0);
  const next = strategyDocumentOf(stored, strategyContentOf(stored), { status: 'active', order: lastActive + 1 });
  return commitStrategyChange({ services, authorised, stored, next, ifMatch: ifMatch.value, action: 'restore' });
});
