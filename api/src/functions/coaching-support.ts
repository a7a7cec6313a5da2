/**
 * What both coaching routes compute: every team's figures (one read of the tenant's teams, people,
 * task links, onboarding assignments and progress, and this quarter's moments), and what a leader
 * said in their latest alignment-round answer.
 */
import { containersOf } from '../data/cosmos-client.js';
import { listAssignmentRecipients, listCompletedPairs } from '../data/coaching-reads.js';
import type { StoredAnswer, StoredRound } from '../data/alignment-round-repository.js';
import { computeAlignment } from '../domain/alignment.js';
import { momentCounts, onboardingCompletion, quarterStart, type StrategyRef } from '../domain/coaching.js';
import type { Services } from '../services.js';
import type { Strategy, TeamCoachingFigures } from '../shared/contracts.js';

/** Rounds looked through for a leader's latest answer. */
const ROUNDS_READ = 50;

export interface TenantCoachingData {
  strategies: Strategy[];
  teams: TeamCoachingFigures[];
  people: { id: string; displayName: string; teamId: string | null; roles: string[] }[];
  rounds: StoredRound[];
}

export async function loadCoachingData(services: Services, tenantId: string, teamIds: readonly string[] | 'all'): Promise<TenantCoachingData> {
  const now = services.now();
  const since = quarterStart(now);
  const onboarding = containersOf(services.cosmos).onboarding;
  const [strategies, teams, people, tasks, assignments, completed, moments, rounds] = await Promise.all([
    services.strategy.listStrategies(tenantId),
    services.teams.list(tenantId),
    services.directory.listPeople(tenantId),
    services.teamTasks.listLinks(tenantId),
    listAssignmentRecipients(onboarding, tenantId),
    listCompletedPairs(onboarding, tenantId),
    services.moments.listSince(tenantId, since),
    services.alignmentRounds.list(tenantId, ROUNDS_READ),
  ]);
  const wanted = teamIds === 'all' ? teams : teams.filter((team) => teamIds.includes(team.id));
  // Counts only: no names leave this computation, so the whole team is in scope.
  const alignment = computeAlignment({ strategies, teams, people, tasks }, 0);
  const figures: TeamCoachingFigures[] = [];
  for (const team of wanted) {
    const teamAlignment = alignment.teams.find((entry) => entry.teamId === team.id)?.alignment;
    const members = new Set(people.filter((person) => person.teamId === team.id).map((person) => person.id));
    figures.push({
      team: { id: team.id, name: team.name },
      taskCount: teamAlignment?.taskCount ?? 0,
      linkedTaskCount: teamAlignment?.linkedTaskCount ?? 0,
      strategiesWithoutTasks: (teamAlignment?.strategiesWithoutTasks ?? []).map((strategy) => ({ id: strategy.id, title: strategy.title })),
      served: (teamAlignment?.perStrategy ?? []).filter((entry) => entry.tasks > 0).map((entry) => ({ id: entry.strategyId, title: entry.title, tasks: entry.tasks })),
      onboarding: onboardingCompletion(members, assignments, completed, now),
      moments: { ...momentCounts(team.id, members, moments), since },
      pulse: await services.teamPulseFigures(tenantId, team.id),
    });
  }
  return {
    strategies,
    teams: figures,
    people: people.map((person) => ({ id: person.id, displayName: person.displayName, teamId: person.teamId, roles: [...person.roles, ...(person.grantedRoles ?? [])] })),
    rounds,
  };
}

/** The leader's latest answer (newest round they answered) and the round, if any. */
export async function latestAnswerOf(services: Services, rounds: readonly StoredRound[], leaderId: string): Promise<{ round: StoredRound; answer: StoredAnswer } | null> {
  for (const round of rounds) {
    if (!round.answeredLeaderIds.includes(leaderId)) continue;
    const answer = await services.alignmentRounds.getAnswer(round.tenantId, round.id, leaderId);
    if (answer) return { round, answer };
  }
  return null;
}

export const strategyRefs = (strategies: readonly Strategy[], ids: readonly string[]): StrategyRef[] =>
  ids.map((id) => ({ id, title: strategies.find((strategy) => strategy.id === id)?.title ?? 'Removed strategy' }));
