/**
 * What the new hire sees in their Teams activity feed. The activity types and their template
 * text are declared in appPackage/manifest.json (`activities.activityTypes`); the values here
 * fill those templates. Each notification is built in English and carries its `message`, from
 * which the drain writes it in each recipient's language (notification-text.ts). The deep link opens the module in the personal tab (subEntityId carries
 * the assignment and marks that it was opened from the notification).
 */
import { WEB_URL_MAX_LENGTH, type NotificationContent } from './outbox.js';
import { renderNotification } from './notification-text.js';

/** Must match appPackage/manifest.json staticTabs[0].entityId. */
export const HOME_TAB_ENTITY_ID = 'line-of-sight-home';

export function moduleDeepLink(teamsAppId: string, assignmentId: string): string {
  const context = JSON.stringify({ subEntityId: `onboarding:${assignmentId}:notification` });
  const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${HOME_TAB_ENTITY_ID}?context=${encodeURIComponent(context)}`;
  if (url.length > WEB_URL_MAX_LENGTH) throw new RangeError('deep link too long for Graph');
  return url;
}

const ENTITY_LINK = /^(https:\/\/teams\.microsoft\.com\/l\/entity\/)([^/?#]+)(\/.*)$/;

/**
 * The deep link with the app id Teams resolves in this tenant. Teams' deep-link reference: a custom
 * app uploaded in Teams is linked by its manifest id, an app published to the org catalog by its org
 * catalog id, a Store app by its Store id. Links are written with the manifest id when the plan is
 * expanded (no Graph call there) and get the tenant's catalog id when sent. Other URLs pass unchanged.
 */
export function deepLinkForApp(webUrl: string, teamsAppId: string): string {
  const match = ENTITY_LINK.exec(webUrl);
  if (!match) return webUrl;
  const url = `${match[1]}${encodeURIComponent(teamsAppId)}${match[3]}`;
  if (url.length > WEB_URL_MAX_LENGTH) throw new RangeError('deep link too long for Graph');
  return url;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function assignedContent(moduleTitle: string, dueDate: string, webUrl: string): NotificationContent {
  return renderNotification({ activityType: 'moduleAssigned', moduleTitle, dueDate }, webUrl, 'en');
}

/** `day`: the day the reminder is for (yyyy-mm-dd); the text says how far off the due date is from it. */
export function reminderContent(moduleTitle: string, dueDate: string, webUrl: string, day: string): NotificationContent {
  return renderNotification({ activityType: 'moduleReminder', moduleTitle, dueDate, day }, webUrl, 'en');
}

/** The tab opens the alignment round (`alignment-round:<id>`) or the moment (`moment:<id>`) named by a notification. */
export function tabDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = JSON.stringify({ subEntityId });
  const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${HOME_TAB_ENTITY_ID}?context=${encodeURIComponent(context)}`;
  if (url.length > WEB_URL_MAX_LENGTH) throw new RangeError('deep link too long for Graph');
  return url;
}

export const roundDeepLink = (teamsAppId: string, roundId: string) => tabDeepLink(teamsAppId, `alignment-round:${roundId}`);
export const momentDeepLink = (teamsAppId: string, momentId: string) => tabDeepLink(teamsAppId, `moment:${momentId}`);

/** An invitation to answer a leaders' alignment round, independently, before `closesOn` (yyyy-mm-dd). */
export function alignmentInvitedContent(question: string, closesOn: string, webUrl: string): NotificationContent {
  return renderNotification({ activityType: 'alignmentRoundInvited', question, closesOn }, webUrl, 'en');
}

export function alignmentReminderContent(question: string, closesOn: string, webUrl: string, day: string): NotificationContent {
  return renderNotification({ activityType: 'alignmentRoundReminder', question, closesOn, day }, webUrl, 'en');
}

/** Someone recognised the recipient (or their team) in a mission moment, for `tag` (a value or a strategy). Only what people wrote: nothing to translate. */
export function momentRecognisedContent(tag: string, excerpt: string, webUrl: string): NotificationContent {
  return {
    activityType: 'momentRecognised',
    topic: clip(tag, 100),
    webUrl,
    previewText: clip(excerpt, 150),
    templateParameters: { tag: clip(tag, 100) },
  };
}

/** The owner's home view, where the re-mapped tasks now show under their strategy (an unknown sub-page lands at home). */
export const homeDeepLink = (teamsAppId: string) => tabDeepLink(teamsAppId, 'home');

/** A leader re-mapped `tasks` of the recipient's tasks: to which strategy, and the sentence. Names nobody (not even the leader). */
export function tasksRemappedContent(strategyTitle: string, tasks: number, howItServes: string, webUrl: string): NotificationContent {
  return renderNotification({ activityType: 'tasksRemapped', strategyTitle, tasks, howItServes }, webUrl, 'en');
}

/** The deep link of a pulse notification: the tab opens the pulse's questions (routes.ts routeForSubPage). */
export const pulseDeepLink = (teamsAppId: string, pulseId: string) => tabDeepLink(teamsAppId, `pulse:${pulseId}:notification`);

/** `statements`: how many the pulse asks about (the preview counts them). */
export function pulseOpenedContent(pulseTitle: string, closesOn: string, webUrl: string, statements: number): NotificationContent {
  return renderNotification({ activityType: 'pulseOpened', pulseTitle, closesOn, statements }, webUrl, 'en');
}

/** Goes to everyone the pulse went to: who answered is never used to pick recipients. */
export function pulseReminderContent(pulseTitle: string, closesOn: string, webUrl: string, day: string): NotificationContent {
  return renderNotification({ activityType: 'pulseReminder', pulseTitle, closesOn, day }, webUrl, 'en');
}
