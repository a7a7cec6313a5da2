/**
 * The language of the small pages that load without the tab's runtime and without Teams' locale (the
 * consent pop-ups, the outside-Teams page): the first of the browser's languages the tab speaks, else
 * English. A tiny table per page instead of Lingui keeps these pages a few kilobytes.
 */
export type PageLanguage = 'en' | 'de' | 'ar';

export function pageLanguage(preferred: readonly string[]): PageLanguage {
  for (const locale of preferred) {
    const language = locale.split(/[-_]/)[0]?.toLowerCase();
    if (language === 'en' || language === 'de' || language === 'ar') return language;
  }
  return 'en';
}

/** Picks the browser's language from `table`, and sets the document's language and direction to match. */
export function speakPage<Table extends Record<PageLanguage, unknown>>(table: Table): Table[PageLanguage] {
  const language = pageLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
  return table[language];
}
