import { lineOfSightSchema, type CreateTaskInput, type LineOfSight, type Task, type UpdateTaskInput } from '@contracts';
import type { ApiClient } from '../../../app/api-client';

export interface LineOfSightApi {
  /** The whole home view in one request. */
  load(signal?: AbortSignal): Promise<LineOfSight>;
  createTask(input: CreateTaskInput): Promise<void>;
  /** Sends If-Match with the task's etag: a stale copy answers 412 instead of overwriting someone's change. */
  updateTask(task: Task, changes: UpdateTaskInput): Promise<void>;
  removeTask(task: Task): Promise<void>;
  /** An imported task becomes a plain task (e.g. after it was removed at its source). */
  unlinkSource(task: Task): Promise<void>;
  /** Records this visit, so the next "what changed since your last visit" starts from now. */
  recordVisit(): Promise<void>;
}

const taskPath = (task: Task) => `/api/me/tasks/${encodeURIComponent(task.id)}`;

// Mutations don't read their answers: the home view is fetched again afterwards, as one consistent picture.
export function createLineOfSightApi(client: ApiClient): LineOfSightApi {
  return {
    load: (signal) => client.request('/api/me/line-of-sight', lineOfSightSchema, { signal }),
    createTask: (input) => client.send('/api/me/tasks', { method: 'POST', body: input }),
    updateTask: (task, changes) => client.send(taskPath(task), { method: 'PATCH', body: changes, ifMatch: task.etag }),
    removeTask: (task) => client.send(taskPath(task), { method: 'DELETE', ifMatch: task.etag }),
    unlinkSource: (task) => client.send(`${taskPath(task)}/unlink-source`, { method: 'POST', ifMatch: task.etag }),
    recordVisit: () => client.send('/api/me/visits', { method: 'POST' }),
  };
}
