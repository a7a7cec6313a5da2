/**
 * One set of words for the strategy map's fields and values, shared by the editor's forms, the
 * history, the conflict panel and the import preview, so a field is called the same everywhere.
 */

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  why: 'Why it is a focus now',
  customerImpact: 'How it serves customers',
  ownerId: 'Owner',
  progress: 'Progress',
  measures: 'Measures of success',
  status: 'Status',
  order: 'Position',
  name: 'Organisation name',
  vision: 'Vision',
  mission: 'Mission',
  values: 'Values',
  differentiator: 'What makes us different',
};

export const PROGRESS_WORDS: Readonly<Record<string, string>> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

export const STATUS_WORDS: Readonly<Record<string, string>> = { active: 'Active', archived: 'Archived' };

/** A field's label; an unknown field keeps its name rather than disappearing. */
export const labelOf = (field: string): string => FIELD_LABELS[field] ?? field;

/**
 * A field's value as a person reads it: enum values as words, owners by name, lists one per line,
 * positions counted from 1, and "none" for nothing. Never shortened.
 */
export function valueInWords(field: string, value: unknown, nameOf: (id: string) => string | undefined = () => undefined): string {
  if (value === null || value === undefined || value === '') return field === 'ownerId' ? 'Nobody' : 'none';
  if (field === 'ownerId' && typeof value === 'string') return nameOf(value) ?? 'Someone no longer in the directory';
  if (field === 'progress' && typeof value === 'string') return PROGRESS_WORDS[value] ?? value;
  if (field === 'status' && typeof value === 'string') return STATUS_WORDS[value] ?? value;
  if (field === 'order' && typeof value === 'number') return `Position ${value + 1}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value
      .map((item) => {
        if (typeof item !== 'object' || item === null) return String(item);
        const { name, description } = item as { name?: unknown; description?: unknown };
        return description ? `${String(name)} — ${String(description)}` : String(name ?? JSON.stringify(item));
      })
      .join('\n');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Picks read best as "from → to"; free text reads best as one text with its changes marked.
const PICKS = new Set(['ownerId', 'progress', 'status', 'order']);

/** One field's change, ready to show: labelled, values in words. */
export interface FieldChange {
  field: string;
  label: string;
  /** 'text': show a word diff of before and after; 'pick': "from before to after". */
  kind: 'text' | 'pick';
  before: string;
  after: string;
}

export function fieldChange(field: string, before: unknown, after: unknown, nameOf?: (id: string) => string | undefined): FieldChange {
  return {
    field,
    label: labelOf(field),
    kind: PICKS.has(field) ? 'pick' : 'text',
    before: valueInWords(field, before, nameOf),
    after: valueInWords(field, after, nameOf),
  };
}

/** Nothing there: null, undefined, '' or an empty list. */
export const isEmptyValue = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** "1 team", "3 teams": a count with its noun in the right number. */
export const countOf = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The possessive of a name: "Finance’s", and "Operations’" for a name ending in s. */
export const possessive = (name: string): string => (/s$/i.test(name.trim()) ? `${name}’` : `${name}’s`);
