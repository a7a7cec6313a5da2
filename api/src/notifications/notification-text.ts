/**
 * Notification texts in the recipient's language (pure). A notification is queued with its
 * `message` (what to say, in no language); the drain renders it for each recipient's language when
 * it sends (drain.ts), and the stored `content` is its English rendering. Dates are calendar days
 * (yyyy-mm-dd) and are formatted in UTC, so the server's own time zone never moves them a day.
 *
 * Where a person's language comes from (first that is known decides; English when we have no texts
 * for it, or nothing is known):
 *  1. `clientLocale`: the locale the person's own Teams client last sent (the tab's Accept-Language,
 *     recorded by http/first-request-person.ts). Teams picks the activity's template text (appPackage
 *     de.json, ar.json) by the client's language, so this keeps preview and template in one language.
 *  2. `preferredLanguage`: Microsoft Graph user.preferredLanguage from the directory sync; known
 *     before the person first opens the app, e.g. for a new hire's first assignment.
 */
import type { PersonDocument } from '../data/documents.js';
import type { PeopleRepository } from '../data/people-repository.js';
import { matchLanguage } from '../domain/languages.js';
import { CATALOGUE } from './notification-catalogue.js';
import { formatDay, NOTIFICATION_LANGUAGES, relativeDay, type NotificationLanguage } from './notification-format.js';
import type { NotificationContent } from './outbox.js';

export { NOTIFICATION_LANGUAGES, type NotificationLanguage };

/** What a notification says, before it is put into a language; days are yyyy-mm-dd. */
export type NotificationMessage =
  | { activityType: 'moduleAssigned'; moduleTitle: string; dueDate: string }
  /** `day`: the day the reminder is for (how far off the due date is, counts from it). */
  | { activityType: 'moduleReminder'; moduleTitle: string; dueDate: string; day: string }
  | { activityType: 'alignmentRoundInvited'; question: string; closesOn: string }
  | { activityType: 'alignmentRoundReminder'; question: string; closesOn: string; day: string }
  | { activityType: 'pulseOpened'; pulseTitle: string; closesOn: string; statements: number }
  | { activityType: 'pulseReminder'; pulseTitle: string; closesOn: string; day: string }
  /** A leader re-mapped `tasks` of the recipient's tasks to the strategy, with the sentence that says how they serve it. */
  | { activityType: 'tasksRemapped'; strategyTitle: string; tasks: number; howItServes: string };

/** The precedence above, for a stored person (undefined: not in the directory yet). */
export function notificationLanguageOf(person: Pick<PersonDocument, 'clientLocale' | 'preferredLanguage'> | undefined): NotificationLanguage {
  const known = person?.clientLocale ?? person?.preferredLanguage;
  return matchLanguage([known], NOTIFICATION_LANGUAGES) ?? 'en';
}

/** The drain's `languages`: each recipient's language from their person record (no record: English). */
export function recipientLanguages(people: Pick<PeopleRepository, 'languageTags'>) {
  return async (tenantId: string, userIds: readonly string[]): Promise<ReadonlyMap<string, NotificationLanguage>> =>
    new Map([...(await people.languageTags(tenantId, userIds))].map(([userId, tags]) => [userId, notificationLanguageOf(tags)]));
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The preview with the typed text shortened to fit Graph's 150 characters, so the date and the rest of the sentence stay. */
function fitted(sentence: (text: string) => string, text: string, max = 150): string {
  const full = sentence(text);
  if (full.length <= max) return full;
  const room = text.length - (full.length - max);
  return room >= 10 ? sentence(clip(text, room)) : clip(full, max);
}

/** Graph's limits: topic and template values up to 100 characters, preview text up to 150. */
export function renderNotification(message: NotificationMessage, webUrl: string, language: NotificationLanguage): NotificationContent {
  const texts = CATALOGUE[language];
  const day = (isoDay: string) => formatDay(isoDay, language);
  const base = { activityType: message.activityType, webUrl, message };
  switch (message.activityType) {
    case 'moduleAssigned': {
      const title = clip(message.moduleTitle, 100);
      return { ...base, topic: title, previewText: fitted((text) => texts.moduleAssigned(texts.title(text), day(message.dueDate)), message.moduleTitle), templateParameters: { moduleTitle: title } };
    }
    case 'moduleReminder': {
      const title = clip(message.moduleTitle, 100);
      const overdue = message.dueDate < message.day;
      const preview = fitted((text) => texts.moduleReminder(texts.title(text), relativeDay(message.dueDate, message.day, language), day(message.dueDate), overdue), message.moduleTitle);
      return { ...base, topic: title, previewText: preview, templateParameters: { moduleTitle: title, dueDate: day(message.dueDate) } };
    }
    case 'alignmentRoundInvited': {
      const question = clip(message.question, 100);
      return { ...base, topic: question, previewText: fitted((text) => texts.alignmentRoundInvited(texts.title(text), day(message.closesOn)), message.question), templateParameters: { question } };
    }
    case 'alignmentRoundReminder': {
      const question = clip(message.question, 100);
      const preview = texts.alignmentRoundReminder(relativeDay(message.closesOn, message.day, language), day(message.closesOn));
      return { ...base, topic: question, previewText: clip(preview, 150), templateParameters: { question, closesOn: day(message.closesOn) } };
    }
    case 'pulseOpened': {
      const title = clip(message.pulseTitle, 100);
      return { ...base, topic: title, previewText: fitted((text) => texts.pulseOpened(texts.title(text), message.statements, day(message.closesOn)), message.pulseTitle), templateParameters: { pulseTitle: title } };
    }
    case 'pulseReminder': {
      const title = clip(message.pulseTitle, 100);
      const preview = fitted((text) => texts.pulseReminder(texts.title(text), relativeDay(message.closesOn, message.day, language), day(message.closesOn)), message.pulseTitle);
      return { ...base, topic: title, previewText: preview, templateParameters: { pulseTitle: title, closesOn: day(message.closesOn) } };
    }
    case 'tasksRemapped': {
      const strategy = clip(message.strategyTitle, 100);
      // The strategy is kept short in the preview so the sentence, the news, has room.
      const preview = fitted((text) => texts.tasksRemapped(texts.title(clip(message.strategyTitle, 60)), message.tasks, texts.title(text)), message.howItServes);
      return { ...base, topic: strategy, previewText: preview, templateParameters: { strategyTitle: strategy } };
    }
    default:
      throw new RangeError(`no texts for activity type ${(message as { activityType: string }).activityType}`);
  }
}

/** What a stored entry says in `language`: rendered from its message; an entry queued without one (before localisation) as it was stored. */
export function contentIn(content: NotificationContent, language: NotificationLanguage): NotificationContent {
  if (!content.message) return content;
  try {
    return renderNotification(content.message, content.webUrl, language);
  } catch {
    return content; // a message this code cannot write (e.g. queued by a newer version): its English, rather than no notification
  }
}
