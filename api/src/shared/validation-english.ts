/**
 * The API's validation messages are English (see validation-text.ts). Imported for its effect by the API's
 * entry and its request parsing, and by the test setup, before any schema checks a request.
 */
import english from './validation-messages/en.json' with { type: 'json' };
import { setValidationLanguage, type Translate } from './validation-text.js';

/** An English message with its values filled in: "Keep this under {max} characters" → "… under 200 …". */
export const inEnglish: Translate = (key, values) =>
  english[key].replace(/\{(\w+)(?:, number)?\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));

setValidationLanguage(inEnglish);
