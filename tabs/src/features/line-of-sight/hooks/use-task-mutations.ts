import type { CreateTaskInput, Task, UpdateTaskInput } from '@contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import type { LineOfSightApi } from '../api/line-of-sight-api';
import { whatWentWrong } from '../error-text';
import { homeText } from '../messages';
import { splitFieldErrors, type TaskFieldErrors } from '../task-form';

export interface Notice {
  intent: 'success' | 'warning';
  text: string;
}

/**
 * What a dialog does next: close (`done`, or `stale` when the task changed under us and the
 * view was reloaded), or stay open showing `fields` under their fields and `message` above the buttons.
 */
export type MutationResult =
  | { kind: 'done' }
  | { kind: 'stale' }
  | { kind: 'rejected'; fields: TaskFieldErrors; message: string | null };

/**
 * Adds, changes and removes the person's tasks, then reloads the home view and says what happened.
 * `highlight` names the task just added or saved, once the reloaded view shows it (the page scrolls to it).
 */
export function useTaskMutations(api: LineOfSightApi, reload: () => Promise<void>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [highlight, setHighlight] = useState<{ taskId: string; count: number } | null>(null);

  const run = useCallback(
    async (action: () => Promise<string | void>, succeeded: string, task?: Task): Promise<MutationResult> => {
      setNotice(null);
      let changedId: string | void;
      try {
        changedId = await action();
      } catch (error) {
        if (task && error instanceof ApiError && (error.status === 412 || error.status === 404)) {
          setNotice({
            intent: 'warning',
            text: homeText.text(error.status === 412 ? 'notice.stale' : 'notice.gone', { title: task.title }),
          });
          void reload();
          return { kind: 'stale' };
        }
        if (error instanceof ApiError && error.problem?.errors?.length) {
          const { fields, other } = splitFieldErrors(error.problem.errors);
          return { kind: 'rejected', fields, message: other.length > 0 ? other.join(' ') : null };
        }
        return { kind: 'rejected', fields: {}, message: whatWentWrong(error) };
      }
      // Announce once the page shows the change, so what is said matches what is on screen.
      const taskId = changedId;
      void reload().then(() => {
        setNotice({ intent: 'success', text: succeeded });
        if (taskId) setHighlight((current) => ({ taskId, count: (current?.count ?? 0) + 1 }));
      });
      return { kind: 'done' };
    },
    [reload],
  );

  const createTask = useCallback(
    (input: CreateTaskInput) => run(async () => (await api.createTask(input)).id, homeText.text('notice.added', { title: input.title })),
    [api, run],
  );
  const updateTask = useCallback(
    (task: Task, changes: UpdateTaskInput) => run(async () => {
      await api.updateTask(task, changes);
      return task.id;
    }, homeText.text('notice.saved', { title: changes.title ?? task.title }), task),
    [api, run],
  );
  const removeTask = useCallback((task: Task) => run(() => api.removeTask(task), homeText.text('notice.removed', { title: task.title }), task), [api, run]);

  /** Actions without a dialog: what went wrong is said in the page's notice, and the view reloads. */
  const runInPlace = useCallback(
    async (action: () => Promise<void>, succeeded: string, task: Task) => {
      try {
        await action();
      } catch (error) {
        const source = task.source?.kind ?? 'planner';
        const text =
          error instanceof ApiError && error.code === 'source_conflict'
            ? homeText.text('notice.sourceConflict', { title: task.title, source })
            : error instanceof ApiError && error.code === 'consent_required'
              ? homeText.text('notice.consentNeeded', { source })
              : whatWentWrong(error);
        setNotice({ intent: 'warning', text });
        void reload();
        return;
      }
      void reload().then(() => setNotice({ intent: 'success', text: succeeded }));
    },
    [reload],
  );
  const toggleDone = useCallback(
    (task: Task) => runInPlace(() => api.updateTask(task, { completed: !task.completed }), homeText.text(task.completed ? 'notice.reopened' : 'notice.markedDone', { title: task.title }), task),
    [api, runInPlace],
  );
  const unlinkSource = useCallback((task: Task) => runInPlace(() => api.unlinkSource(task), homeText.text('notice.unlinked', { title: task.title }), task), [api, runInPlace]);

  return { notice, announce: setNotice, dismissNotice: () => setNotice(null), highlight, createTask, updateTask, removeTask, toggleDone, unlinkSource };
}
