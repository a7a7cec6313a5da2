/**
 * Coaching leaders: per team, the figures a leader coaches from (alignment of the team's tasks,
 * onboarding completion, moments given and received, pulse results when issue 11 provides them),
 * "say vs do" (the strategies the leader said their job exists to advance, in their latest
 * alignment-round answer, beside the strategies their team's tasks serve), and suggestions in plain
 * words, each with where to act. Team level only: nothing here counts or ranks individual employees.
 * Pure.
 */

export interface StrategyRef {
  id: string;
  title: string;
}

/** A team's figures in the latest closed pulse, as its results show them (see latest-pulse-figures.ts). */
export interface TeamPulseFigures {
  /** Responses counted; null when hidden (below `threshold`, or to keep a smaller group's answers unknown). */
  responses: number | null;
  threshold: number;
  /** 0–100, or null below the threshold. */
  score: number | null;
}

/** Where a team's pulse figures come from (services.ts reads the latest closed pulse). */
export type PulseFiguresSource = (tenantId: string, teamId: string) => Promise<TeamPulseFigures | null>;

/** Moments received per team (team id → count): the moments that recognised the team. */
export function momentsReceivedByTeam(moments: readonly { recognisedTeamIds: readonly string[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const moment of moments) for (const teamId of new Set(moment.recognisedTeamIds)) counts.set(teamId, (counts.get(teamId) ?? 0) + 1);
  return counts;
}

export interface TeamFigures {
  teamId: string;
  teamName: string;
  taskCount: number;
  linkedTaskCount: number;
  /** Active strategies mapped to the team (or served by it) that none of its tasks serve. */
  strategiesWithoutTasks: StrategyRef[];
  /** Active strategies the team's tasks serve, with how many tasks. */
  served: (StrategyRef & { tasks: number })[];
  onboarding: { assigned: number; completed: number };
  moments: { given: number; received: number };
  pulse: TeamPulseFigures | null;
}

export interface SayVsDo {
  said: StrategyRef[];
  served: StrategyRef[];
  /** Said, but no task of the team serves it. */
  saidNotServed: StrategyRef[];
  /** Served by the team's tasks, but not what the leader said they exist for. */
  servedNotSaid: StrategyRef[];
}

export type SuggestionAction =
  | { area: 'teams'; params: { team: string } }
  | { area: 'moments'; params: { compose: '1'; team: string } }
  | { area: 'onboarding-admin'; params: Record<string, never> }
  | { area: 'alignment'; params: { round: string } };

export interface Suggestion {
  id: string;
  text: string;
  action: SuggestionAction;
  actionLabel: string;
}

export function sayVsDo(said: readonly StrategyRef[], served: readonly StrategyRef[]): SayVsDo {
  const servedIds = new Set(served.map((strategy) => strategy.id));
  const saidIds = new Set(said.map((strategy) => strategy.id));
  return {
    said: [...said],
    served: [...served],
    saidNotServed: said.filter((strategy) => !servedIds.has(strategy.id)),
    servedNotSaid: served.filter((strategy) => !saidIds.has(strategy.id)),
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Plain-word suggestions from a team's figures (and the leader's say-vs-do and open round), most useful first. */
export function suggestionsFor(team: TeamFigures, gap: SayVsDo | null, unansweredRound: { id: string; question: string } | null): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const toTeam = { area: 'teams', params: { team: team.teamId } } as const;
  const unlinked = team.taskCount - team.linkedTaskCount;
  if (unansweredRound) {
    suggestions.push({ id: `answer-${unansweredRound.id}`, text: `You have not answered "${unansweredRound.question}" yet.`, action: { area: 'alignment', params: { round: unansweredRound.id } }, actionLabel: 'Answer the round' });
  }
  for (const strategy of gap?.saidNotServed ?? []) {
    suggestions.push({ id: `said-${strategy.id}`, text: `You said your job exists to advance "${strategy.title}", but none of your team's tasks serve it.`, action: toTeam, actionLabel: 'Link tasks' });
  }
  if (unlinked > 0) {
    suggestions.push({ id: 'unlinked', text: `${unlinked} of your team's ${plural(team.taskCount, 'task')} serve no strategy.`, action: toTeam, actionLabel: 'Link tasks' });
  }
  for (const strategy of team.strategiesWithoutTasks) {
    suggestions.push({ id: `unserved-${strategy.id}`, text: `Your team serves no part of "${strategy.title}".`, action: toTeam, actionLabel: 'Review the mapping' });
  }
  if (team.moments.received === 0) {
    suggestions.push({ id: 'no-recognition', text: 'Nobody on your team has been recognised this quarter.', action: { area: 'moments', params: { compose: '1', team: team.teamId } }, actionLabel: 'Recognise someone' });
  }
  const open = team.onboarding.assigned - team.onboarding.completed;
  if (open > 0) {
    suggestions.push({ id: 'onboarding', text: `${open} of your team's ${plural(team.onboarding.assigned, 'onboarding module')} ${open === 1 ? 'is' : 'are'} not completed yet.`, action: { area: 'onboarding-admin', params: {} }, actionLabel: 'See onboarding' });
  }
  return suggestions;
}

/** The first day of the calendar quarter (UTC) `now` is in, as ISO. */
export function quarterStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1)).toISOString();
}

/** Onboarding completion of a team: (assignment, member) pairs started by now, and those completed. */
export function onboardingCompletion(
  memberIds: ReadonlySet<string>,
  assignments: readonly { id: string; recipientIds: readonly string[]; startAt: string | null }[],
  completed: ReadonlySet<string>,
  now: Date,
): { assigned: number; completed: number } {
  let assigned = 0;
  let done = 0;
  const at = now.toISOString();
  for (const assignment of assignments) {
    if (assignment.startAt && assignment.startAt > at) continue;
    for (const userId of assignment.recipientIds) {
      if (!memberIds.has(userId)) continue;
      assigned += 1;
      if (completed.has(`${assignment.id}|${userId}`)) done += 1;
    }
  }
  return { assigned, completed: done };
}

/** Moments given by the team's people and received by the team or its people. */
export function momentCounts(
  teamId: string,
  memberIds: ReadonlySet<string>,
  moments: readonly { authorId: string; recognisedTeamIds: readonly string[] }[],
): { given: number; received: number } {
  let given = 0;
  let received = 0;
  for (const moment of moments) {
    if (memberIds.has(moment.authorId)) given += 1;
    if (moment.recognisedTeamIds.includes(teamId)) received += 1;
  }
  return { given, received };
}
