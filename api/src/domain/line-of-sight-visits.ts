/**
 * "What changed since your last visit": when the last visit moves. Pure.
 */

/** Without a recorded visit, "what changed" looks back this far. */
export const FIRST_VISIT_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

/** Where "what changed" starts for a person: their last dismissal, or 30 days back. */
export function changesSince(lastVisitAt: string | undefined, now: Date): string {
  return lastVisitAt ?? new Date(now.getTime() - FIRST_VISIT_LOOKBACK_MS).toISOString();
}

/**
 * The last visit after a dismissal that saw changes up to `seenUntil`: never later than now (a
 * client's clock can't hide tomorrow's changes), never earlier than it already was (an old tab
 * can't bring dismissed changes back). Returns `current` itself when nothing moves.
 */
export function laterVisit(current: string | undefined, seenUntil: string, now: Date): string | undefined {
  const seen = Math.min(Date.parse(seenUntil), now.getTime());
  if (current !== undefined && Date.parse(current) >= seen) return current;
  return new Date(seen).toISOString();
}
