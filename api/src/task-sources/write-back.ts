/**
 * Optional write-back (off by default, per person and source): a task marked done (or reopened) in
 * Line of Sight is completed (or reopened) at its source, with the source's ETag in If-Match, under
 * the Tasks.ReadWrite delegated permission:
 *   Planner: PATCH /planner/tasks/{id}                       { percentComplete: 100 | 0 }
 *   To Do:   PATCH /me/todo/lists/{listId}/tasks/{id}         { status: 'completed' | 'notStarted' }
 * 412 (someone changed it at the source since the last sync): the task is read again and the
 * caller shows the conflict; nothing is overwritten.
 */
import type { StoredTask } from '../data/task-sources-repository.js';
import { fromPlanner, fromTodo, type PlannerTaskJson, type SourceTask, type TodoTaskJson } from '../domain/source-tasks.js';
import { ConsentRequiredError } from './delegated-token.js';
import type { TaskSourceServices } from './task-sync.js';

export type WriteBackResult =
  | { status: 'off' }
  | { status: 'ok'; current: SourceTask }
  | { status: 'conflict'; current: SourceTask | undefined }
  | { status: 'removed' }
  | { status: 'consent_required' }
  | { status: 'throttled'; retryAfterSeconds: number };

export async function writeBackCompletion(services: TaskSourceServices, task: StoredTask, completed: boolean, assertion: string | undefined): Promise<WriteBackResult> {
  const source = task.source!;
  const connection = await services.repository.connection(task.tenantId, task.ownerId, source.kind);
  if (!connection?.writeBack || source.removedAt) return { status: 'off' };
  let token: string;
  try {
    token = await services.tokens.get(task.tenantId, task.ownerId, 'Tasks.ReadWrite', assertion);
  } catch (error) {
    if (error instanceof ConsentRequiredError) return { status: 'consent_required' };
    throw error;
  }
  const paceKey = `${task.tenantId}|${task.ownerId}`;
  const path = source.kind === 'planner' ? `/planner/tasks/${encodeURIComponent(source.id)}` : `/me/todo/lists/${encodeURIComponent(source.containerId)}/tasks/${encodeURIComponent(source.id)}`;
  const body = source.kind === 'planner' ? { percentComplete: completed ? 100 : 0 } : { status: completed ? 'completed' : 'notStarted' };
  const toSource = (json: PlannerTaskJson | TodoTaskJson) => (source.kind === 'planner' ? fromPlanner(json as PlannerTaskJson) : fromTodo(json as TodoTaskJson, source.containerId));

  const result = await services.graph.patch<PlannerTaskJson | TodoTaskJson>(token, paceKey, path, body, source.etag);
  if (result.ok) return { status: 'ok', current: toSource(result.body) };
  if (result.kind === 'precondition_failed') {
    const fresh = await services.graph.get<PlannerTaskJson | TodoTaskJson>(token, paceKey, path);
    return { status: 'conflict', current: fresh.ok ? toSource(fresh.body) : undefined };
  }
  if (result.kind === 'not_found') return { status: 'removed' };
  if (result.kind === 'throttled') return { status: 'throttled', retryAfterSeconds: result.retryAfterSeconds ?? 1 };
  if (result.kind === 'forbidden' || result.kind === 'unauthorized') {
    services.tokens.forget(task.tenantId, task.ownerId);
    return { status: 'consent_required' };
  }
  throw new Error(result.message);
}
