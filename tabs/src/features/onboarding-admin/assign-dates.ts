/** Dates for the assign form. Pure: tested directly. */

/** Two weeks from `now`, as the yyyy-mm-dd a date input shows. */
export function defaultDueDate(now: Date): string {
  const due = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000);
  return due.toISOString().slice(0, 10);
}

/** A datetime-local value (the person's local time, no offset) as ISO 8601 with an offset; '' → undefined. */
export function startAtFrom(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const when = new Date(local);
  return Number.isNaN(when.getTime()) ? local : when.toISOString();
}
