import { actorOf } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problems } from '../http/problem.js';
import { noContent } from '../http/respond.js';
import { parseIdParam } from '../http/route-params.js';

/** DELETE /api/me/tasks/{id} — removes the caller's task; with If-Match only if it is unchanged (else 412). */
export const meTasksDelete = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = request.headers.get('if-match') ?? undefined;

  const result = await services.tasks.remove(caller.tenantId, caller.userId, id.value, ifMatch, actorOf(caller));
  if (result.status === 'not_found') return problems.notFound();
  if (result.status === 'stale') return problems.staleDocument('task', result.current);
  return noContent();
});
