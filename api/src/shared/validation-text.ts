/**
 * The shared schemas' validation messages, by key, so the tab can say them in the person's language.
 * The words are a catalogue (validation-messages/en.json, de.json, ar.json). This file holds none of them:
 * whoever runs the schemas says which words to use. The API uses English (validation-english.ts; its
 * problem+json is read by tools as well as people), the tab its catalogue in the person's language
 * (tabs/src/app/validation-language.ts), so the tab's first download carries no validation words at all.
 * A check's message is looked up when the check fails, not when the schema is built.
 */
import type english from './validation-messages/en.json';

export type ValidationKey = keyof typeof english;
export type ValidationValues = Record<string, string | number>;
export type Translate = (key: ValidationKey, values?: ValidationValues) => string;

/** Until someone says which words: the key itself (never shown: the API and the tab both set theirs at start). */
let translate: Translate = (key) => key;

/** The words the schemas' messages use from now on. */
export function setValidationLanguage(next: Translate): void {
  translate = next;
}

/** A validation message now, e.g. inside superRefine's addIssue. */
export const saying = (key: ValidationKey, values?: ValidationValues): string => translate(key, values);

/** A check's `error` parameter: `.min(1, says('giveTheTaskATitle'))`. */
export const says = (key: ValidationKey, values?: ValidationValues) => ({ error: () => translate(key, values) });
