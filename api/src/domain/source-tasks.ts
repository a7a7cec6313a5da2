/**
 * Rules for tasks brought in from Planner and To Do, with no I/O: what Graph's items mean as
 * tasks, the natural key of an imported task, and what a sync changes. The source decides the
 * title, due date and completion; the person decides the link to a strategy (never touched here).
 */
import { createHash } from 'node:crypto';
import type { TaskDocument } from '../data/documents.js';
import type { TaskSourceKind } from '../shared/task-source-contracts.js';

/** One task as the source holds it now. */
export interface SourceTask {
  kind: TaskSourceKind;
  id: string;
  containerId: string;
  title: string;
  dueDate: string | null;
  completed: boolean;
  etag: string;
}

export interface PlannerTaskJson {
  '@odata.etag': string;
  id: string;
  planId: string;
  title: string;
  percentComplete?: number;
  dueDateTime?: string | null;
}

export interface TodoTaskJson {
  '@odata.etag'?: string;
  id: string;
  title?: string;
  status?: string;
  dueDateTime?: { dateTime: string; timeZone: string } | null;
  '@removed'?: { reason: string };
}

export const fromPlanner = (task: PlannerTaskJson): SourceTask => ({
  kind: 'planner',
  id: task.id,
  containerId: task.planId,
  title: task.title.slice(0, 200) || '(untitled)',
  dueDate: task.dueDateTime ? task.dueDateTime.slice(0, 10) : null,
  completed: (task.percentComplete ?? 0) >= 100,
  etag: task['@odata.etag'],
});

export const fromTodo = (task: TodoTaskJson, listId: string): SourceTask => ({
  kind: 'todo',
  id: task.id,
  containerId: listId,
  title: (task.title ?? '').slice(0, 200) || '(untitled)',
  dueDate: task.dueDateTime ? task.dueDateTime.dateTime.slice(0, 10) : null,
  completed: task.status === 'completed',
  etag: task['@odata.etag'] ?? '',
});

/**
 * The id of the person's imported task: derived from (owner, source, source id), so bringing the
 * same task in twice, or re-running a sync after a crash, lands on the same document.
 */
export function importedTaskId(ownerId: string, kind: TaskSourceKind, sourceId: string): string {
  return `src-${createHash('sha256').update(`${ownerId}|${kind}|${sourceId}`).digest('base64url').slice(0, 40)}`;
}

/** Opens the task where it lives. */
export function sourceWebUrl(kind: TaskSourceKind, tenantId: string, task: { id: string; containerId: string }): string {
  return kind === 'planner'
    ? `https://planner.cloud.microsoft/webui/v1/plan/${encodeURIComponent(task.containerId)}/view/board/task/${encodeURIComponent(task.id)}?tid=${tenantId}`
    : `https://to-do.office.com/tasks/id/${encodeURIComponent(task.id)}/details`;
}

export type SyncChange = { kind: 'create'; document: TaskDocument } | { kind: 'update'; document: TaskDocument } | { kind: 'same' };

/** What the source's current version does to the stored task (undefined: not imported yet). */
export function reconcile(tenantId: string, ownerId: string, stored: TaskDocument | undefined, incoming: SourceTask, containerName: string, at: string): SyncChange {
  const source = {
    kind: incoming.kind,
    id: incoming.id,
    containerId: incoming.containerId,
    containerName,
    webUrl: sourceWebUrl(incoming.kind, tenantId, incoming),
    removedAt: null,
    etag: incoming.etag,
  };
  if (!stored) {
    return {
      kind: 'create',
      document: {
        id: importedTaskId(ownerId, incoming.kind, incoming.id), tenantId, ownerId,
        title: incoming.title, strategyId: null, howItServes: '', createdAt: at, updatedAt: at,
        completed: incoming.completed, dueDate: incoming.dueDate, source,
      },
    };
  }
  const unchanged = stored.source?.etag === incoming.etag && stored.source.removedAt === null && stored.source.containerName === containerName;
  if (unchanged) return { kind: 'same' };
  return {
    kind: 'update',
    document: { ...stored, title: incoming.title, completed: incoming.completed, dueDate: incoming.dueDate, source, updatedAt: at },
  };
}

/** The task is gone at the source: marked, never deleted (the person unlinks or deletes it). */
export function markedRemoved(stored: TaskDocument, at: string): TaskDocument | undefined {
  if (!stored.source || stored.source.removedAt) return undefined;
  return { ...stored, source: { ...stored.source, removedAt: at }, updatedAt: at };
}
