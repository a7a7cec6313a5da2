import { ApiError } from './api-client';
import { whatWentWrong } from './error-text';
import { appText } from './messages';

/**
 * How a save went, in terms a dialog can act on: close (`done`), show messages under fields and
 * above the buttons (`rejected`), or show the other person's version next to mine (`conflict`, a 412).
 */
export type SaveOutcome =
  | { kind: 'done' }
  | { kind: 'rejected'; fields: Record<string, string>; message: string | null }
  | { kind: 'conflict'; current: Record<string, unknown>; recentChanges: RecentChange[] };

/** From a 412's `recentChanges` (strategy map documents): who changed it lately, newest first. */
export interface RecentChange {
  actor: { id: string; displayName: string };
  at: string;
  changedFields: string[];
}

export async function attemptSave(action: () => Promise<void>, knownFields: readonly string[]): Promise<SaveOutcome> {
  try {
    await action();
    return { kind: 'done' };
  } catch (error) {
    return outcomeOf(error, knownFields);
  }
}

export function outcomeOf(error: unknown, knownFields: readonly string[]): SaveOutcome {
  if (error instanceof ApiError && error.status === 412) {
    const current = error.current;
    if (typeof current === 'object' && current !== null) {
      return { kind: 'conflict', current: current as Record<string, unknown>, recentChanges: error.problem?.recentChanges ?? [] };
    }
    return { kind: 'rejected', fields: {}, message: appText.text('error.conflict') };
  }
  if (error instanceof ApiError && error.problem?.errors?.length) {
    const fields: Record<string, string> = {};
    const other: string[] = [];
    for (const { path, message } of error.problem.errors) {
      const field = knownFields.find((name) => path === name || path.startsWith(`${name}.`));
      if (field) fields[field] ??= message;
      else other.push(path ? `${path}: ${message}` : message);
    }
    return { kind: 'rejected', fields, message: other.length > 0 ? other.join(' ') : null };
  }
  return { kind: 'rejected', fields: {}, message: whatWentWrong(error) };
}
