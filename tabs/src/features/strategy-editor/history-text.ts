/** Audit entries in words: what happened and, per field, the whole value before and after. */
import { FIELD_LABELS, fieldChange, type FieldChange } from '../../components/strategy-map-labels';
import type { HistoryEntry } from './api/schemas';

const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  reorder: 'Moved',
  import: 'Imported',
};

export type { FieldChange };

/** `nameOf` turns a person's id (e.g. the owner) into their name, when known. */
export function describeEntry(entry: HistoryEntry, nameOf: (id: string) => string | undefined = () => undefined): { headline: string; changes: FieldChange[] } {
  const headline = entry.note ?? ACTIONS[entry.action] ?? 'Changed';
  if (!entry.before || !entry.after) return { headline, changes: [] };
  const changes = Object.keys(FIELD_LABELS)
    .filter((key) => JSON.stringify(entry.before?.[key] ?? null) !== JSON.stringify(entry.after?.[key] ?? null))
    .map((field) => fieldChange(field, entry.before?.[field], entry.after?.[field], nameOf));
  return { headline, changes };
}

/** "Aisha Khan’s version of 2 Dec 2026, 14:05", for the question before restoring it. */
export const versionName = (entry: HistoryEntry) =>
  `the version ${entry.actor.displayName} saved on ${new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
