/**
 * What the new hire sees in their Teams activity feed. The activity types and their template
 * text are declared in appPackage/manifest.json (`activities.activityTypes`); the values here
 * fill those templates. The deep link opens the module in the personal tab (subEntityId carries
 * the assignment and marks that it was opened from the notification).
 */
import { WEB_URL_MAX_LENGTH, type NotificationContent } from './outbox.js';

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
  return {
    activityType: 'moduleAssigned',
    topic: clip(moduleTitle, 100),
    webUrl,
    previewText: clip(`New onboarding module: ${moduleTitle}. Due ${dueDate}.`, 150),
    templateParameters: { moduleTitle: clip(moduleTitle, 100) },
  };
}

export function reminderContent(moduleTitle: string, dueDate: string, webUrl: string): NotificationContent {
  return {
    activityType: 'moduleReminder',
    topic: clip(moduleTitle, 100),
    webUrl,
    previewText: clip(`Reminder: ${moduleTitle} is due ${dueDate}.`, 150),
    templateParameters: { moduleTitle: clip(moduleTitle, 100), dueDate },
  };
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
  return {
    activityType: 'alignmentRoundInvited',
    topic: clip(question, 100),
    webUrl,
    previewText: clip(`Answer on your own by ${closesOn}: ${question}`, 150),
    templateParameters: { question: clip(question, 100) },
  };
}

export function alignmentReminderContent(question: string, closesOn: string, webUrl: string): NotificationContent {
  return {
    activityType: 'alignmentRoundReminder',
    topic: clip(question, 100),
    webUrl,
    previewText: clip(`You have not answered yet. The round closes ${closesOn}.`, 150),
    templateParameters: { question: clip(question, 100), closesOn },
  };
}

/** Someone recognised the recipient (or their team) in a mission moment, for `tag` (a value or a strategy). */
export function momentRecognisedContent(tag: string, excerpt: string, webUrl: string): NotificationContent {
  return {
    activityType: 'momentRecognised',
    topic: clip(tag, 100),
    webUrl,
    previewText: clip(excerpt, 150),
    templateParameters: { tag: clip(tag, 100) },
  };
}

/** The deep link of a pulse notification: the tab opens the pulse's questions (routes.ts routeForSubPage). */
export const pulseDeepLink = (teamsAppId: string, pulseId: string) => tabDeepLink(teamsAppId, `pulse:${pulseId}:notification`);

export function pulseOpenedContent(pulseTitle: string, closesOn: string, webUrl: string): NotificationContent {
  return {
    activityType: 'pulseOpened',
    topic: clip(pulseTitle, 100),
    webUrl,
    previewText: clip(`A short anonymous pulse: ${pulseTitle}. Open until ${closesOn}.`, 150),
    templateParameters: { pulseTitle: clip(pulseTitle, 100) },
  };
}

/** Goes to everyone the pulse went to: who answered is never used to pick recipients. */
export function pulseReminderContent(pulseTitle: string, closesOn: string, webUrl: string): NotificationContent {
  return {
    activityType: 'pulseReminder',
    topic: clip(pulseTitle, 100),
    webUrl,
    previewText: clip(`If you have not answered yet: ${pulseTitle} closes ${closesOn}.`, 150),
    templateParameters: { pulseTitle: clip(pulseTitle, 100), closesOn },
  };
}
