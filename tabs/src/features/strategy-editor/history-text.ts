/** Audit entries in words: what happened and which fields changed. */
import type { HistoryEntry } from './api/schemas';

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  why: 'Why it is a focus now',
  customerImpact: 'How it serves customers',
  ownerId: 'Owner',
  progress: 'Progress',
  measures: 'Measures of success',
  status: 'Status',
  order: 'Position',
  name: 'Name',
  vision: 'Vision',
  mission: 'Mission',
  values: 'Values',
  differentiator: 'What makes us different',
};

const ACTIONS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  reorder: 'Moved',
  import: 'Imported',
};

const PROGRESS: Record<string, string> = { not_started: 'Not started', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };

const brief = (value: unknown): string => {
  const text =
    typeof value === 'string'
      ? (PROGRESS[value] ?? value)
      : Array.isArray(value)
        ? value.map((item) => (typeof item === 'object' && item ? String((item as { name?: unknown }).name ?? JSON.stringify(item)) : String(item))).join('; ') || 'none'
        : value === null || value === undefined
          ? 'none'
          : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** `nameOf` turns a person's id (e.g. the owner) into their name, when known. */
export function describeEntry(entry: HistoryEntry, nameOf: (id: string) => string | undefined = () => undefined): { headline: string; changes: string[] } {
  const headline = entry.note ?? ACTIONS[entry.action] ?? entry.action;
  if (!entry.before || !entry.after) return { headline, changes: [] };
  const changes = Object.keys(FIELD_NAMES)
    .filter((key) => JSON.stringify(entry.before?.[key]) !== JSON.stringify(entry.after?.[key]))
    .map((key) => {
      const shown = (value: unknown) => (key === 'ownerId' && typeof value === 'string' ? (nameOf(value) ?? value) : brief(value));
      return `${FIELD_NAMES[key]}: “${shown(entry.before?.[key])}” → “${shown(entry.after?.[key])}”`;
    });
  return { headline, changes };
}
