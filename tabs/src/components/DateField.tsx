import { DatePicker } from '@fluentui/react-datepicker-compat';
import { makeStyles } from '@fluentui/react-components';

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
 * Lazy areas only: the calendar is not part of the home view's download.
 */
export function DateField({ value, onChange, min, disabled }: DateFieldProps) {
  const styles = useStyles();
  const minDate = min ? dayToDate(min) : null;
  return (
    <DatePicker
      className={styles.picker}
      value={dayToDate(value)}
      onSelectDate={(date) => onChange(date ? dateToDay(date) : '')}
      formatDate={(date) => (date ? dateToDay(date) : '')}
      parseDateFromString={(text) => dayToDate(text)}
      allowTextInput
      placeholder="yyyy-mm-dd"
      disabled={disabled}
      showGoToToday
      {...(minDate ? { minDate } : {})}
    />
  );
}
