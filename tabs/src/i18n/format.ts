import { activeFormattingLocale } from './i18n';

/**
 * Dates and numbers in the person's locale. Callers say which time zone a value is in: date-only values
 * (due dates, "2026-12-02") are stored as UTC midnight and must be shown in UTC, or they move a day west.
 */
const asDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

export const formatDate = (value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
  new Intl.DateTimeFormat(activeFormattingLocale(), options).format(asDate(value));

/** A calendar day such as a due date: always the stored day, whatever the viewer's time zone. */
export const formatDay = (value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
  formatDate(value, { ...options, timeZone: 'UTC' });

/** A moment such as "saved at", in the viewer's own zone. */
export const formatDateTime = (value: string | number | Date) => formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(activeFormattingLocale(), options).format(value);

/** 0.42 → "42%" (or "42 %", "٪٤٢" …) */
export const formatPercent = (ratio: number, maximumFractionDigits = 0) =>
  formatNumber(ratio, { style: 'percent', maximumFractionDigits });

/** ["a", "b", "c"] → "a, b and c" / "a, b und c" / "a وb وc". */
export const formatList = (items: string[], type: Intl.ListFormatType = 'conjunction') =>
  new Intl.ListFormat(activeFormattingLocale(), { style: 'long', type }).format(items);

/** Sorting people's names and titles the way the reader's alphabet does. */
export const compareText = (left: string, right: string) => left.localeCompare(right, activeFormattingLocale(), { sensitivity: 'base' });
