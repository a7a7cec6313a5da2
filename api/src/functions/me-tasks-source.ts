/**
 * Imported tasks' own actions: completing one (with write-back to its source when the person
 * turned it on) and unlinking one from its source (e.g. after it was removed there).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Caller } from '../auth/verify-token.js';
import type { StoredTask } from '../data/task-sources-repository.js';
import { toTask } from '../data/tasks-repository.js';
import { markedRemoved } from '../domain/source-tasks.js';
import type { TaskFieldValues } from '../domain/task-rules.js';
import { actorOf } from '../http/authorise.js';
import { authenticatedHandler } from '../http/handler.js';
import { problem, problems } from '../http/problem.js';
import { json } from '../http/respond.js';
import { ifMatchOf, parseIdParam } from '../http/route-params.js';
import type { Services } from '../services.js';
import { syncActor } from '../task-sources/task-sync.js';
import { writeBackCompletion } from '../task-sources/write-back.js';
import { consentRequired, personSource, throttled, withSourceProblems } from './task-sources-support.js';

/** PATCH /api/me/tasks/{id} for an imported task whose completion changes (me-tasks-update.ts hands it over). */
export async function updateImportedTask(services: Services, caller: Caller, request: HttpRequest, stored: StoredTask, next: TaskFieldValues): Promise<HttpResponseInit> {
  const source = stored.source!;
  const repository = services.taskSources.repository;
  const at = services.now();
  const write = (document: StoredTask, actor = actorOf(caller)) => repository.writeTask({ ...document, updatedAt: at.toISOString() }, stored, 'update', actor, at);
  return withSourceProblems(caller.tenantId, source.kind, async () => {
    const result = await writeBackCompletion(services.taskSources, stored, next.completed ?? false, personSource(caller, request, source.kind).assertion);
    if (result.status === 'consent_required') return consentRequired(caller.tenantId, source.kind, ['Tasks.ReadWrite']);
    if (result.status === 'throttled') return throttled(result.retryAfterSeconds);
    if (result.status === 'removed') {
      const written = await write(markedRemoved(stored, at.toISOString()) as StoredTask, syncActor(caller.userId, source.kind));
      return problem(409, 'removed_at_source', 'This task was removed at its source', { detail: 'Unlink it or delete it here.', current: toTask(written) });
    }
    if (result.status === 'conflict') {
      // Someone changed it at the source meanwhile: take the source's version, show the conflict, overwrite nothing there.
      const fresh = result.current;
      const refreshed = fresh ? { ...stored, title: fresh.title, completed: fresh.completed, dueDate: fresh.dueDate, source: { ...source, etag: fresh.etag } } : stored;
      const written = await write(refreshed, syncActor(caller.userId, source.kind));
      return problem(409, 'source_conflict', 'The task changed at its source', { detail: 'We loaded the current version from the source. Check it and try again.', current: toTask(written) });
    }
    const completedAtSource = result.status === 'ok' ? { completed: result.current.completed, source: { ...source, etag: result.current.etag } } : {};
    const written = await write({ ...stored, ...next, ...completedAtSource });
    return json(200, toTask(written), { ETag: written._etag });
  });
}

/** POST /api/me/tasks/{id}/unlink-source — the task stays, as a plain task (its link to a strategy too). */
export const meTasksUnlinkSource = authenticatedHandler(async ({ request, caller, services }) => {
  const id = parseIdParam(request, 'id');
  if (!id.ok) return id.response;
  const ifMatch = ifMatchOf(request, 'task');
  if (!ifMatch.ok) return ifMatch.response;
  const stored = await services.taskSources.repository.storedTask(caller.tenantId, caller.userId, id.value);
  if (!stored?.source) return problems.notFound();
  if (stored._etag !== ifMatch.value) return problems.staleDocument('task', toTask(stored));
  const { source: _source, ...plain } = stored;
  const at = services.now();
  const written = await services.taskSources.repository.writeTask({ ...plain, updatedAt: at.toISOString() }, stored, 'update', actorOf(caller), at);
  return json(200, toTask(written), { ETag: written._etag });
});
