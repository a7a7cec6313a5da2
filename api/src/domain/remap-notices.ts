/**
 * A leader's bulk re-map, told to the owners (pure). The re-map has an identity derived from what was
 * sent — the tasks at the versions the leader saw, the strategy and the sentence — so the same re-map
 * sent again (a retry, a double click, a re-run after a crash) is recognisably the same one: its audit
 * entries and its notifications get the same ids, and nothing is written or queued twice.
 */
import { createHash } from 'node:crypto';

export interface RemapRequest {
  strategyId: string;
  howItServes: string;
  tasks: readonly { id: string; etag: string }[];
}

/** A task as it was before the re-map. */
export interface TaskBefore {
  id: string;
  ownerId: string;
  strategyId: string | null;
  howItServes?: string;
}

export interface RemapNotice {
  ownerId: string;
  /** How many of the owner's tasks moved. */
  tasks: number;
}

const digest = (parts: readonly unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** The same tasks at the same versions to the same strategy and sentence: the same re-map, in any order. */
export function remapIdOf(request: RemapRequest): string {
  const tasks = request.tasks.map((task) => `${task.id}@${task.etag}`).sort();
  return `remap-${digest([request.strategyId, request.howItServes, tasks]).slice(0, 32)}`;
}

/** The id of the audit entry the re-map writes for a task (written in the same batch as the change). */
export function remapAuditId(remapId: string, taskId: string): string {
  return `audit-${digest([remapId, taskId]).slice(0, 40)}`;
}

/**
 * One notice per owner whose tasks moved — a task moves when its strategy or its sentence changes —
 * by owner id; never the leader who re-mapped (they know).
 */
export function remapNotices(before: readonly TaskBefore[], link: Pick<RemapRequest, 'strategyId' | 'howItServes'>, leaderId: string): RemapNotice[] {
  const counts = new Map<string, number>();
  for (const task of before) {
    if (task.ownerId === leaderId) continue;
    if (task.strategyId === link.strategyId && (task.howItServes ?? '') === link.howItServes) continue;
    counts.set(task.ownerId, (counts.get(task.ownerId) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ownerId, tasks]) => ({ ownerId, tasks }));
}
