import { availableSourceTasksSchema, syncOutcomesSchema, taskSourcesSchema, type AvailableSourceTasks, type ImportSourceTasksInput, type SyncOutcome, type TaskSourceKind, type TaskSourceStatus } from '@contracts';
import type { ApiClient } from '../../../app/api-client';

export interface TaskSourcesApi {
  status(): Promise<TaskSourceStatus[]>;
  /** Syncs every connected source now (called once when the tab opens). */
  sync(): Promise<SyncOutcome[]>;
  available(kind: TaskSourceKind): Promise<AvailableSourceTasks>;
  bringIn(kind: TaskSourceKind, choice: ImportSourceTasksInput): Promise<void>;
  setWriteBack(kind: TaskSourceKind, on: boolean): Promise<void>;
  disconnect(kind: TaskSourceKind, importedTasks: 'keep' | 'remove'): Promise<void>;
}

const base = (kind: TaskSourceKind) => `/api/me/task-sources/${kind}`;

export function createTaskSourcesApi(client: ApiClient): TaskSourcesApi {
  return {
    status: async () => (await client.request('/api/me/task-sources', taskSourcesSchema)).sources,
    sync: async () => (await client.request('/api/me/task-sources/sync', syncOutcomesSchema, { method: 'POST' })).outcomes,
    available: (kind) => client.request(`${base(kind)}/available`, availableSourceTasksSchema),
    bringIn: (kind, choice) => client.send(`${base(kind)}/import`, { method: 'POST', body: choice }),
    setWriteBack: (kind, on) => client.send(`${base(kind)}/settings`, { method: 'PUT', body: { writeBack: on } }),
    disconnect: (kind, importedTasks) => client.send(`${base(kind)}/disconnect`, { method: 'POST', body: { importedTasks } }),
  };
}
