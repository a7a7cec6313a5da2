/** The languages the tab speaks. English is the source; every catalogue has the same keys in each. */
export const LANGUAGES = ['en', 'de', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * `qps-ploc` is Windows' and Teams' pseudo-locale: every message comes out accented and bracketed, so a
 * browser test can see any text that did not come from a catalogue. Only the English source is turned.
 */
export const PSEUDO_LOCALE = 'qps-ploc';
export type CatalogueLanguage = Language | 'pseudo';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

const primary = (locale: string) => locale.split(/[-_]/)[0]?.toLowerCase() ?? '';

/** The catalogue for a Teams locale such as "de-AT": its language if the tab speaks it, else English. */
export function languageFor(locale: string): CatalogueLanguage {
  if (locale.toLowerCase() === PSEUDO_LOCALE) return 'pseudo';
  const language = primary(locale);
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
}

/** Text direction for a locale such as "he-IL". */
export function directionFor(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primary(locale)) ? 'rtl' : 'ltr';
}

/**
 * The locale dates and numbers are formatted in: the person's own (de-AT, en-GB) when the tab speaks its
 * language, so "2.12.2026" and "2 Dec 2026" follow their region; English (US) otherwise, matching the words.
 * The pseudo-locale formats in Greek so that a stray Latin letter on the page can only be untranslated text.
 */
export function formattingLocaleFor(locale: string): string {
  const language = languageFor(locale);
  if (language === 'pseudo') return 'el';
  if (language === 'en' && primary(locale) !== 'en') return 'en-US';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return language;
  }
}
