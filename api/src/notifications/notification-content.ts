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

/** The deep link of a pulse notification: the tab opens the pulse's questions (routes.ts routeForSubPage). */
export function pulseDeepLink(teamsAppId: string, pulseId: string): string {
  const context = JSON.stringify({ subEntityId: `pulse:${pulseId}:notification` });
  const url = `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${HOME_TAB_ENTITY_ID}?context=${encodeURIComponent(context)}`;
  if (url.length > WEB_URL_MAX_LENGTH) throw new RangeError('deep link too long for Graph');
  return url;
}

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
