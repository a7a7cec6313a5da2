import { lineOfSightSchema, taskSchema, type CreateTaskInput, type LineOfSight, type Task, type UpdateTaskInput } from '@contracts';
import type { ApiClient } from '../../../app/api-client';

export interface LineOfSightApi {
  /** The whole home view in one request. */
  load(signal?: AbortSignal): Promise<LineOfSight>;
  /** Answers the new task, so the view can scroll to it once it has reloaded. */
  createTask(input: CreateTaskInput): Promise<Task>;
  /** Sends If-Match with the task's etag: a stale copy answers 412 instead of overwriting someone's change. */
  updateTask(task: Task, changes: UpdateTaskInput): Promise<void>;
  removeTask(task: Task): Promise<void>;
  /** An imported task becomes a plain task (e.g. after it was removed at its source). */
  unlinkSource(task: Task): Promise<void>;
  /** The person dismissed "what changed": changes up to `seenUntil` (the view's changesAsOf) are no longer news. */
  recordVisit(seenUntil: string): Promise<void>;
}

const taskPath = (task: Task) => `/api/me/tasks/${encodeURIComponent(task.id)}`;

// Mutations don't read their answers (but a new task's id): the home view is fetched again afterwards, as one consistent picture.
export function createLineOfSightApi(client: ApiClient): LineOfSightApi {
  return {
    load: (signal) => client.request('/api/me/line-of-sight', lineOfSightSchema, { signal }),
    createTask: (input) => client.request('/api/me/tasks', taskSchema, { method: 'POST', body: input }),
    updateTask: (task, changes) => client.send(taskPath(task), { method: 'PATCH', body: changes, ifMatch: task.etag }),
    removeTask: (task) => client.send(taskPath(task), { method: 'DELETE', ifMatch: task.etag }),
    unlinkSource: (task) => client.send(`${taskPath(task)}/unlink-source`, { method: 'POST', ifMatch: task.etag }),
    recordVisit: (seenUntil) => client.send('/api/me/visits', { method: 'POST', body: { seenUntil } }),
  };
}
