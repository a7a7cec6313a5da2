/**
 * One set of words for the strategy map's fields and values, shared by the editor's forms, the
 * history, the conflict panel and the import preview, so a field is called the same everywhere.
 */
import { componentsText } from './messages';
import type source from './messages/en.json';

const t = componentsText.text;

/** A record whose values are read from the catalogue when read, so they follow the active language. */
function wordsOf<Key extends string>(keys: readonly Key[], prefix: string): Readonly<Record<Key, string>> {
  const words = {} as Record<Key, string>;
  for (const key of keys) {
    Object.defineProperty(words, key, { enumerable: true, get: () => t(`${prefix}.${key}` as keyof typeof source & string) });
  }
  return Object.freeze(words);
}

const FIELDS = ['title', 'why', 'customerImpact', 'ownerId', 'progress', 'measures', 'status', 'order', 'name', 'vision', 'mission', 'values', 'differentiator'] as const;

export const FIELD_LABELS: Readonly<Record<string, string>> = wordsOf(FIELDS, 'field');

export const PROGRESS_WORDS: Readonly<Record<string, string>> = wordsOf(['not_started', 'on_track', 'at_risk', 'off_track'], 'progress');

export const STATUS_WORDS: Readonly<Record<string, string>> = wordsOf(['active', 'archived'], 'status');

/** A field's label; an unknown field keeps its name rather than disappearing. */
export const labelOf = (field: string): string => FIELD_LABELS[field] ?? field;

/**
 * A field's value as a person reads it: enum values as words, owners by name, lists one per line,
 * positions counted from 1, and "none" for nothing. Never shortened.
 */
export function valueInWords(field: string, value: unknown, nameOf: (id: string) => string | undefined = () => undefined): string {
  if (value === null || value === undefined || value === '') return field === 'ownerId' ? t('value.nobody') : t('value.none');
  if (field === 'ownerId' && typeof value === 'string') return nameOf(value) ?? t('value.goneOwner');
  if (field === 'progress' && typeof value === 'string') return PROGRESS_WORDS[value] ?? value;
  if (field === 'status' && typeof value === 'string') return STATUS_WORDS[value] ?? value;
  if (field === 'order' && typeof value === 'number') return t('value.position', { position: value + 1 });
  if (Array.isArray(value)) {
    if (value.length === 0) return t('value.none');
    return value
      .map((item) => {
        if (typeof item !== 'object' || item === null) return String(item);
        const { name, description } = item as { name?: unknown; description?: unknown };
        return description ? t('value.named', { name: String(name), description: String(description) }) : String(name ?? JSON.stringify(item));
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

/** "1 team", "3 teams": English only, for areas not yet translated; translated text uses an ICU plural message. */
export const countOf = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** The English possessive of a name: "Finance’s", and "Operations’" for a name ending in s (English only, as countOf). */
export const possessive = (name: string): string => (/s$/i.test(name.trim()) ? `${name}’` : `${name}’s`);
