/**
 * The anonymity rules of pulse results, without I/O.
 *
 * 1. Threshold: a group's figures are shown only when at least k people in it answered (k is the
 *    tenant's minimum group size, 3–25, default 5, locked into a pulse when it opens).
 * 2. No differencing: the organisation total is the sum of every team plus the people without a
 *    team. Whatever is hidden can be worked out as "organisation minus the teams shown", so the
 *    hidden remainder must itself be 0 or at least k. When it is not, more teams are hidden (the
 *    smallest shown team first: it costs the least information) until it is. The remainder is then
 *    the union of at least k people's answers, no finer than any group we would show anyway.
 *
 * Worked examples (k = 5) are in test/api/domain/pulse-anonymity.test.ts, among them:
 * - Teams A 12, B 9, C 3 (C below k); organisation 24. Showing A and B would give C = 24 − 12 − 9 = 3
 *   people's answers by subtraction. B (the smaller shown team) is hidden too: the remainder is 12.
 * - Teams A 10, B 10; three people without a team; organisation 23: hiding nobody would reveal the
 *   three by subtraction, so B is hidden (remainder 13).
 * - Organisation 4: nothing is shown at all.
 *
 * Attacks outside this function, blocked by how results are served:
 * - Watching results between two answers (5 answered, then 6: the difference is one person):
 *   answers are shown only after the pulse closes, when nothing changes any more (results.ts).
 * - Trends across pulses: each pulse's figures are suppressed on their own; no figure ever adds or
 *   subtracts responses of two pulses, and different pulses are different sets of answers.
 * - Per-statement counts: every response answers every statement, so each statement has the
 *   group's respondent count; no statement can hide a smaller group.
 * - Filters: results offer no filter finer than a team (a response keeps only its team).
 */

export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
export const MINIMUM_GROUP_SIZE_RANGE = { min: 3, max: 25 } as const;

export interface GroupCount {
  id: string;
  respondents: number;
}

export interface SuppressionInput {
  /** k: the smallest group whose figures may be shown. */
  threshold: number;
  /** Everyone who answered, with or without a team. */
  organisation: number;
  /** Each team's respondents; teams are disjoint and their sum is at most the organisation's. */
  teams: readonly GroupCount[];
}

export type SuppressionReason = 'below_threshold' | 'differencing';

export interface Suppression {
  organisationShown: boolean;
  /** Teams whose figures may be shown. */
  shownTeamIds: ReadonlySet<string>;
  /** Why each hidden team is hidden. */
  hidden: ReadonlyMap<string, SuppressionReason>;
}

export function isValidThreshold(k: number): boolean {
  return Number.isInteger(k) && k >= MINIMUM_GROUP_SIZE_RANGE.min && k <= MINIMUM_GROUP_SIZE_RANGE.max;
}

/** Which groups may be shown so that no shown figure, alone or by subtraction, describes fewer than k people. */
export function suppressGroups({ threshold, organisation, teams }: SuppressionInput): Suppression {
  if (!isValidThreshold(threshold)) throw new RangeError(`threshold must be ${MINIMUM_GROUP_SIZE_RANGE.min}..${MINIMUM_GROUP_SIZE_RANGE.max}`);
  const teamTotal = teams.reduce((sum, team) => sum + team.respondents, 0);
  if (teamTotal > organisation) throw new RangeError('teams count more respondents than the organisation');
  const hidden = new Map<string, SuppressionReason>();
  if (organisation < threshold) {
    for (const team of teams) hidden.set(team.id, 'below_threshold');
    return { organisationShown: false, shownTeamIds: new Set(), hidden };
  }
  for (const team of teams) if (team.respondents < threshold) hidden.set(team.id, 'below_threshold');
  // Shown teams, smallest first (ties by id, so the outcome never depends on input order).
  const shown = teams.filter((team) => !hidden.has(team.id)).sort((a, b) => a.respondents - b.respondents || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let remainder = organisation - shown.reduce((sum, team) => sum + team.respondents, 0);
  while (remainder > 0 && remainder < threshold && shown.length > 0) {
    const next = shown.shift()!;
    hidden.set(next.id, 'differencing');
    remainder += next.respondents;
  }
  // With no shown team left the remainder is the whole organisation, which is at least k here.
  return { organisationShown: true, shownTeamIds: new Set(shown.map((team) => team.id)), hidden };
}

/**
 * What someone could compute from a set of shown figures: the organisation minus the shown teams.
 * Used by the tests to prove every output of suppressGroups is safe (0 or at least k).
 */
export function differencingRemainder(input: SuppressionInput, suppression: Suppression): number | null {
  if (!suppression.organisationShown) return null;
  const shownSum = input.teams.filter((team) => suppression.shownTeamIds.has(team.id)).reduce((sum, team) => sum + team.respondents, 0);
  return input.organisation - shownSum;
}
