/**
 * Dates, relative days and plurals for the notification texts, by the built-in Intl (CLDR data).
 * Days are calendar days (yyyy-mm-dd) formatted in UTC: the server's own zone never moves one.
 */

/** The languages notifications are written in: the tab's. */
export const NOTIFICATION_LANGUAGES = ['en', 'de', 'ar'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

const DAY_FORMATS = new Map(NOTIFICATION_LANGUAGES.map((language) => [language, new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })]));
const RELATIVE_FORMATS = new Map(NOTIFICATION_LANGUAGES.map((language) => [language, new Intl.RelativeTimeFormat(language, { numeric: 'auto' })]));
const dayOf = (isoDay: string) => Date.parse(`${isoDay}T00:00:00.000Z`);

/** "March 9, 2026", "9. März 2026", "9 مارس 2026"; a value that is no day is shown as it is. */
export function formatDay(isoDay: string, language: NotificationLanguage): string {
  const at = dayOf(isoDay);
  return Number.isNaN(at) ? isoDay : DAY_FORMATS.get(language)!.format(at);
}

/** How far `isoDay` is from `fromDay` in words, plural and all: "in 3 days", "morgen", "أمس". */
export function relativeDay(isoDay: string, fromDay: string, language: NotificationLanguage): string {
  const days = Math.round((dayOf(isoDay) - dayOf(fromDay)) / 86_400_000);
  if (!Number.isFinite(days)) return formatDay(isoDay, language);
  return RELATIVE_FORMATS.get(language)!.format(days, 'day');
}

/** Picks the plural form CLDR names for `count` in the language; `#` in it becomes the count, formatted. */
export function plural(language: NotificationLanguage, count: number, forms: { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>): string {
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form.replaceAll('#', new Intl.NumberFormat(language).format(count));
}

/** Right-to-left texts keep a left-to-right title in its own run (Unicode isolates FSI … PDI). */
export const isolate = (text: string) => `\u2068${text}\u2069`;

