/**
 * Pulse answers to figures, without I/O: tallies per team and for the organisation (one pass, linear
 * in the responses), then the groups a reader is shown with the anonymity rules of anonymity.ts.
 * Once a pulse closes its tallies are all that is kept: the individual responses are deleted.
 */
import type { PulseGroupResult } from '../../shared/pulse-contracts.js';
import { suppressGroups } from './anonymity.js';

export const SCALE_POINTS = 5;
/** 4 (agree) and 5 (strongly agree) count as agreeing. */
export const AGREE_FROM = 4;
/** Comments kept when a pulse closes: a random sample, so one tally document always fits (2 MB). */
export const MAX_KEPT_COMMENTS = 300;

export interface ResponseRecord {
  /** The team the answer counts for (the person's team when they answered), null without one. */
  teamId: string | null;
  /** 1..5 per statement, in the pulse's statement order. */
  values: readonly number[];
}

export interface Tally {
  respondents: number;
  /** counts[statement * 5 + (value - 1)]. */
  counts: number[];
}

export interface PulseTallies {
  statementCount: number;
  organisation: Tally;
  teams: Record<string, Tally>;
}

export function emptyTally(statementCount: number): Tally {
  return { respondents: 0, counts: new Array<number>(statementCount * SCALE_POINTS).fill(0) };
}

function add(tally: Tally, values: readonly number[]): void {
  tally.respondents += 1;
  for (let index = 0; index < values.length; index += 1) tally.counts[index * SCALE_POINTS + values[index]! - 1]! += 1;
}

/** Adds `responses` to `into` (a fresh tally set by default). A malformed response is an error, not skipped. */
export function tallyResponses(statementCount: number, responses: Iterable<ResponseRecord>, into: PulseTallies = { statementCount, organisation: emptyTally(statementCount), teams: {} }): PulseTallies {
  for (const response of responses) {
    if (response.values.length !== statementCount || response.values.some((value) => !Number.isInteger(value) || value < 1 || value > SCALE_POINTS)) {
      throw new RangeError('a response must hold one value 1..5 per statement');
    }
    add(into.organisation, response.values);
    if (response.teamId !== null) add((into.teams[response.teamId] ??= emptyTally(statementCount)), response.values);
  }
  return into;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Share agreeing and the distribution (counts per scale point) of one statement of a tally. */
export function statementFigures(tally: Tally, statement: number): { agreeShare: number; distribution: number[] } {
  const distribution = tally.counts.slice(statement * SCALE_POINTS, (statement + 1) * SCALE_POINTS);
  const agreeing = distribution.slice(AGREE_FROM - 1).reduce((sum, count) => sum + count, 0);
  return { agreeShare: tally.respondents > 0 ? round4(agreeing / tally.respondents) : 0, distribution };
}

export interface GroupsInput {
  threshold: number;
  statementIds: readonly string[];
  tallies: PulseTallies;
  /** People invited: organisation-wide and per team (the response rate's denominators). */
  invited: { organisation: number; teams: Readonly<Record<string, number>> };
  teamNames: ReadonlyMap<string, string>;
  organisationName: string;
  /** False while the pulse is open: only respondent counts then, never answers. */
  answersShown: boolean;
  /** Only the organisation (an employee's view). */
  organisationOnly: boolean;
  /** Kept comments (already a random sample); shown, shuffled, with the organisation when it meets k. */
  comments?: readonly string[];
  random?: () => number;
}

/** Fisher–Yates: comments never come out in the order they were written. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** The groups a reader sees: `null` wherever the threshold or the differencing rule hides a figure. */
const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function resultGroups(input: GroupsInput): PulseGroupResult[] {
  const { tallies, threshold, statementIds } = input;
  const teamIds = [...new Set([...Object.keys(input.invited.teams), ...Object.keys(tallies.teams)])].sort((a, b) =>
    byName.compare(input.teamNames.get(a) ?? a, input.teamNames.get(b) ?? b),
  );
  const suppression = suppressGroups({
    threshold,
    organisation: tallies.organisation.respondents,
    teams: teamIds.map((id) => ({ id, respondents: tallies.teams[id]?.respondents ?? 0 })),
  });
  const group = (kind: 'organisation' | 'team', id: string, name: string, tally: Tally, invited: number, shown: boolean): PulseGroupResult => ({
    kind,
    id,
    name,
    respondents: shown ? tally.respondents : null,
    invited,
    statements: statementIds.map((statementId, index) => {
      if (!shown || !input.answersShown) return { id: statementId, agreeShare: null, distribution: null };
      return { id: statementId, ...statementFigures(tally, index) };
    }),
  });
  const organisation = group('organisation', 'organisation', input.organisationName, tallies.organisation, input.invited.organisation, suppression.organisationShown);
  if (suppression.organisationShown && input.answersShown && input.comments) organisation.comments = shuffled(input.comments, input.random);
  if (input.organisationOnly) return [organisation];
  return [
    organisation,
    ...teamIds.map((id) =>
      group('team', id, input.teamNames.get(id) ?? 'A former team', tallies.teams[id] ?? emptyTally(tallies.statementCount), input.invited.teams[id] ?? 0, suppression.shownTeamIds.has(id)),
    ),
  ];
}

/** Reservoir sample of at most `max` comments, so a closed pulse keeps a bounded, unordered set. */
export function sampleComments(comments: Iterable<string>, max: number = MAX_KEPT_COMMENTS, random: () => number = Math.random): string[] {
  const kept: string[] = [];
  let seen = 0;
  for (const comment of comments) {
    seen += 1;
    if (kept.length < max) kept.push(comment);
    else {
      const slot = Math.floor(random() * seen);
      if (slot < max) kept[slot] = comment;
    }
  }
  return shuffled(kept, random);
}
