import { actorOf } from '../http/authorise.js';
import { applyTaskChanges } from '../domain/task-rules.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { parseJsonBody } from '../http/request-body.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import { updateTaskSchema } from '../shared/contracts.js';
import { updateImportedTask } from './me-tasks-source.js';
import { taskLinkErrors } from './task-link-check.js';

/**
 * PATCH /api/me/tasks/{id} — changes some fields of the caller's task. If-Match (the etag last
 * seen) is required, so two tabs cannot silently overwrite each other: stale → 412 with the current task.
 */
export const meTasksUpdate = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'task');
  if (!ifMatch.ok) return ifMatch.response;
  const body = await parseJsonBody(request, updateTaskSchema);
  if (!body.ok) return body.response;

  const { tenantId, userId } = caller;
  const current = await services.tasks.get(tenantId, userId, id.value);
  if (!current) return problems.notFound();
  if (current.etag !== ifMatch.value) return problems.staleDocument('task', current);

  const next = applyTaskChanges(current, body.value);
  const changedStrategy = body.value.strategyId !== undefined && body.value.strategyId !== current.strategyId;
  const errors = await taskLinkErrors(services, tenantId, next, changedStrategy);
  if (errors.length > 0) return problems.validation(errors);
  if (current.source && next.completed !== undefined && next.completed !== Boolean(current.completed)) {
    const stored = await services.taskSources.repository.storedTask(tenantId, userId, id.value);
    if (stored?._etag === ifMatch.value) return updateImportedTask(services, caller, request, stored, next);
  }

  const result = await services.tasks.replace(tenantId, userId, id.value, next, ifMatch.value, actorOf(caller));
  if (result.status === 'not_found') return problems.notFound();
  if (result.status === 'stale') return problems.staleDocument('task', result.current);
  return json(200, result.value, { ETag: result.value.etag });
});
