/**
 * The tab's areas and their addresses. Areas live in the URL hash (`#/strategy?edit=<id>`), so a
 * list in one area can link straight to the item to fix in another with a plain link, and the
 * browser's back button works inside the tab.
 */
import type { Role } from '@contracts';
import { appText } from './messages';

export type Area = 'home' | 'onboarding' | 'strategy' | 'teams' | 'insights' | 'onboarding-admin' | 'moments' | 'alignment' | 'coaching' | 'pulses' | 'compare' | 'data';

export interface Route {
  area: Area;
  /** Area-specific pointers, e.g. `edit` (a strategy id) or `team` and `task`. */
  params: Readonly<Record<string, string>>;
}

const AREAS: Area[] = ['home', 'onboarding', 'strategy', 'teams', 'insights', 'onboarding-admin', 'moments', 'alignment', 'coaching', 'pulses', 'compare', 'data'];

/** An area's name in the navigation, in the person's language. */
export const areaLabel = (area: Area): string => appText.text(`area.${area}`);

/** Leaders and Admins see every area; everyone else sees their home view, their onboarding, their own insights, the mission moments and their data. */
export function areasFor(roles: readonly Role[]): Area[] {
  const leads = roles.includes('Leader') || roles.includes('Admin');
  return leads ? AREAS : ['home', 'onboarding', 'insights', 'moments', 'pulses', 'data'];
}

export function parseRoute(hash: string): Route {
  const trimmed = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = trimmed.split('?', 2);
  const area = AREAS.find((candidate) => candidate === path) ?? 'home';
  return { area, params: Object.fromEntries(new URLSearchParams(query)) };
}

/** `#/teams?team=t1&task=k2`; the home view is `#/`. */
export function hrefFor(area: Area, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  const search = query.toString();
  return `#/${area === 'home' ? '' : area}${search ? `?${search}` : ''}`;
}

/** The area to show: one the person may see, else home. */
export function allowedRoute(route: Route, roles: readonly Role[] | null): Route {
  if (route.area === 'home' || roles === null) return route;
  return areasFor(roles).includes(route.area) ? route : { area: 'home', params: {} };
}

/**
 * Where a Teams deep link lands. A notification's link carries `onboarding:<assignmentId>:notification`
 * as its context (teams-js: page.subPageId): the module opens directly, marked as opened from it;
 * `alignment-round:<id>` opens the round and `moment:<id>` the moments feed; `pulse:<pulseId>:notification`
 * opens the pulse's questions.
 */
export function routeForSubPage(subPageId: string | undefined): Route | null {
  const [kind, assignment, source] = (subPageId ?? '').split(':');
  // Alignment round invitations and reminders (`alignment-round:<id>`), recognition (`moment:<id>`).
  if (kind === 'alignment-round' && assignment) return { area: 'alignment', params: { round: assignment } };
  if (kind === 'moment' && assignment) return { area: 'moments', params: { moment: assignment } };
  // A pulse notification (`pulse:<pulseId>:notification`) opens the pulse's questions.
  if (kind === 'pulse' && assignment) return { area: 'pulses', params: { pulse: assignment } };
  if (kind !== 'onboarding' || !assignment) return null;
  return { area: 'onboarding', params: source === 'notification' ? { assignment, from: 'notification' } : { assignment } };
}
