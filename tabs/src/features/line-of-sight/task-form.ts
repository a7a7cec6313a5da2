import { createTaskSchema, updateTaskSchema, type CreateTaskInput, type Task, type UpdateTaskInput } from '@contracts';
import type { z } from 'zod/mini';

/** What the task dialog edits. `strategyId` is '' while the task is not linked to a strategy. */
export interface TaskFormValues {
  title: string;
  strategyId: string;
  howItServes: string;
}

export type TaskField = keyof TaskFormValues;
export type TaskFieldErrors = Partial<Record<TaskField, string>>;

const FIELDS: readonly TaskField[] = ['title', 'strategyId', 'howItServes'];

export const emptyTaskForm: TaskFormValues = { title: '', strategyId: '', howItServes: '' };

/**
 * The form's starting values for a task. A link to a strategy that is no longer offered
 * (e.g. archived) starts as "not linked", because the picker can't show it.
 */
export function taskFormValues(task: Task, offeredStrategyIds: readonly string[]): TaskFormValues {
  const linked = task.strategyId !== null && offeredStrategyIds.includes(task.strategyId);
  return { title: task.title, strategyId: linked ? (task.strategyId ?? '') : '', howItServes: task.howItServes };
}

function toInput(values: TaskFormValues): CreateTaskInput {
  return { title: values.title, strategyId: values.strategyId === '' ? null : values.strategyId, howItServes: values.howItServes };
}

/** Field messages from a zod error, first message per field; the rest go to `other`. */
export function fieldErrorsFromIssues(error: z.core.$ZodError): { fields: TaskFieldErrors; other: string[] } {
  return splitFieldErrors(error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

/** Same split for the API's problem details (`errors[].path` like "title"). */
export function splitFieldErrors(errors: readonly { path: string; message: string }[]): {
  fields: TaskFieldErrors;
  other: string[];
} {
  const fields: TaskFieldErrors = {};
  const other: string[] = [];
  for (const { path, message } of errors) {
    const field = FIELDS.find((name) => name === path);
    if (field) fields[field] ??= message;
    else other.push(message);
  }
  return { fields, other };
}

export type FormCheck<T> = { ok: true; value: T } | { ok: false; fields: TaskFieldErrors; other: string[] };

/** Validates a new task exactly as the API will. */
export function checkNewTask(values: TaskFormValues): FormCheck<z.output<typeof createTaskSchema>> {
  const parsed = createTaskSchema.safeParse(toInput(values));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsFromIssues(parsed.error) };
}

/**
 * Validates an edit: the whole form must make a valid task (a link needs its sentence), and only
 * the fields that changed since the dialog opened are sent. `value` is null when nothing changed.
 */
export function checkTaskChanges(initial: TaskFormValues, values: TaskFormValues): FormCheck<UpdateTaskInput | null> {
  const whole = checkNewTask(values);
  if (!whole.ok) return whole;
  const before = toInput(initial);
  const changes: UpdateTaskInput = {};
  if (whole.value.title !== before.title.trim()) changes.title = whole.value.title;
  if (whole.value.strategyId !== before.strategyId) changes.strategyId = whole.value.strategyId;
  if (whole.value.howItServes !== (before.howItServes ?? '').trim()) changes.howItServes = whole.value.howItServes;
  if (Object.keys(changes).length === 0) return { ok: true, value: null };
  // A new link must carry its sentence even when the sentence itself didn't change.
  if (changes.strategyId) changes.howItServes = whole.value.howItServes;
  const parsed = updateTaskSchema.safeParse(changes);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, ...fieldErrorsFromIssues(parsed.error) };
}
