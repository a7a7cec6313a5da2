/** Who changed a document while someone else was editing it, in words (from a 412's `recentChanges`). */

import type { RecentChange } from '../app/save-outcome';
import { formatDateTime, formatList } from '../i18n';

export type { RecentChange };

const timeOf = (at: string) => formatDateTime(at);

/** "Grace Hopper, 2 Dec 2026, 14:05" — the newest change that touched `field`, if the trail says. */
export function whoChanged(field: string, changes: readonly RecentChange[]): { by: string; at: string; when: string } | undefined {
  const change = changes.find((candidate) => candidate.changedFields.includes(field));
  return change && { by: change.actor.displayName, at: change.at, when: timeOf(change.at) };
}

/** The newest change behind each of `fields`, in trail order (newest first); without fields, the newest change. */
export function relevantChanges(changes: readonly RecentChange[], fields?: readonly string[]): RecentChange[] {
  if (!fields?.length) return changes.slice(0, 1);
  const behind = new Set(fields.map((field) => changes.find((change) => change.changedFields.includes(field))));
  return changes.filter((change) => behind.has(change));
}

/**
 * The names of those whose changes explain `fields` (the ones that differ from what I opened), newest
 * first, each once: "Grace Lee and Ben Ito". Without fields, whoever changed it last.
 */
export function whoChangedAny(changes: readonly RecentChange[], fields?: readonly string[]): string | undefined {
  const names = [...new Set(relevantChanges(changes, fields).map((change) => change.actor.displayName))];
  if (names.length === 0) return undefined;
  return formatList(names);
}

/** When the newest change was saved, in words. */
export const newestTime = (changes: readonly RecentChange[]) => (changes[0] ? { at: changes[0].at, when: timeOf(changes[0].at) } : undefined);
