/** Audit entries in words: what happened and, per field, the whole value before and after. */
import { FIELD_LABELS, fieldChange, type FieldChange } from '../../components/strategy-map-labels';
import { formatDateTime } from '../../i18n';
import type { HistoryEntry } from './api/schemas';
import { strategyEditorText } from './messages';

export type { FieldChange };

/** `nameOf` turns a person's id (e.g. the owner) into their name, when known. */
export function describeEntry(entry: HistoryEntry, nameOf: (id: string) => string | undefined = () => undefined): { headline: string; changes: FieldChange[] } {
  // The note is the server's own words for the change (e.g. an import's summary).
  const headline = entry.note ?? strategyEditorText.text('history.action', { action: entry.action });
  if (!entry.before || !entry.after) return { headline, changes: [] };
  const changes = Object.keys(FIELD_LABELS)
    .filter((key) => JSON.stringify(entry.before?.[key] ?? null) !== JSON.stringify(entry.after?.[key] ?? null))
    .map((field) => fieldChange(field, entry.before?.[field], entry.after?.[field], nameOf));
  return { headline, changes };
}

/** Who saved a version and when, in the reader's locale ("Aisha Khan", "2 Dec 2026, 14:05"), for the sentences about restoring it. */
export const versionOf = (entry: HistoryEntry) => ({ name: entry.actor.displayName, when: formatDateTime(entry.at) });
