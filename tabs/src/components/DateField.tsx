import { DatePicker, type CalendarStrings, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import { makeStyles } from '@fluentui/react-components';
import { useMemo } from 'react';
import { activeFormattingLocale, formatNumber } from '../i18n';
import { componentsText } from './messages';

const useStyles = makeStyles({
  picker: { maxWidth: '100%', minWidth: 0 },
});

const pad = (value: number) => String(value).padStart(2, '0');

/** yyyy-mm-dd (a calendar day, as the API takes it) → that day at local midnight; '' or nonsense → null. */
export function dayToDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.getMonth() === Number(match[2]) - 1 ? date : null;
}

/** The local calendar day of `date` as yyyy-mm-dd. */
export function dateToDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// The picker's grid is Gregorian, so its names are too (ar-SA would otherwise name Hijri months).
const gregorian = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(activeFormattingLocale(), { calendar: 'gregory', ...options });
const monthsOf = (month: 'long' | 'short') => Array.from({ length: 12 }, (_, index) => gregorian({ month, timeZone: 'UTC' }).format(Date.UTC(2026, index, 15)));
// 2026-01-04 was a Sunday: Fluent's day lists start on Sunday.
const daysOf = (weekday: 'long' | 'narrow') => Array.from({ length: 7 }, (_, index) => gregorian({ weekday, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + index)));

/** The first day of the week where the person lives (Monday in Germany, Saturday in Saudi Arabia), as Fluent counts (Sunday 0). */
export function firstDayOfWeek(locale = activeFormattingLocale()): NonNullable<DatePickerProps['firstDayOfWeek']> {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay === undefined ? 0 : firstDay % 7;
  } catch {
    return 0;
  }
}

/** Fluent's calendar words in the person's language: month and day names from Intl, the rest from the catalogue. */
function calendarStrings(): CalendarStrings {
  const t = componentsText.text;
  // Fluent fills in "{0}" itself (a date or a number).
  const slot = '{0}';
  return {
    months: monthsOf('long'),
    shortMonths: monthsOf('short'),
    days: daysOf('long'),
    shortDays: daysOf('narrow'),
    goToToday: t('date.goToToday'),
    prevMonthAriaLabel: t('date.prevMonth'),
    nextMonthAriaLabel: t('date.nextMonth'),
    prevYearAriaLabel: t('date.prevYear'),
    nextYearAriaLabel: t('date.nextYear'),
    prevYearRangeAriaLabel: t('date.prevYearRange'),
    nextYearRangeAriaLabel: t('date.nextYearRange'),
    closeButtonAriaLabel: t('date.close'),
    weekNumberFormatString: t('date.weekNumber', { week: slot }),
    selectedDateFormatString: t('date.selected', { date: slot }),
    todayDateFormatString: t('date.today', { date: slot }),
    monthPickerHeaderAriaLabel: t('date.changeYear', { year: slot }),
    yearPickerHeaderAriaLabel: t('date.changeMonth', { month: slot }),
    dayMarkedAriaLabel: t('date.marked'),
  };
}

const dateFormatting = (): NonNullable<DatePickerProps['dateTimeFormatter']> => ({
  formatDay: (date) => formatNumber(date.getDate()),
  formatYear: (date) => gregorian({ year: 'numeric' }).format(date),
  formatMonth: (date) => gregorian({ month: 'short' }).format(date),
  formatMonthDayYear: (date) => gregorian({ dateStyle: 'long' }).format(date),
  formatMonthYear: (date) => gregorian({ month: 'long', year: 'numeric' }).format(date),
});

export interface DateFieldProps {
  /** yyyy-mm-dd, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  /** The earliest day offered (yyyy-mm-dd). */
  min?: string;
  disabled?: boolean;
}

/**
 * A Fluent date picker over yyyy-mm-dd strings: a calendar pop-up (arrow keys move by day, Enter
 * picks) and a text box that takes a typed yyyy-mm-dd. Put it inside a Fluent `Field`, which labels it.
 * The calendar speaks the person's language and starts the week on their first day.
 * Lazy areas only: the calendar is not part of the home view's download.
 */
export function DateField({ value, onChange, min, disabled }: DateFieldProps) {
  const styles = useStyles();
  const t = componentsText.useText();
  const locale = activeFormattingLocale();
  const strings = useMemo(calendarStrings, [locale, t]);
  const formatter = useMemo(dateFormatting, [locale]);
  const minDate = min ? dayToDate(min) : null;
  return (
    <DatePicker
      className={styles.picker}
      value={dayToDate(value)}
      onSelectDate={(date) => onChange(date ? dateToDay(date) : '')}
      formatDate={(date) => (date ? dateToDay(date) : '')}
      parseDateFromString={(text) => dayToDate(text)}
      allowTextInput
      placeholder={t('date.placeholder')}
      disabled={disabled}
      showGoToToday
      // Fluent names its pop-up "Calendar" in English unless told otherwise.
      popupSurface={{ 'aria-label': t('date.calendar') }}
      strings={strings}
      dateTimeFormatter={formatter}
      firstDayOfWeek={firstDayOfWeek(locale)}
      {...(minDate ? { minDate } : {})}
    />
  );
}
