export { defineCatalogue, loadRegisteredCatalogues, type Catalogue, type MessageValues, type TextFn } from './catalogue';
export { activateLocale, activeDirection, activeFormattingLocale, activeLanguage, i18n, requestLanguage } from './i18n';
export { compareText, formatDate, formatDateTime, formatDay, formatList, formatNumber, formatPercent } from './format';
export { LANGUAGES, PSEUDO_LOCALE, directionFor, languageFor, type Language } from './locale';
