/**
 * The shared schemas' validation messages, by key, so the tab can say them in the person's language.
 * The words are a catalogue (validation-messages/en.json, de.json, ar.json), read by the tab with its other
 * catalogues; the API answers in English (its problem+json is read by tools as well as people). A check's
 * message is looked up when the check fails, not when the schema is built, so a schema built once at
 * start-up speaks whatever language is set by then.
 */
import english from './validation-messages/en.json' with { type: 'json' };

export type ValidationKey = keyof typeof english;
export type ValidationValues = Record<string, string | number>;
type Translate = (key: ValidationKey, values?: ValidationValues) => string;

/** The English message, with its values filled in. */
export const inEnglish: Translate = (key, values) =>
  english[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));

let translate: Translate = inEnglish;

/** The tab swaps in its catalogue here (tabs/src/i18n/validation.ts). */
export function setValidationLanguage(next: Translate): void {
  translate = next;
}

/** A validation message now, e.g. inside superRefine's addIssue. */
export const saying = (key: ValidationKey, values?: ValidationValues): string => translate(key, values);

/** A check's `error` parameter: `.min(1, says('giveTheTaskATitle'))`. */
export const says = (key: ValidationKey, values?: ValidationValues) => ({ error: () => translate(key, values) });
