import { setupI18n } from '@lingui/core';
import { directionFor, formattingLocaleFor, languageFor, type CatalogueLanguage } from './locale';

/**
 * One Lingui instance for the whole tab. Lingui's core runtime is small (about 2 KB) because its
 * messages are compiled from ICU to arrays at build time (tabs/lingui-catalogues.ts), so the ICU parser
 * never ships; Intl does plurals, dates and numbers.
 */
export const i18n = setupI18n();

let active: { language: CatalogueLanguage; locale: string; formattingLocale: string } = {
  language: 'en',
  locale: 'en-US',
  formattingLocale: 'en-US',
};

/** Teams' locale for this session; set once, before the first page renders its words. */
export function activateLocale(locale: string): CatalogueLanguage {
  const language = languageFor(locale);
  const formattingLocale = formattingLocaleFor(locale);
  active = { language, locale, formattingLocale };
  // Lingui keys messages by the id passed to activate(); plurals and formats use `formattingLocale`.
  i18n.load(language, {});
  i18n.activate(language, [formattingLocale]);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language === 'pseudo' ? 'en' : formattingLocale;
    document.documentElement.dir = directionOf(language);
  }
  return language;
}

export const activeLanguage = (): CatalogueLanguage => active.language;
export const activeFormattingLocale = (): string => active.formattingLocale;
/** Direction follows the words shown: a Hebrew locale gets English words, laid out left to right. */
const directionOf = (language: CatalogueLanguage) => directionFor(language === 'pseudo' ? 'en' : language);
export const activeDirection = (): 'ltr' | 'rtl' => directionOf(active.language);

/** What the tab tells the API it reads (`Accept-Language`): server-made text and module translations follow it. */
export const requestLanguage = (): string => (active.language === 'pseudo' ? 'en-US' : active.formattingLocale);
