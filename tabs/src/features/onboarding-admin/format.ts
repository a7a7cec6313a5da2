import { activeFormattingLocale, formatDay as formatCalendarDay, formatPercent } from '../../i18n';
import { adminText } from './messages';

const t = adminText.text;

/** "3 December 2026" from "2026-12-03", in the person's language (a calendar day: shown as stored, in UTC). */
export function formatDay(isoDay: string): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return formatCalendarDay(date, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** 0.8 → "80%" (in the person's locale); null (nobody answered) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : formatPercent(rate);
}

/** "Showing 51–100 of 130" for one page of a list (or of the matches of a search). */
export function pageText(page: { offset: number; total: number }, shown: number, search = ''): string {
  const matching = search.trim();
  if (page.total === 0) return matching ? t('page.nobodyMatching', { search: matching }) : t('page.nobody');
  const values = { from: page.offset + 1, to: page.offset + shown, total: page.total, search: matching };
  return t(matching ? 'page.showingMatching' : 'page.showing', values);
}

/**
 * What the leader reads after "Assign": new assignments' notifications are on their way (or
 * scheduled); versions the cohort already had are left as they were, and nobody is notified twice.
 */
export function assignedText(assignments: readonly { alreadyAssigned: boolean; recipientCount: number }[], scheduled: boolean): string {
  const created = assignments.filter((assignment) => !assignment.alreadyAssigned);
  const already = assignments.length - created.length;
  const sentences: string[] = [];
  if (created.length > 0) {
    const people = created.reduce((sum, assignment) => sum + assignment.recipientCount, 0);
    sentences.push(t(scheduled ? 'assigned.scheduled' : 'assigned.created', { modules: created.length, people }));
  }
  if (already > 0) sentences.push(t('assigned.already', { count: already }));
  return sentences.join(' ');
}

/** "09:30" (a start time of the assign form) as the person's locale writes a time of day. */
export function timeOfDay(hhmm: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return formatCalendarDay(new Date(Date.UTC(2000, 0, 1, hours, minutes)), { timeStyle: 'short' });
}

/** "de" → "German" / "Deutsch" / "الألمانية": a language's name in the reader's language. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([activeFormattingLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
