/** "3 December 2026" from "2026-12-03", in the person's language. */
export function formatDay(isoDay: string, locale?: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** 0.8 → "80%"; null (nobody answered) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** "Showing 51–100 of 130" for one page of a list (or of the matches of a search). */
export function pageText(page: { offset: number; total: number }, shown: number, search = ''): string {
  const what = search.trim() ? ` matching “${search.trim()}”` : '';
  if (page.total === 0) return search.trim() ? `Nobody${what}.` : 'Nobody yet.';
  return `Showing ${page.offset + 1}–${page.offset + shown} of ${page.total}${what}`;
}

/**
 * What the leader reads after "Assign": new assignments' notifications are on their way (or
 * scheduled); versions the cohort already had are left as they were, and nobody is notified twice.
 */
export function assignedText(assignments: readonly { alreadyAssigned: boolean; recipientCount: number }[], scheduled: boolean): string {
  const created = assignments.filter((assignment) => !assignment.alreadyAssigned);
  const already = assignments.length - created.length;
  const parts: string[] = [];
  if (created.length > 0) {
    const people = created.reduce((sum, assignment) => sum + assignment.recipientCount, 0);
    parts.push(`Assigned ${created.length === 1 ? '1 module' : `${created.length} modules`}: ${people} ${people === 1 ? 'notification' : 'notifications'} ${scheduled ? 'scheduled' : 'on their way'}.`);
  }
  if (already > 0) parts.push(`${already === 1 ? '1 module was' : `${already} modules were`} already assigned to this cohort: nobody is notified twice.`);
  return parts.join(' ');
}
